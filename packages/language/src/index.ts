// The AST and the language's services
export * from './generated/ast.js';
export { SegmentsGeneratedModule, SegmentsGeneratedSharedModule, SegmentsLanguageMetaData } from './generated/module.js';
export * from './segment-module.js';
export * from './segment-parser.js';
export * from './segment-parser-errors.js';
export * from './segment-scope.js';
export * from './segment-schema-resolver.js';
export * from './segment-ast-utils.js';
export * from './segment-value-converter.js';

// Types and built-in functions
export * from './types/segment-types.js';
export * from './types/segment-type-checker.js';
export * from './builtins/segment-functions.js';

// Validation: codes, checks, the document validator
export * from './validation/segment-diagnostic-codes.js';
export * from './validation/segment-document-validator.js';
export * from './validation/segment-validator.js';
export * from './validation/segment-lint-validator.js';
export * from './validation/regex-safety.js';
export * from './validation/segment-diagnostic-json.js';
export * from './util/suggestions.js';

// Projects and their configuration
export * from './workspace/segment-config.js';
export * from './workspace/segment-projects.js';
export * from './workspace/in-memory-file-system.js';
export * from './workspace/in-memory-project.js';

// Formatting
export * from './formatting/segment-printer.js';

// The IR and the lowering to it
export * from '@segments/ir';
export * from './ir/segment-lowering.js';
export * from './ir/expression-lowering.js';
export * from './ir/lowering-errors.js';
export * from './ir/source-spans.js';
export * from './schemas/json-schemas.js';
