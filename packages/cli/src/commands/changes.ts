import { diffMemberships, type MembershipChange } from '@segments/engine';
import type { ChangesArguments, ChangesFormat } from '../arguments.js';
import { ExitCode } from '../cli-error.js';
import { type CliIo, useColor } from '../cli-io.js';
import { evaluateFile } from '../evaluation/evaluate-file.js';
import { compileBundle, prepareEvaluator } from '../evaluation/segment-evaluation.js';
import { openDataFile } from '../input/data-file.js';
import { loadEventIndex } from '../input/event-index.js';
import { BufferedOutput } from '../output/buffered-output.js';
import { formatChangeReport, type SegmentChange } from '../output/change-report.js';
import { TABLE_ROWS } from '../output/member-table.js';
import { formatCount, plural } from '../output/numbers.js';
import { progressOn } from '../output/progress-bar.js';
import { combinedQuality, formatQuality } from '../output/quality-summary.js';
import { formatInstant, recordsNoun } from '../output/record-noun.js';
import { loadSegmentBundles } from '../segment-target.js';
import type { WorkspaceLoader } from '../workspace-loader.js';

/** How many keys of each side the table lists per segment, with several segments. */
export const SEVERAL_CHANGES_LIMIT = 10;

/** The members of every segment in one snapshot, and how its evaluation went. */
interface SnapshotMembers {
    /** The data file, as given. */
    readonly source: string;
    /** The records evaluated. */
    readonly records: number;
    /** The evaluation instant. */
    readonly now: Date;
    /** The members of each segment, with or without a key. */
    readonly members: readonly number[];
    /** The keys of each segment's members, in input order. */
    readonly keys: ReadonlyArray<readonly string[]>;
    /** The data-quality report of the snapshot (empty when everything was read). */
    readonly quality: string;
}

/** Both snapshots. */
interface Snapshots {
    readonly before: SnapshotMembers;
    readonly after: SnapshotMembers;
}

/**
 * `segment changes`: evaluates segments on an earlier and a later snapshot of the records (at
 * `--now-before` and `--now`) and prints who entered and who exited each one (spec §8), entered in
 * the order of the later snapshot, then exited in the order of the earlier one. Every segment of a
 * folder (or every segment named) is evaluated in the same pass over each snapshot. Members
 * without a key cannot be compared and are left out (the data-quality report counts them).
 * Returns 1 when the segments' project has errors, 0 otherwise.
 */
export async function runChanges(args: ChangesArguments, io: CliIo, loader: WorkspaceLoader): Promise<ExitCode> {
    const files = [args.before, args.after, args.eventsBefore, args.eventsAfter].map((name) => (name === undefined ? undefined : openDataFile(name, io.cwd)));
    const selection = await loadSegmentBundles('changes', args, io, loader);
    if (selection === undefined) return ExitCode.Problems;
    const compiled = selection.bundles.map((bundle) => compileBundle(bundle));
    const now = args.now ?? new Date();
    const snapshot = async (index: 0 | 1, at: string | Date): Promise<SnapshotMembers> => {
        const data = files[index]!;
        const evaluators = compiled.map((segment) => prepareEvaluator(segment, at, args.timezone));
        const eventsFile = files[index + 2];
        const events = eventsFile && (await loadEventIndex(eventsFile));
        const keys = evaluators.map((): string[] => []);
        const result = await evaluateFile({
            runs: evaluators.map((evaluator, run) => ({
                evaluator,
                onMember: (key: string | undefined) => {
                    if (key !== undefined) keys[run]!.push(key);
                },
            })),
            data,
            ...(events ? { events } : {}),
            progress: progressOn(io.stderr, data.name, data.size),
        });
        const quality = combinedQuality(evaluators.map((evaluator) => evaluator.quality));
        const report = formatQuality({ malformed: [result.malformed, ...(events ? [events.malformed] : [])], quality, ...(events ? { events } : {}) }, `Data quality of ${data.name}`);
        return { source: data.name, records: result.records, now: evaluators[0]!.now, members: result.members, keys, quality: report };
    };
    const before = await snapshot(0, args.nowBefore ?? now);
    const after = await snapshot(1, now);
    const changes = selection.bundles.map((bundle, index) => ({ name: bundle.segment.name, ...diffMemberships(before.keys[index]!, after.keys[index]!) }));
    if (selection.several) {
        severalChangeWriters[args.format](changes, { before, after }, args, io, recordsNoun(selection.bundles[0]!.schema.name));
    } else {
        changeWriters[args.format](changes[0]!, { before, after }, args.limit ?? TABLE_ROWS, io);
    }
    io.stderr.write(before.quality + after.quality);
    return ExitCode.Ok;
}

