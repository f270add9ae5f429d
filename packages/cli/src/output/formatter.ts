import type { DiagnosticReport } from '../diagnostics.js';

/** Options every output format takes. */
export interface FormatOptions {
    /** Whether to colour the output with ANSI escapes (only the human format uses colour). */
    readonly color: boolean;
}

/** Turns a report into the text of one output format (ending with a newline, or empty). */
export type DiagnosticFormatter = (report: DiagnosticReport, options: FormatOptions) => string;
