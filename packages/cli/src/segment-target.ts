import { isSegment, type Segment, type SegmentBundleIR } from '@segments/language';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { CliError } from './cli-error.js';
import { type CliIo, useColor } from './cli-io.js';
import { hasErrors, reportOf } from './diagnostics.js';
import { formatHuman } from './output/human.js';
import { type LoadedWorkspace, SEGMENT_EXTENSION, type WorkspaceLoader } from './workspace-loader.js';

/** Which segment a command works on: a file or a segment name, and the segment of the file to choose. */
export interface SegmentTarget {
    /** A `.segment` file, or the name of a segment of the current directory's project. */
    readonly target: string;
    /** Which segment of the file, when it declares several. */
    readonly segment?: string;
}

/**
 * The IR bundle of the segment a command names (see {@link targetFile}), or `undefined` when its
 * project has errors: they are then printed (human format, with the summary) on stderr, and the
 * command exits 1. Throws a {@link CliError} for a segment that cannot be found.
 */
export async function loadSegmentBundle(command: string, { target, segment }: SegmentTarget, io: CliIo, loader: WorkspaceLoader): Promise<SegmentBundleIR | undefined> {
    const file = targetFile(command, target, io.cwd);
    if (file === undefined && segment !== undefined) {
        throw new CliError(`--segment applies to a file, and '${target}' is a segment name`);
    }
    const workspace = await loader.load([file ?? '.'], io.cwd);
    const report = reportOf(workspace.documents, io.cwd);
    if (hasErrors(report.diagnostics)) {
        io.stderr.write(formatHuman(report, { color: useColor(io, io.stderr) }));
        return undefined;
    }
    const found = file === undefined ? segmentByName(workspace, target, io.cwd) : segmentOfFile(workspace, target, segment);
    return workspace.services.ir.Lowering.lowerSegment(found);
}

/** What `eval` and `changes` work on: `.segment` files, folders or segment names. */
export interface SegmentsTarget {
    /** Files, folders (every segment under them) or names of segments of the current directory's project. */
    readonly targets: readonly string[];
    /** Which segment of the file, when the one target is a file declaring several. */
    readonly segment?: string;
}

/** The segments a command works on, lowered to the IR. */
export interface SegmentSelection {
    /** The bundle of each segment: in the order of the targets, a folder's by file path and then as declared. */
    readonly bundles: readonly SegmentBundleIR[];
    /**
     * Whether the targets name a set of segments (a folder, or several targets) rather than one
     * segment: the commands then print every segment's results, each under its name.
     */
    readonly several: boolean;
}

/**
 * The IR bundles of the segments a command names, or `undefined` when their project has errors
 * (printed on stderr, as {@link loadSegmentBundle} does). One target that is not a folder is one
 * segment, found as {@link loadSegmentBundle} finds it. Otherwise each target contributes its
 * segments: a folder every segment of the `.segment` files under it, a file every segment it
 * declares, a name that segment; each segment counts once. Throws a {@link CliError} for a target
 * without segments, for two segments of one name, and for segments of different schemas (a data
 * file holds the records of one schema).
 */
export async function loadSegmentBundles(command: string, { targets, segment }: SegmentsTarget, io: CliIo, loader: WorkspaceLoader): Promise<SegmentSelection | undefined> {
    if (targets.length === 1 && !isFolder(targets[0]!, io.cwd)) {
        const bundle = await loadSegmentBundle(command, { target: targets[0]!, ...(segment !== undefined ? { segment } : {}) }, io, loader);
        return bundle && { bundles: [bundle], several: false };
    }
    if (segment !== undefined) throw new CliError('--segment applies to one file, not to a folder or several targets');
    const resolved = targets.map((target) => ({ target, kind: isFolder(target, io.cwd) ? 'folder' : targetFile(command, target, io.cwd) === undefined ? 'name' : 'file' }));
    const paths = resolved.filter(({ kind }) => kind !== 'name').map(({ target }) => target);
    const workspace = await loader.load(resolved.some(({ kind }) => kind === 'name') ? [...paths, '.'] : paths, io.cwd);
    const report = reportOf(workspace.documents, io.cwd);
    if (hasErrors(report.diagnostics)) {
        io.stderr.write(formatHuman(report, { color: useColor(io, io.stderr) }));
        return undefined;
    }
    const chosen = new Set<Segment>();
    for (const { target, kind } of resolved) {
        const found = kind === 'name' ? [segmentByName(workspace, target, io.cwd)] : segmentsOf(documentsUnder(workspace, path.resolve(io.cwd, target), kind === 'folder'));
        if (found.length === 0) throw new CliError(kind === 'folder' ? `no segment in the files under ${target}` : `${target} declares no segment`);
        for (const declared of found) chosen.add(declared);
    }
    const bundles = [...chosen].map((declared) => workspace.services.ir.Lowering.lowerSegment(declared));
    checkSelection(bundles);
    return { bundles, several: true };
}

/** Whether a target names an existing folder. */
function isFolder(target: string, cwd: string): boolean {
    return statSync(path.resolve(cwd, target), { throwIfNoEntry: false })?.isDirectory() === true;
}

/** The documents of a file, or of the files under a folder, in path order. */
function documentsUnder(workspace: LoadedWorkspace, fsPath: string, folder: boolean): LoadedWorkspace['documents'] {
    const prefix = fsPath.endsWith(path.sep) ? fsPath : `${fsPath}${path.sep}`;
    return workspace.documents.filter((document) => (folder ? document.uri.fsPath.startsWith(prefix) : document.uri.fsPath === fsPath));
}

/** Segments evaluated together are of one schema (the records of a data file), and named apart (their results are told by name). */
function checkSelection(bundles: readonly SegmentBundleIR[]): void {
    const names = new Set<string>();
    for (const bundle of bundles) {
        if (names.has(bundle.segment.name)) throw new CliError(`two segments named '${bundle.segment.name}' among the targets: give the segments of one project`);
        names.add(bundle.segment.name);
    }
    const schemas = [...new Set(bundles.map((bundle) => bundle.schema.name))].sort();
    if (schemas.length > 1) {
        throw new CliError(`the segments are of several schemas (${schemas.join(', ')}), and a data file holds the records of one: name the segments of one schema`);
    }
}

/**
 * The file a target names, or `undefined` when it is a segment name: a target with a path
 * separator or the `.segment` extension is a file; so is a bare word naming an existing file.
 */
export function targetFile(command: string, target: string, cwd: string): string | undefined {
    const looksLikePath = target.includes('/') || target.includes(path.sep) || target.endsWith(SEGMENT_EXTENSION);
    const stat = statSync(path.resolve(cwd, target), { throwIfNoEntry: false });
    if (looksLikePath && stat?.isDirectory()) {
        throw new CliError(`${command} takes a file or a segment name, and '${target}' is a folder`);
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
