import type { CheckArguments, CheckFormat } from '../arguments.js';
import { ExitCode } from '../cli-error.js';
import { type CliIo, useColor } from '../cli-io.js';
import { hasErrors, reportOf } from '../diagnostics.js';
import type { DiagnosticFormatter } from '../output/formatter.js';
import { formatGithub } from '../output/github.js';
import { formatHuman } from '../output/human.js';
import { formatJson } from '../output/json.js';
import type { WorkspaceLoader } from '../workspace-loader.js';

/** The formatter of each output format of `segment check`. */
export const checkFormatters: Record<CheckFormat, DiagnosticFormatter> = {
    human: formatHuman,
    json: formatJson,
    github: formatGithub,
};

/**
 * `segment check`: builds the projects of the paths, prints the diagnostics of the files under
 * them in the chosen format, and returns 1 when any is an error (warnings alone return 0).
 */
export async function runCheck(args: CheckArguments, io: CliIo, loader: WorkspaceLoader): Promise<ExitCode> {
    const workspace = await loader.load(args.paths, io.cwd);
    const report = reportOf(workspace.requested, io.cwd);
    io.stdout.write(checkFormatters[args.format](report, { color: useColor(io, io.stdout) }));
    return hasErrors(report.diagnostics) ? ExitCode.Problems : ExitCode.Ok;
}
