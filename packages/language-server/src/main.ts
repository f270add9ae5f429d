import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSegmentLanguageServer } from './start-server.js';

/**
 * The entry of `segment-language-server`: a connection over the transport named on the command
 * line (`--stdio`, `--node-ipc`; vscode-languageserver reads the arguments), then the server.
 */
startSegmentLanguageServer(createConnection(ProposedFeatures.all));
