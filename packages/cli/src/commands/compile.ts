import { isSegment, type Segment } from '@segments/language';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { CompileArguments } from '../arguments.js';
import { CliError, ExitCode } from '../cli-error.js';
import { type CliIo, useColor } from '../cli-io.js';
import { hasErrors, reportOf } from '../diagnostics.js';
import { formatHuman } from '../output/human.js';
import { type LoadedWorkspace, SEGMENT_EXTENSION, type WorkspaceLoader } from '../workspace-loader.js';

/**
 * `segment compile`: prints the IR bundle of one segment as pretty JSON. The target is a
 * `.segment` file (its one segment, or the one `--segment` names) or the name of a segment of the
 * current directory's project. When that project has errors, prints its diagnostics (human
 * format) on stderr and returns 1.
 */
export async function runCompile(args: CompileArguments, io: CliIo, loader: WorkspaceLoader): Promise<ExitCode> {
    const file = targetFile(args.target, io.cwd);
    if (file === undefined && args.segment !== undefined) {
        throw new CliError(`--segment applies to a file, and '${args.target}' is a segment name`);
    }
    const workspace = await loader.load([file ?? '.'], io.cwd);
    const report = reportOf(workspace.documents, io.cwd);
    if (hasErrors(report.diagnostics)) {
        io.stderr.write(formatHuman(report, { color: useColor(io, io.stderr) }));
        return ExitCode.Problems;
    }
    const segment = file === undefined ? segmentByName(workspace, args.target, io.cwd) : segmentOfFile(workspace, args.target, args.segment);
    const bundle = workspace.services.ir.Lowering.lowerSegment(segment);
    io.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
    return ExitCode.Ok;
}

/**
 * The file a target names, or `undefined` when it is a segment name: a target with a path
 * separator or the `.segment` extension is a file; so is a bare word naming an existing file.
 */
export function targetFile(target: string, cwd: string): string | undefined {
    const looksLikePath = target.includes('/') || target.includes(path.sep) || target.endsWith(SEGMENT_EXTENSION);
    const stat = statSync(path.resolve(cwd, target), { throwIfNoEntry: false });
    if (looksLikePath && stat?.isDirectory()) {
        throw new CliError(`compile takes a file or a segment name, and '${target}' is a folder`);
    }
    return looksLikePath || stat?.isFile() ? target : undefined;
}

/** The segments a set of documents declares. */
function segmentsOf(documents: LoadedWorkspace['documents']): Segment[] {
    return documents.flatMap((document) => document.parseResult.value.declarations.filter(isSegment));
}

function segmentOfFile(workspace: LoadedWorkspace, target: string, name: string | undefined): Segment {
    const segments = segmentsOf(workspace.requested);
    const names = segments.map((segment) => segment.name).join(', ');
    if (name !== undefined) {
        const segment = segments.find((s) => s.name === name);
        if (!segment) throw new CliError(`${target} declares no segment '${name}'${names ? ` (it declares ${names})` : ''}`);
        return segment;
    }
    if (segments.length === 0) throw new CliError(`${target} declares no segment`);
    if (segments.length > 1) throw new CliError(`${target} declares several segments (${names}): choose one with --segment NAME`);
    return segments[0]!;
}

function segmentByName(workspace: LoadedWorkspace, name: string, cwd: string): Segment {
    const segment = segmentsOf(workspace.documents).find((s) => s.name === name);
    if (!segment) {
        const where = workspace.roots.map((root) => path.relative(cwd, root) || '.').join(', ');
        throw new CliError(`no segment named '${name}' in the project at ${where}`);
    }
    return segment;
}
