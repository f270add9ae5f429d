import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** The client's id: its trace setting is `segments.trace.server`. */
export const CLIENT_ID = 'segments';

/** The files whose changes the server must learn of: configurations, segment files and preview samples. */
export const WATCHED_FILES = ['**/segment.config.json', '**/*.segment', '**/*.{ndjson,csv,json}'];

/** The documents the server serves: segment files on disk and untitled segment documents. */
export const DOCUMENT_SELECTOR = [
    { scheme: 'file', language: 'segment' },
    { scheme: 'untitled', language: 'segment' },
];

/**
 * The client of the bundled language server (`dist/server.cjs`), started with Node IPC from the
 * extension host's Node. Nothing is fetched from the network.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const module = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
    context.subscriptions.push(...watchers);
    const clientOptions: LanguageClientOptions = {
        documentSelector: DOCUMENT_SELECTOR,
        synchronize: { fileEvents: watchers },
    };
    return new LanguageClient(CLIENT_ID, 'Segments Language Server', serverOptions, clientOptions);
}
