import type { LangiumDocument } from 'langium';

/** How bad a diagnostic is, in the machine-readable shape. */
export type DiagnosticSeverityName = 'error' | 'warning' | 'info';

/**
 * One diagnostic in the machine-readable shape of the specification (§7), which
 * `segment check --format json`, the n8n Validate operation and AI agents rely on: lines and
 * columns are 1-based, and the end column is the column just after the last character of the
 * range (as ESLint's).
 */
export interface DiagnosticJson {
    /** The file, as the host names it (relative to the current directory, a parameter's name...). */
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: DiagnosticSeverityName;
    /** The stable kebab-case code (`unknown-field`, `syntax-error`...; {@link UNSPECIFIED_CODE} when none was given). */
    readonly code: string;
    readonly message: string;
}

/** The code a diagnostic gets when the language gave it none. */
export const UNSPECIFIED_CODE = 'unspecified';

/** A diagnostic of a built document (an LSP diagnostic). */
export type DocumentDiagnostic = NonNullable<LangiumDocument['diagnostics']>[number];

/** The severity of an LSP diagnostic (1 error, 2 warning, 3 information, 4 hint; none means error). */
export function diagnosticSeverityName(diagnostic: Pick<DocumentDiagnostic, 'severity'>): DiagnosticSeverityName {
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

/** A document's diagnostic in the machine-readable shape, for the file named `file`. */
export function toDiagnosticJson(diagnostic: DocumentDiagnostic, file: string): DiagnosticJson {
    const { start, end } = diagnostic.range;
    return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: diagnosticSeverityName(diagnostic),
        code: typeof diagnostic.code === 'string' && diagnostic.code ? diagnostic.code : UNSPECIFIED_CODE,
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    };
}

/** Orders diagnostics by file, then start, then end, then code. */
export function compareDiagnosticJson(a: DiagnosticJson, b: DiagnosticJson): number {
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
