import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection } from 'vscode-languageserver';
import { SegmentRequests } from './requests/segment-requests.js';
import { createSegmentLspServices } from './segment-lsp-module.js';

/**
 * Starts the segment language server on a connection, with projects read from disk: Langium's
 * server loop with every LSP feature of this package, plus the requests of previews, traces and
 * *Show Compiled IR* ({@link SegmentRequests}). `segment-language-server` and the VS Code
 * extension's bundled server both start here, so every editor gets the same server.
 */
export function startSegmentLanguageServer(connection: Connection): void {
    const { shared } = createSegmentLspServices({ connection, ...NodeFileSystem });
    new SegmentRequests(shared).register(connection);
    startLanguageServer(shared);
}
