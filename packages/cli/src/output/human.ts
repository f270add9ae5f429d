import type { CliDiagnostic, CliSeverity, DiagnosticReport } from '../diagnostics.js';
import { paint, type Style } from './ansi.js';
import type { FormatOptions } from './formatter.js';

const severityStyles: Record<CliSeverity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/**
 * The human format: for each diagnostic `file:line:col severity code message`, then the source
 * line under its line number with a caret underline of the range (its first line only), then a
 * summary line. For example:
 *
 * ```
 * adults.segment:2:9 error unknown-field Unknown field `agee` in this schema: did you mean `age`?
 *   2 |   where agee >= 21
 *     |         ^^^^
 *
 * 1 error in 2 files
 * ```
 */
export function formatHuman(report: DiagnosticReport, options: FormatOptions): string {
    const blocks = report.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, options));
    return [...blocks, `${formatSummary(report, options)}\n`].join('\n');
}

/** One diagnostic: its heading line and its source excerpt. */
export function formatDiagnostic(d: CliDiagnostic, { color }: FormatOptions): string {
    const heading = [
        paint(`${d.file}:${d.line}:${d.column}`, color, 'bold'),
        paint(d.severity, color, severityStyles[d.severity], 'bold'),
        paint(d.code, color, 'dim'),
        d.message,
    ].join(' ');
    const number = String(d.line);
    const gutter = ' '.repeat(number.length);
    const source = d.sourceLine.replace(/\s+$/, '');
    const start = Math.min(d.column - 1, d.sourceLine.length);
    const end = d.endLine === d.line ? Math.min(d.endColumn - 1, d.sourceLine.length) : d.sourceLine.length;
    // Keep tabs in the padding, so that the caret lines up however the terminal shows them.
    const padding = d.sourceLine.slice(0, start).replace(/[^\t]/g, ' ');
    const caret = '^'.repeat(Math.max(1, end - start));
    return [
        heading,
        `${paint(` ${number} |`, color, 'blue')} ${source}`,
        `${paint(` ${gutter} |`, color, 'blue')} ${padding}${paint(caret, color, severityStyles[d.severity], 'bold')}`,
        '',
    ].join('\n');
}

/** "2 errors, 1 warning in 3 files", or "No problems in 12 files". */
export function formatSummary(report: DiagnosticReport, { color }: FormatOptions): string {
    const files = plural(report.fileCount, 'file');
    const counts = (['error', 'warning', 'info'] as const)
        .map((severity) => ({ severity, count: report.diagnostics.filter((d) => d.severity === severity).length }))
        .filter(({ count }) => count > 0)
        .map(({ severity, count }) => paint(severity === 'info' ? `${count} info` : plural(count, severity), color, severityStyles[severity], 'bold'));
    return counts.length === 0 ? `No problems in ${files}` : `${counts.join(', ')} in ${files}`;
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
