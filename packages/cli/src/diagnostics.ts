import type { LangiumDocument } from 'langium';
import * as path from 'node:path';

/** How bad a diagnostic is, as the command reports it. */
export type CliSeverity = 'error' | 'warning' | 'info';

/**
 * One diagnostic of one file, as every output format reports it: lines and columns are 1-based,
 * and the end column is the column just after the last character of the range (as ESLint's).
 */
export interface CliDiagnostic {
    /** The file, relative to the current directory. */
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: CliSeverity;
    /** The stable diagnostic code (`unknown-field`, `syntax-error`...). */
    readonly code: string;
    readonly message: string;
    /** The text of the diagnostic's first line, for the human format's excerpt. */
    readonly sourceLine: string;
}

/** The diagnostics of some files, and how many files were looked at. */
export interface DiagnosticReport {
    /** The diagnostics, sorted by file then position. */
    readonly diagnostics: readonly CliDiagnostic[];
    /** How many files were checked, with or without diagnostics. */
    readonly fileCount: number;
}

/** The code a diagnostic gets when the language gave it none. */
export const UNSPECIFIED_CODE = 'unspecified';

type LspDiagnostic = NonNullable<LangiumDocument['diagnostics']>[number];

/** The severity of an LSP diagnostic (1 error, 2 warning, 3 information, 4 hint; none means error). */
export function severityOf(diagnostic: LspDiagnostic): CliSeverity {
    switch (diagnostic.severity) {
        case 2:
            return 'warning';
        case 3:
        case 4:
            return 'info';
        default:
            return 'error';
    }
}

/** The diagnostics of one built document, converted and sorted by position. */
export function documentDiagnostics(document: LangiumDocument, cwd: string): CliDiagnostic[] {
    const file = displayPath(document.uri.fsPath, cwd);
    const lines = document.textDocument.getText().split(/\r?\n|\r/);
    return (document.diagnostics ?? [])
        .map((diagnostic) => {
            const { start, end } = diagnostic.range;
            return {
                file,
                line: start.line + 1,
                column: start.character + 1,
                endLine: end.line + 1,
                endColumn: end.character + 1,
                severity: severityOf(diagnostic),
                code: typeof diagnostic.code === 'string' && diagnostic.code ? diagnostic.code : UNSPECIFIED_CODE,
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
                sourceLine: lines[start.line] ?? '',
            };
        })
        .sort(compareDiagnostics);
}

/** How a file is named in the output: relative to the current directory. */
export function displayPath(fsPath: string, cwd: string): string {
    return path.relative(cwd, fsPath) || path.basename(fsPath);
}

/** The report of some built documents: their diagnostics, sorted by file then position. */
export function reportOf(documents: ReadonlyArray<LangiumDocument>, cwd: string): DiagnosticReport {
    return {
        diagnostics: documents.flatMap((document) => documentDiagnostics(document, cwd)).sort(compareDiagnostics),
        fileCount: documents.length,
    };
}

/** Orders diagnostics by file, then start, then end, then code. */
export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly CliDiagnostic[]): boolean {
    return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
