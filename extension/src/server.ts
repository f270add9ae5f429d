import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createSegmentLspServices } from '@segments/language-server';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SegmentRequests } from './server-extensions.js';

/**
 * The entry of the extension's bundled server (`dist/server.cjs`): the segment language server,
 * as `segment-language-server` starts it, plus the requests of the preview and of *Show Compiled
 * IR* ({@link SegmentRequests}). The client starts it with Node IPC (`--node-ipc`), which
 * vscode-languageserver reads from the command line.
 */
const connection = createConnection(ProposedFeatures.all);
const { shared } = createSegmentLspServices({ connection, ...NodeFileSystem });
new SegmentRequests(shared).register(connection);
startLanguageServer(shared);