/** Prints the change of one segment in one format. */
type ChangeWriter = (change: MembershipChange, snapshots: Snapshots, limit: number, io: CliIo) => void;

/** The writer of each output format of `segment changes` for one segment. */
const changeWriters: Record<ChangesFormat, ChangeWriter> = {
    ids: (change, _snapshots, _limit, io) => writeLines(io, [...change.entered.map((key) => `+${key}\n`), ...change.exited.map((key) => `-${key}\n`)]),
    ndjson: (change, _snapshots, _limit, io) =>
        writeLines(io, [
            ...change.entered.map((key) => `${JSON.stringify({ change: 'entered', key })}\n`),
            ...change.exited.map((key) => `${JSON.stringify({ change: 'exited', key })}\n`),
        ]),
    table: (change, { before, after }, limit, io) => {
        const section = (title: string, sign: string, keys: readonly string[]) => [
            `${title} (${formatCount(keys.length)})`,
            ...keys.slice(0, limit).map((key) => `  ${sign} ${key}`),
            ...(keys.length > limit ? [`  ... and ${formatCount(keys.length - limit)} more (--format ids lists them all)`] : []),
        ];
        const summary =
            `${formatCount(change.entered.length)} entered, ${formatCount(change.exited.length)} exited: ` +
            `${plural(before.members[0]!, 'member')} among ${plural(before.records, 'record')} before, ` +
            `${plural(after.members[0]!, 'member')} among ${plural(after.records, 'record')} after`;
        io.stdout.write(`${[...section('Entered', '+', change.entered), ...section('Exited', '-', change.exited), '', summary].join('\n')}\n`);
    },
};

/** A segment's change, named. */
type NamedChange = MembershipChange & { readonly name: string };

/** Prints the changes of several segments in one format. */
type SeveralChangeWriter = (changes: readonly NamedChange[], snapshots: Snapshots, args: ChangesArguments, io: CliIo, noun: string) => void;

/** The writer of each output format of `segment changes` for several segments. */
const severalChangeWriters: Record<ChangesFormat, SeveralChangeWriter> = {
    ids: (changes, _snapshots, _args, io) =>
        writeLines(
            io,
            changes.flatMap(({ name, entered, exited }) => [...entered.map((key) => `${name}\t+${key}\n`), ...exited.map((key) => `${name}\t-${key}\n`)]),
        ),
    ndjson: (changes, _snapshots, _args, io) =>
        writeLines(
            io,
            changes.flatMap(({ name, entered, exited }) => [
                ...entered.map((key) => `${JSON.stringify({ segment: name, change: 'entered', key })}\n`),
                ...exited.map((key) => `${JSON.stringify({ segment: name, change: 'exited', key })}\n`),
            ]),
        ),
    table: (changes, { before, after }, args, io, noun) => {
        const segments: SegmentChange[] = changes.map((change, index) => ({
            ...change,
            before: new Set(before.keys[index]).size,
            after: new Set(after.keys[index]).size,
        }));
        const describe = (snapshot: SnapshotMembers) => ({ source: snapshot.source, records: snapshot.records, now: formatInstant(snapshot.now) });
        io.stdout.write(
            formatChangeReport(segments, { before: describe(before), after: describe(after), noun, limit: args.limit ?? SEVERAL_CHANGES_LIMIT, color: useColor(io, io.stdout) }),
        );
    },
};

function writeLines(io: CliIo, lines: readonly string[]): void {
    const out = new BufferedOutput(io.stdout);
    for (const line of lines) out.write(line);
    out.flush();
}
