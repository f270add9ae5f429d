export * from './generated/ast.js';
export * from './segment-module.js';
