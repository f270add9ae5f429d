import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { type DiagnosticCode, diagnosticCodes, type Severity } from '../../src/validation/segment-diagnostic-codes.js';

/** What a test asserts of one diagnostic: its code, its severity and where it is. */
export interface DiagnosticSummary {
    code: string;
    severity: Severity | 'hint';
    range: Range;
}

const severityNames: Record<number, Severity | 'hint'> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * The range of the `occurrence`-th appearance (1-based) of `needle` in `text`, with 0-based lines
 * and characters as the language server reports them. Throws when the needle is not there, so a
 * typo in a test fails loudly rather than asserting a wrong place.
 */
export function rangeOf(text: string, needle: string, occurrence = 1): Range {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) throw new Error(`\`${needle}\` (occurrence ${occurrence}) is not in the text`);
    }
    return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}

function positionAt(text: string, offset: number): Range['start'] {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/** A diagnostic reduced to what the tests compare. */
export function summarize(diagnostic: Diagnostic): DiagnosticSummary {
    return { code: String(diagnostic.code), severity: severityNames[diagnostic.severity ?? 1], range: diagnostic.range };
}

/** The summaries of all diagnostics, for `toEqual` against {@link expected} ones. */
export function summaries(diagnostics: readonly Diagnostic[]): DiagnosticSummary[] {
    return diagnostics.map(summarize);
}

/**
 * The diagnostic a test expects: `code` at its default severity (unless `severity` is given), on
 * the `occurrence`-th appearance of `needle` in `text`.
 */
export function expected(code: DiagnosticCode, text: string, needle: string, occurrence = 1, severity: Severity = diagnosticCodes[code].severity): DiagnosticSummary {
    return { code, severity, range: rangeOf(text, needle, occurrence) };
}

/**
 * Like {@link expected}, but on `part` inside the `occurrence`-th appearance of `context`: the name
 * `b` of `in segment b`, say, where `b` alone would also match elsewhere.
 */
export function expectedIn(code: DiagnosticCode, text: string, context: string, part: string, occurrence = 1, severity: Severity = diagnosticCodes[code].severity): DiagnosticSummary {
    const outer = rangeOf(text, context, occurrence);
    const inner = rangeOf(context, part);
    if (inner.start.line !== 0) throw new Error('expectedIn takes a one-line context');
    const start = { line: outer.start.line, character: outer.start.character + inner.start.character };
    return { code, severity, range: { start, end: { line: start.line, character: start.character + part.length } } };
}

/** Summaries in the order of their start in the file, for checks that may report in any order. */
export function byPosition(diagnostics: readonly Diagnostic[]): DiagnosticSummary[] {
    return summaries(diagnostics).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
