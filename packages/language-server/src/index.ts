export * from './segment-lsp-module.js';

// Quick fixes, code lenses, formatting, semantic tokens, symbols and configuration
export * from './lsp/tooling-module.js';
export * from './lsp/code-actions/segment-code-action-provider.js';
export * from './lsp/code-actions/segment-names.js';
export * from './lsp/code-lens/segment-code-lens-provider.js';
export * from './lsp/code-lens/segment-preview-counter.js';
export * from './lsp/config/segment-config-editor.js';
export * from './lsp/config/segment-config-watcher.js';
export * from './lsp/config/segment-settings.js';
export * from './lsp/formatting/segment-formatter.js';
export * from './lsp/formatting/line-diff.js';
export * from './lsp/semantic-tokens/segment-semantic-token-provider.js';
export * from './lsp/symbols/segment-document-symbol-provider.js';
export * from './lsp/symbols/segment-folding-range-provider.js';
export * from './lsp/symbols/segment-node-kind-provider.js';

// Workspace
export * from './lsp/workspace/segment-document-builder.js';
export * from './lsp/code-lens/ndjson-sample.js';

// Requests besides LSP (previews, traces, compiled IR) and the server's start
export * from './requests/segment-requests.js';
export * from './requests/segment-requests-protocol.js';
export * from './requests/preview-evaluation.js';
export * from './start-server.js';
