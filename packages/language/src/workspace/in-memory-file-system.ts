import { type FileSystemNode, type FileSystemProvider, type URI, UriUtils } from 'langium';

/**
 * A read-only file system held in memory: hosts whose files are not on a disk (tests, an n8n
 * execution given segment texts as parameters) can still give a project its `segment.config.json`
 * and its lists. Paths are absolute (`/project/a.segment`).
 */
export class InMemoryFileSystem implements FileSystemProvider {
    constructor(readonly files: Record<string, string>) {}

    protected isFile(uri: URI): boolean {
        return Object.hasOwn(this.files, uri.path);
    }

    protected isDirectory(uri: URI): boolean {
        const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
        return Object.keys(this.files).some((path) => path.startsWith(prefix));
    }

    stat(uri: URI): Promise<FileSystemNode> {
        return Promise.resolve(this.statSync(uri));
    }
    statSync(uri: URI): FileSystemNode {
        if (!this.isFile(uri) && !this.isDirectory(uri)) throw new Error(`ENOENT: ${uri.path}`);
        return { uri, isFile: this.isFile(uri), isDirectory: this.isDirectory(uri) };
    }
    exists(uri: URI): Promise<boolean> {
        return Promise.resolve(this.existsSync(uri));
    }
    existsSync(uri: URI): boolean {
        return this.isFile(uri) || this.isDirectory(uri);
    }
    readBinary(uri: URI): Promise<Uint8Array> {
        return Promise.resolve(this.readBinarySync(uri));
    }
    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }
    readFile(uri: URI): Promise<string> {
        return Promise.resolve(this.readFileSync(uri));
    }
    readFileSync(uri: URI): string {
        const text = this.files[uri.path];
        if (text === undefined) throw new Error(`ENOENT: ${uri.path}`);
        return text;
    }
    readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return Promise.resolve(this.readDirectorySync(uri));
    }
    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
        const names = new Set(
            Object.keys(this.files)
                .filter((path) => path.startsWith(prefix))
                .map((path) => path.slice(prefix.length).split('/')[0]),
        );
        return [...names].map((name) => this.statSync(UriUtils.joinPath(uri, name)));
    }
}
