import { createSegmentServices, type Model, type SegmentServices } from '@segments/language';
import { type FileSystemProvider, type LangiumDocument, type LangiumSharedCoreServices, URI, UriUtils } from 'langium';
import { NodeFileSystem } from 'langium/node';
import * as path from 'node:path';
import { CliError } from './cli-error.js';

/** The file name of a project's configuration (its folder is the project's root). */
export const CONFIG_FILE_NAME = 'segment.config.json';

/** The extension of segment files. */
export const SEGMENT_EXTENSION = '.segment';

/** The projects of some paths, loaded from disk and built with validation. */
export interface LoadedWorkspace {
    /** The services that built the documents. */
    readonly services: SegmentServices;
    /** The root folder of each project involved, as absolute paths. */
    readonly roots: readonly string[];
    /** Every document built: all the files of every involved project, sorted by path. */
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    /** The documents under the requested paths, the ones to report on, sorted by path. */
    readonly requested: ReadonlyArray<LangiumDocument<Model>>;
}

/**
 * Loads the projects of files and folders from disk. A project is the folder of the nearest
 * `segment.config.json` above a path; with none, the given folder (or the file's folder). All
 * the `.segment` files of each involved project are built together, so that names resolve, but
 * only the files under the requested paths are reported on.
 */
export interface WorkspaceLoader {
    /**
     * Loads and builds the projects of the given paths (relative to `cwd`). Throws a {@link CliError}
     * for a path that does not exist or a project whose `segment.config.json` cannot be used.
     */
    load(paths: readonly string[], cwd: string): Promise<LoadedWorkspace>;
}

/**
 * The default {@link WorkspaceLoader}: walks folders through the services' file system provider,
 * skipping `node_modules`, dot-folders, and sub-folders that have their own `segment.config.json`
 * (separate projects, loaded only when a requested path is inside one).
 */
export class DefaultWorkspaceLoader implements WorkspaceLoader {
    protected readonly shared: LangiumSharedCoreServices;
    protected readonly services: SegmentServices;
    protected readonly fileSystem: FileSystemProvider;

    /** Uses the given services, or creates services that read from disk. */
    constructor(services: { shared: LangiumSharedCoreServices; Segment: SegmentServices } = createSegmentServices(NodeFileSystem)) {
        this.shared = services.shared;
        this.services = services.Segment;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
    }

    async load(paths: readonly string[], cwd: string): Promise<LoadedWorkspace> {
        const roots = new Map<string, URI>();
        const requested = new Map<string, URI>();
        for (const fsPath of paths) {
            const uri = URI.file(path.resolve(cwd, fsPath));
            const isFile = this.statPath(uri, fsPath);
            if (isFile && !uri.path.endsWith(SEGMENT_EXTENSION)) {
                throw new CliError(`not a ${SEGMENT_EXTENSION} file: ${fsPath}`);
            }
            const root = this.rootOf(uri, isFile);
            roots.set(root.toString(), root);
            for (const file of isFile ? [uri] : await this.segmentFiles(uri)) {
                requested.set(file.toString(), file);
            }
        }
        const all = new Map(requested);
        for (const root of roots.values()) {
            for (const file of await this.segmentFiles(root)) {
                all.set(file.toString(), file);
            }
        }
        const documents: Array<LangiumDocument<Model>> = [];
        for (const uri of sortUris(all.values())) {
            documents.push((await this.shared.workspace.LangiumDocuments.getOrCreateDocument(uri)) as LangiumDocument<Model>);
        }
        await this.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return {
            services: this.services,
            roots: sortUris(roots.values()).map((root) => root.fsPath),
            documents,
            requested: documents.filter((document) => requested.has(document.uri.toString())),
        };
    }

    /** Whether a path is a file (`false` for a folder); throws when it does not exist. */
    protected statPath(uri: URI, given: string): boolean {
        try {
            const stat = this.fileSystem.statSync(uri);
            if (stat.isFile || stat.isDirectory) return stat.isFile;
        } catch {
            // reported below
        }
        throw new CliError(`no such file or directory: ${given}`);
    }

    /**
     * The root of the project of a path: the nearest folder holding a configuration, or the path's
     * own folder. Throws a {@link CliError} when that configuration cannot be used.
     */
    protected rootOf(uri: URI, isFile: boolean): URI {
        const folder = isFile ? UriUtils.dirname(uri) : uri;
        const project = this.services.workspace.Projects.projectOf(UriUtils.joinPath(folder, CONFIG_FILE_NAME));
        if (project.configError) {
            throw new CliError(project.configError.message);
        }
        return project.root ?? folder;
    }

    /** The `.segment` files under a folder, not descending into other projects, `node_modules` or dot-folders. */
    protected async segmentFiles(folder: URI): Promise<URI[]> {
        const files: URI[] = [];
        const walk = async (current: URI): Promise<void> => {
            for (const entry of await this.fileSystem.readDirectory(current)) {
                const name = UriUtils.basename(entry.uri);
                if (entry.isDirectory) {
                    if (name.startsWith('.') || name === 'node_modules' || this.isProjectRoot(entry.uri)) continue;
                    await walk(entry.uri);
                } else if (entry.isFile && name.endsWith(SEGMENT_EXTENSION)) {
                    files.push(entry.uri);
                }
            }
        };
        await walk(folder);
        return files;
    }

    /** Whether a folder has its own `segment.config.json`. */
    protected isProjectRoot(folder: URI): boolean {
        const config = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        try {
            return this.fileSystem.existsSync(config) && this.fileSystem.statSync(config).isFile;
        } catch {
            return false;
        }
    }
}

function sortUris(uris: Iterable<URI>): URI[] {
    return [...uris].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
