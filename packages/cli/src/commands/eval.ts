import { createFunnel, type SegmentEvaluator } from '@segments/engine';
import type { SegmentBundleIR } from '@segments/language';
import type { EvalArguments, EvalFormat } from '../arguments.js';
import { CliError, ExitCode } from '../cli-error.js';
import { type CliIo, type OutputStream, useColor } from '../cli-io.js';
import { evaluateFile } from '../evaluation/evaluate-file.js';
import { RecordTracer } from '../evaluation/record-tracer.js';
import { compileBundle, prepareEvaluator } from '../evaluation/segment-evaluation.js';
import { type DataFile, openDataFile } from '../input/data-file.js';
import { type EventIndex, loadEventIndex } from '../input/event-index.js';
import { formatFunnel } from '../output/funnel-chart.js';
import { TableWriter } from '../output/member-table.js';
import { CsvWriter, IdsWriter, type MemberWriter, NdjsonWriter, type SegmentMemberLine, SegmentLinesWriter, segmentIdsLine, segmentNdjsonLine } from '../output/member-writer.js';
import { formatPercent, plural } from '../output/numbers.js';
import { progressOn } from '../output/progress-bar.js';
import { combinedQuality, formatQuality } from '../output/quality-summary.js';
import { formatInstant, recordsNoun } from '../output/record-noun.js';
import { formatOverview } from '../output/segment-overview.js';
import { formatTraces } from '../output/trace-tree.js';
import { loadSegmentBundles } from '../segment-target.js';
import type { WorkspaceLoader } from '../workspace-loader.js';

/** The writer of each output format of `segment eval`. */
export const memberWriters: Record<EvalFormat, (stream: OutputStream, bundle: SegmentBundleIR) => MemberWriter> = {
    table: (stream, bundle) => new TableWriter(stream, bundle),
    ndjson: (stream) => new NdjsonWriter(stream),
    csv: (stream, bundle) => new CsvWriter(stream, bundle.schema),
    ids: (stream) => new IdsWriter(stream),
};

/** The line of each machine format of `segment eval` with several segments (`table` prints an overview instead; `csv` takes one segment). */
const segmentMemberLines: Partial<Record<EvalFormat, SegmentMemberLine>> = { ids: segmentIdsLine, ndjson: segmentNdjsonLine };

/** The inputs of an evaluation, ready. */
interface EvalInputs {
    readonly args: EvalArguments;
    readonly io: CliIo;
    readonly data: DataFile;
    readonly events: EventIndex | undefined;
    /** The tracer of the `--trace` keys, when there are. */
    readonly tracer: RecordTracer | undefined;
}

/**
 * `segment eval`: evaluates a segment on a data file, streamed record by record, and prints its
 * members in the chosen format. Only the members go to stdout in the `ids`, `ndjson` and `csv`
 * formats; the progress (on a terminal), the summary (on a terminal), the `--explain` funnel and
 * the data-quality report go to stderr. With a folder or several segments as the target, every
 * segment is evaluated in the same pass over the data, and the command prints each one's size (and
 * funnel), or with `ids` and `ndjson` each member of each segment. With `--trace`, the trace of
 * each key's record follows the output (on stdout with `table`, else on stderr). Returns 1 when
 * the segments' project has errors or a traced key is in no record, 0 otherwise (unreadable
 * entries are reported, not failures).
 */
export async function runEval(args: EvalArguments, io: CliIo, loader: WorkspaceLoader): Promise<ExitCode> {
    const data = openDataFile(args.data, io.cwd);
    const eventsFile = args.events === undefined ? undefined : openDataFile(args.events, io.cwd);
    const selection = await loadSegmentBundles('eval', args, io, loader);
    if (selection === undefined) return ExitCode.Problems;
    if (selection.several && args.format === 'csv') throw new CliError('--format csv takes one segment: with several, use ids or ndjson');
    const now = args.now ?? new Date();
    const compiled = selection.bundles.map(compileBundle);
    const evaluators = compiled.map((segment) => prepareEvaluator(segment, now, args.timezone));
    const tracer = args.trace.length === 0 ? undefined : new RecordTracer(args.trace, compiled.map((segment) => prepareEvaluator(segment, now, args.timezone)));
    const inputs: EvalInputs = { args, io, data, events: eventsFile && (await loadEventIndex(eventsFile)), tracer };
    return selection.several ? evalSeveral(inputs, selection.bundles, evaluators) : evalOne(inputs, selection.bundles[0]!, evaluators[0]!);
}

