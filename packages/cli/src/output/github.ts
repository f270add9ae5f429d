import type { CliSeverity, DiagnosticReport } from '../diagnostics.js';

/** The workflow command of each severity. */
const commands: Record<CliSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * The GitHub Actions format: one workflow command per diagnostic, which GitHub shows as an
 * annotation on the pull request, e.g.
 * `::error file=a.segment,line=3,col=9,endLine=3,endColumn=13,title=unknown-field::Unknown field…`.
 */
export function formatGithub(report: DiagnosticReport): string {
    return report.diagnostics
        .map((d) => {
            const properties = [
                `file=${escapeProperty(d.file)}`,
                `line=${d.line}`,
                `col=${d.column}`,
                `endLine=${d.endLine}`,
                `endColumn=${d.endColumn}`,
                `title=${escapeProperty(d.code)}`,
            ];
            return `::${commands[d.severity]} ${properties.join(',')}::${escapeData(d.message)}\n`;
        })
        .join('');
}

/** Escapes a command's message: `%`, carriage returns and line feeds. */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command's property value: as a message, plus `:` and `,`. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
