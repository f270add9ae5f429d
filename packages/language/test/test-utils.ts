import { type FileSystemNode, type FileSystemProvider, type LangiumDocument, URI, UriUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../src/generated/ast.js';
import { createSegmentServices, type SegmentServices } from '../src/segment-module.js';

/**
 * A read-only file system held in memory, so tests can give a project its `segment.config.json`
 * and list files without touching the disk. Paths are absolute (`/project/a.segment`).
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

/** A built project: its documents by path, and the services that built them. */
export interface TestProject {
    services: SegmentServices;
    documents: Map<string, LangiumDocument<Model>>;
    /** The diagnostics of one file (by path). */
    diagnostics(path: string): Diagnostic[];
    /** The codes of the diagnostics of one file, in order. */
    codes(path: string): string[];
}

/**
 * Builds every `.segment` file of an in-memory project (other files, such as a
 * `segment.config.json` or a list's CSV, are only visible through the file system).
 */
export async function buildProject(files: Record<string, string>): Promise<TestProject> {
    const { shared, Segment } = createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem(files) });
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.segment')) continue;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(path, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const diagnostics = (path: string): Diagnostic[] => {
        const document = documents.get(path);
        if (!document) throw new Error(`no document ${path}`);
        return document.diagnostics ?? [];
    };
    return {
        services: Segment,
        documents,
        diagnostics,
        codes: (path) => diagnostics(path).map((d) => String(d.code)),
    };
}

/** The schema most tests use: the specification's `Contact`. */
export const CONTACT_SCHEMA = `
/** Contacts synced from the CRM. */
schema Contact key id {
  id text
  email text
  first_name text
  birthday date
  country text
  state text
  job_title text
  tags list of text
  scores list of number
  tier one of ("Bronze", "Silver", "Gold")
  lifetime_points number
  visits number
  total_spent number from "properties.total_revenue"
  first_visit datetime
  last_visit datetime
  last_purchase datetime
  subscribed_at datetime
  welcome_email_sent boolean

  let average_order_value = total_spent / visits

  event Purchased { amount number, product text }
  event EmailOpened { campaign text }
  event EmailClicked { campaign text, url text }
  event PageViewed { url text, seconds number }
}
`;

/** Builds a project of the {@link CONTACT_SCHEMA} and one more file, and returns that file's diagnostics. */
export async function checkWithContact(text: string, extra: Record<string, string> = {}): Promise<{ project: TestProject; diagnostics: Diagnostic[]; codes: string[] }> {
    const project = await buildProject({ '/p/contact.segment': CONTACT_SCHEMA, '/p/test.segment': text, ...extra });
    return { project, diagnostics: project.diagnostics('/p/test.segment'), codes: project.codes('/p/test.segment') };
}
