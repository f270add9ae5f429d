import { type Cancellation, type DocumentBuilder, DocumentState, type LangiumDocuments, URI, UriUtils, type WorkspaceLock, type WorkspaceManager } from 'langium';
import { CONFIG_FILE_NAME, type SegmentProjects } from '@segments/language';
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver';
import type { SegmentLspServices } from '../../segment-lsp-module.js';

/**
 * Applies changes of `segment.config.json` at once: when the client reports that a configuration
 * file was created, changed or deleted (`workspace/didChangeWatchedFiles`), forgets the cached
 * projects and configurations and relinks and re-validates every document, so that new limits,
 * severities and project boundaries show in the diagnostics without a restart.
 *
 * Langium's document update handler asks clients that support dynamic registration to watch
 * every file of the workspace; other clients must watch the files named `segment.config.json`
 * themselves (see docs/language-server.md).
 */
export class SegmentConfigWatcher {
    protected readonly projects: SegmentProjects;
    protected readonly documents: LangiumDocuments;
    protected readonly documentBuilder: DocumentBuilder;
    protected readonly workspaceLock: WorkspaceLock;
    protected readonly workspaceManager: WorkspaceManager;

    constructor(services: SegmentLspServices) {
        const shared = services.shared;
        this.projects = services.workspace.Projects;
        this.documents = shared.workspace.LangiumDocuments;
        this.documentBuilder = shared.workspace.DocumentBuilder;
        this.workspaceLock = shared.workspace.WorkspaceLock;
        this.workspaceManager = shared.workspace.WorkspaceManager;
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange?.((params) => this.watchedFilesChanged(params));
    }

    /** Whether a URI is a project's configuration file. */
    isConfigFile(uri: URI): boolean {
        return UriUtils.basename(uri) === CONFIG_FILE_NAME;
    }

    /** Handles a file-watcher notification: re-validates the workspace when a configuration file is among the changes. */
    watchedFilesChanged(params: DidChangeWatchedFilesParams): Promise<void> {
        if (!params.changes.some((change) => this.isConfigFile(URI.parse(change.uri)))) return Promise.resolve();
        return this.workspaceManager.ready.then(() => this.revalidateWorkspace());
    }

    /** Re-validates the workspace under its write lock (after the configuration or the editor's settings changed). */
    revalidateWorkspace(): Promise<void> {
        return this.workspaceLock.write((token) => this.revalidate(token));
    }

    /** Forgets the projects and rebuilds every document from linking on. */
    async revalidate(cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.projects.invalidate();
        for (const document of this.documents.all) {
            this.documentBuilder.resetToState(document, DocumentState.ComputedScopes);
        }
        await this.documentBuilder.update([], [], cancelToken);
    }
}
