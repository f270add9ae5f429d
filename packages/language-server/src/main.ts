import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createSegmentLspServices } from './segment-lsp-module.js';

/**
 * The entry of `segment-language-server`: a connection over the transport named on the command
 * line (`--stdio`, `--node-ipc`; vscode-languageserver reads the arguments), projects read from
 * disk, and Langium's server loop.
 */
const connection = createConnection(ProposedFeatures.all);
const { shared } = createSegmentLspServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
