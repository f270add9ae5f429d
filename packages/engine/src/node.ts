/**
 * The engine for Node: everything of the core, plus what reads files (a static list's CSV).
 * Editors and other non-Node hosts import the core (`index.ts`) only.
 */
export * from './index.js';
export * from './node/csv-file-list-source.js';
