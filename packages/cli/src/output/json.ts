import type { DiagnosticReport } from '../diagnostics.js';

/**
 * The JSON format (specification §7): exactly one JSON array of
 * `{ file, line, column, endLine, endColumn, severity, code, message }`, sorted by file then position.
 */
export function formatJson(report: DiagnosticReport): string {
    const entries = report.diagnostics.map(({ file, line, column, endLine, endColumn, severity, code, message }) => ({
        file,
        line,
        column,
        endLine,
        endColumn,
        severity,
        code,
        message,
    }));
    return `${JSON.stringify(entries, null, 2)}\n`;
}
