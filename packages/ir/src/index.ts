export * from './segment-ir.js';