/** One segment: its members in the chosen format, then the funnel (`--explain`) or, on a terminal, the summary, then the traces (`--trace`). */
async function evalOne({ args, io, data, events, tracer }: EvalInputs, bundle: SegmentBundleIR, evaluator: SegmentEvaluator): Promise<ExitCode> {
    const funnel = args.explain ? createFunnel(evaluator) : undefined;
    const writer = memberWriters[args.format](io.stdout, bundle);
    const result = await evaluateFile({
        runs: [{ evaluator, ...(funnel ? { funnel } : {}), onMember: (key, record) => writer.member(key, record) }],
        data,
        ...(events ? { events } : {}),
        ...(tracer ? { inspector: tracer } : {}),
        progress: progressOn(io.stderr, args.data, data.size),
    });
    const members = result.members[0]!;
    writer.end(result.records);
    const machine = args.format !== 'table';
    if (funnel) {
        (machine ? io.stderr : io.stdout).write(`${machine ? '' : '\n'}${formatFunnel(funnel.report())}`);
    } else if (machine && io.stderr.isTTY) {
        io.stderr.write(`${plural(members, 'member')} among ${plural(result.records, 'record')} (${formatPercent(members, result.records)})\n`);
    }
    const found = tracer ? writeTraces(tracer, [bundle], io, machine ? io.stderr : io.stdout, !machine || funnel !== undefined || io.stderr.isTTY) : true;
    io.stderr.write(formatQuality({ malformed: [result.malformed, ...(events ? [events.malformed] : [])], quality: evaluator.quality, ...(events ? { events } : {}) }));
    return found ? ExitCode.Ok : ExitCode.Problems;
}

/**
 * Several segments, in one pass: with `table`, the overview (each segment's size, and its funnel
 * with `--explain`) on stdout; with `ids` and `ndjson`, a line per member of each segment on
 * stdout, and the overview on stderr with `--explain` or on a terminal. Then the traces
 * (`--trace`) of each key against every segment, on the stream of the overview.
 */
async function evalSeveral({ args, io, data, events, tracer }: EvalInputs, bundles: readonly SegmentBundleIR[], evaluators: readonly SegmentEvaluator[]): Promise<ExitCode> {
    const funnels = args.explain ? evaluators.map((evaluator) => createFunnel(evaluator)) : undefined;
    const line = segmentMemberLines[args.format];
    const writer = line && new SegmentLinesWriter(io.stdout, line);
    const result = await evaluateFile({
        runs: evaluators.map((evaluator, index) => {
            const name = bundles[index]!.segment.name;
            const funnel = funnels?.[index];
            return { evaluator, ...(funnel ? { funnel } : {}), onMember: (key: string | undefined) => writer?.member(name, key) };
        }),
        data,
        ...(events ? { events } : {}),
        ...(tracer ? { inspector: tracer } : {}),
        progress: progressOn(io.stderr, args.data, data.size),
    });
    writer?.end();
    const stream = writer ? io.stderr : io.stdout;
    const overview = !writer || args.explain || io.stderr.isTTY;
    if (overview) {
        const segments = bundles.map(({ segment }, index) => {
            const funnel = funnels?.[index]?.report();
            return { name: segment.name, title: segment.title, members: result.members[index]!, ...(funnel ? { funnel } : {}) };
        });
        const context = { records: result.records, noun: recordsNoun(bundles[0]!.schema.name), source: args.data, now: formatInstant(evaluators[0]!.now), color: useColor(io, stream) };
        stream.write(formatOverview(segments, context));
    }
    const found = tracer ? writeTraces(tracer, bundles, io, stream, overview) : true;
    const quality = combinedQuality(evaluators.map((evaluator) => evaluator.quality));
    io.stderr.write(formatQuality({ malformed: [result.malformed, ...(events ? [events.malformed] : [])], quality, ...(events ? { events } : {}) }));
    return found ? ExitCode.Ok : ExitCode.Problems;
}

/**
 * Writes the `--trace` report on a stream, after a blank line when something was written on it
 * before (`separate`). Returns whether a record had each key.
 */
function writeTraces(tracer: RecordTracer, bundles: readonly SegmentBundleIR[], io: CliIo, stream: OutputStream, separate: boolean): boolean {
    const results = tracer.results();
    stream.write(`${separate ? '\n' : ''}${formatTraces(results, bundles, useColor(io, stream))}`);
    return results.every(({ traces }) => traces !== undefined);
}
