import { type FileSystemProvider, type LangiumSharedCoreServices, URI, UriUtils } from 'langium';
import {
    applyConfigOverrides,
    CONFIG_FILE_NAME,
    defaultSegmentConfig,
    parseSegmentConfig,
    type SegmentConfig,
    SegmentConfigError,
    type SegmentConfigOverrides,
} from './segment-config.js';

/** The project a document belongs to: the folder of the nearest `segment.config.json` above it. */
export interface SegmentProject {
    /** The project's root folder, or `undefined` for documents outside any configured project. */
    readonly root: URI | undefined;
    /** A stable key: the root's URI string, or `''` for the implicit default project. */
    readonly key: string;
    /** The configuration in force: the file's (defaults where it is missing or invalid), with the host's overrides applied. */
    readonly config: SegmentConfig;
    /** Why the configuration file could not be used, if it could not. */
    readonly configError?: SegmentConfigError;
}

/**
 * Finds the project of each document. Names resolve within one project only, so a folder with its
 * own `segment.config.json` (such as `examples/invalid/`) is a workspace of its own, as a nested
 * `tsconfig.json` would be. Documents with no configuration above them form one default project.
 */
export interface SegmentProjects {
    projectOf(uri: URI): SegmentProject;
    /** Forgets cached roots and configurations, after a configuration file changed. */
    invalidate(): void;
    /** The host's overrides of every configuration file (none by default). */
    readonly overrides: SegmentConfigOverrides;
    /** Replaces the host's overrides (an editor's settings changed) and forgets cached configurations. */
    setOverrides(overrides: SegmentConfigOverrides): void;
}

/** Looks configuration files up through the workspace's {@link FileSystemProvider}. */
export class DefaultSegmentProjects implements SegmentProjects {
    protected readonly fileSystem: FileSystemProvider;
    protected readonly rootsByFolder = new Map<string, URI | undefined>();
    protected readonly projectsByRoot = new Map<string, SegmentProject>();
    /**
     * The project of each document URI asked for: scoping and validation ask for the project of
     * every declaration of the index, and computing a URI's folder is the costly part.
     */
    protected readonly projectsByDocument = new Map<string, SegmentProject>();
    protected currentOverrides: SegmentConfigOverrides = {};

    constructor(services: LangiumSharedCoreServices) {
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    projectOf(uri: URI): SegmentProject {
        const documentKey = uri.toString();
        const known = this.projectsByDocument.get(documentKey);
        if (known) {
            return known;
        }
        const root = this.findRoot(UriUtils.dirname(uri));
        const key = root?.toString() ?? '';
        let project = this.projectsByRoot.get(key);
        if (!project) {
            project = root ? this.loadProject(root) : { root, key, config: defaultSegmentConfig };
            project = { ...project, config: applyConfigOverrides(project.config, this.currentOverrides) };
            this.projectsByRoot.set(key, project);
        }
        this.projectsByDocument.set(documentKey, project);
        return project;
    }

    get overrides(): SegmentConfigOverrides {
        return this.currentOverrides;
    }

    setOverrides(overrides: SegmentConfigOverrides): void {
        this.currentOverrides = overrides;
        this.invalidate();
    }

    invalidate(): void {
        this.rootsByFolder.clear();
        this.projectsByRoot.clear();
        this.projectsByDocument.clear();
    }

    protected findRoot(folder: URI): URI | undefined {
        const cacheKey = folder.toString();
        if (this.rootsByFolder.has(cacheKey)) {
            return this.rootsByFolder.get(cacheKey);
        }
        let root: URI | undefined;
        if (this.configExists(UriUtils.joinPath(folder, CONFIG_FILE_NAME))) {
            root = folder;
        } else {
            const parent = UriUtils.dirname(folder);
            root = parent.path === folder.path ? undefined : this.findRoot(parent);
        }
        this.rootsByFolder.set(cacheKey, root);
        return root;
    }

    protected configExists(uri: URI): boolean {
        try {
            return this.fileSystem.existsSync(uri) && this.fileSystem.statSync(uri).isFile;
        } catch {
            return false;
        }
    }

    protected loadProject(root: URI): SegmentProject {
        const file = UriUtils.joinPath(root, CONFIG_FILE_NAME);
        const key = root.toString();
        try {
            const config = parseSegmentConfig(this.fileSystem.readFileSync(file), file.fsPath);
            return { root, key, config };
        } catch (error) {
            const configError =
                error instanceof SegmentConfigError
                    ? error
                    : new SegmentConfigError(file.fsPath, [`cannot be read: ${(error as Error).message}`]);
            return { root, key, config: defaultSegmentConfig, configError };
        }
    }
}

export { URI };
