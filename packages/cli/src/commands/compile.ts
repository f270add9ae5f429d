import type { CompileArguments } from '../arguments.js';
import { ExitCode } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { loadSegmentBundle } from '../segment-target.js';
import type { WorkspaceLoader } from '../workspace-loader.js';

/**
 * `segment compile`: prints the IR bundle of one segment as pretty JSON. The target is a
 * `.segment` file (its one segment, or the one `--segment` names) or the name of a segment of the
 * current directory's project. When that project has errors, prints its diagnostics (human
 * format) on stderr and returns 1.
 */
export async function runCompile(args: CompileArguments, io: CliIo, loader: WorkspaceLoader): Promise<ExitCode> {
    const bundle = await loadSegmentBundle('compile', args, io, loader);
    if (bundle === undefined) return ExitCode.Problems;
    io.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
    return ExitCode.Ok;
}
