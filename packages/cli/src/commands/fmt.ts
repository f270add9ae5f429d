import { writeFile } from 'node:fs/promises';
import type { FmtArguments } from '../arguments.js';
import { ExitCode } from '../cli-error.js';
import { type CliIo, useColor } from '../cli-io.js';
import { type CliDiagnostic, displayPath, documentDiagnostics } from '../diagnostics.js';
import { formatDiagnostic } from '../output/human.js';
import type { WorkspaceLoader } from '../workspace-loader.js';

/** The code of the diagnostics that keep a file from being formatted (the printer declines it). */
const SYNTAX_ERROR = 'syntax-error';

/**
 * `segment fmt`: prints each file under the paths with the language's printer and writes it back
 * when that changes it; with `--check`, writes nothing. The files that are (or, with `--check`,
 * would be) changed go to stdout, one per line; syntax errors and the summary go to stderr.
 * Returns 1 when a file has syntax errors, or with `--check` when a file is not formatted.
 */
export async function runFmt(args: FmtArguments, io: CliIo, loader: WorkspaceLoader): Promise<ExitCode> {
    const workspace = await loader.load(args.paths, io.cwd);
    const printer = workspace.services.printing.Printer;
    const changed: string[] = [];
    const unformattable: string[] = [];
    const syntaxErrors: CliDiagnostic[] = [];
    for (const document of workspace.requested) {
        const file = displayPath(document.uri.fsPath, io.cwd);
        const printed = printer.print(document);
        if (printed === undefined) {
            unformattable.push(file);
            syntaxErrors.push(...documentDiagnostics(document, io.cwd).filter((d) => d.code === SYNTAX_ERROR));
        } else if (printed !== document.textDocument.getText()) {
            changed.push(file);
            if (!args.check) await writeFile(document.uri.fsPath, printed, 'utf8');
        }
    }
    const color = useColor(io, io.stderr);
    for (const diagnostic of syntaxErrors) {
        io.stderr.write(`${formatDiagnostic(diagnostic, { color })}\n`);
    }
    for (const file of changed) {
        io.stdout.write(`${file}\n`);
    }
    io.stderr.write(`${fmtSummary(args.check, workspace.requested.length, changed.length, unformattable.length)}\n`);
    return unformattable.length > 0 || (args.check && changed.length > 0) ? ExitCode.Problems : ExitCode.Ok;
}

/** "5 files checked, all formatted", "2 of 5 files not formatted...", "Formatted 2 of 5 files"... */
export function fmtSummary(check: boolean, total: number, changed: number, unformattable: number): string {
    const files = `${total} file${total === 1 ? '' : 's'}`;
    const parts = [
        !check ? `Formatted ${changed} of ${files}` : changed === 0 ? `${files} checked, all formatted` : `${changed} of ${files} not formatted (run \`segment fmt\`)`,
    ];
    if (unformattable > 0) {
        parts.push(`${unformattable} with syntax errors`);
    }
    return parts.join('; ');
}
