import { startSegmentLanguageServer } from '@segments/language-server';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

/**
 * The entry of the extension's bundled server (`dist/server.cjs`): the segment language server,
 * as `segment-language-server` starts it. The client starts it with Node IPC (`--node-ipc`),
 * which vscode-languageserver reads from the command line.
 */
startSegmentLanguageServer(createConnection(ProposedFeatures.all));
