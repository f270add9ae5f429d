/**
 * `npm run bench`: the engine against a handwritten JavaScript predicate and json-logic-js on the
 * three segments of the benchmark, over generated contacts held in memory; then the
 * membership-change benchmark; then peak memory. Exits 1 when the contenders disagree on any
 * member (a fast wrong engine is worthless); a missed speed target is reported, not an error.
 *
 * Options: `--contacts N` (default 1,000,000), `--passes N` (timed passes at most, default 5),
 * `--seed S`, `--now ISO`.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { compileSegment, type SegmentEvaluator } from '@segments/engine';
import { benchSegments, compileBenchSegments, type BenchSegment } from './segments.ts';
import { generateRecords } from './data.ts';
import { handwrittenPredicates, type HandwrittenPredicates } from './handwritten.ts';
import { jsonLogicApply, jsonLogicRules, registerJsonLogicOperations } from './json-logic-rules.ts';
import { formatBytes, formatRate, measureInterleaved, samplePeakRss, timed, type Measurement, type RepetitionPolicy } from './measure.ts';
import { runMembershipBench } from './membership.ts';
import type { RulesLogic } from 'json-logic-js';

type Records = readonly Record<string, unknown>[];
type SegmentName = BenchSegment['name'];

/** One contender on one segment: a per-record test (for the verification) and a counting pass (timed). */
interface Contender {
    readonly name: 'handwritten' | 'engine' | 'json-logic';
    member(record: Record<string, unknown>): boolean;
    count(records: Records): number;
}

/** The engine's share of the handwritten predicate's speed that each segment must reach. */
const targets: Record<SegmentName, number> = { attribute: 0.5, nested: 0.5, event: 0.7 };
/** The membership diff of two snapshots must take less than this. */
const DIFF_TARGET_MS = 1000;

// One counting loop per contender and segment, so that each call site stays monomorphic.
function countAttribute(records: Records, p: HandwrittenPredicates): number {
    let n = 0;
    for (let i = 0; i < records.length; i++) if (p.attribute(records[i])) n++;
    return n;
}
function countNested(records: Records, p: HandwrittenPredicates): number {
    let n = 0;
    for (let i = 0; i < records.length; i++) if (p.nested(records[i])) n++;
    return n;
}
function countEvent(records: Records, p: HandwrittenPredicates): number {
    let n = 0;
    for (let i = 0; i < records.length; i++) if (p.event(records[i])) n++;
    return n;
}
function countEngine(records: Records, evaluator: SegmentEvaluator): number {
    let n = 0;
    for (let i = 0; i < records.length; i++) if (evaluator.isMember(records[i])) n++;
    return n;
}
function countJsonLogic(records: Records, rule: RulesLogic): number {
    let n = 0;
    for (let i = 0; i < records.length; i++) if (jsonLogicApply(rule, records[i])) n++;
    return n;
}

const handwrittenCounters: Record<SegmentName, (records: Records, p: HandwrittenPredicates) => number> = {
    attribute: countAttribute,
    nested: countNested,
    event: countEvent,
};

function parseOptions(): { contacts: number; passes: number; seed: string; now: string } {
    const { values } = parseArgs({
        options: {
            contacts: { type: 'string', default: '1000000' },
            passes: { type: 'string', default: '5' },
            seed: { type: 'string', default: 'segments' },
            now: { type: 'string', default: '2026-11-20T12:00:00Z' },
        },
    });
    const contacts = Number(values.contacts);
    const passes = Number(values.passes);
    if (!Number.isInteger(contacts) || contacts < 1) throw new Error(`--contacts must be a positive integer, not ${values.contacts}`);
    if (!Number.isInteger(passes) || passes < 1) throw new Error(`--passes must be a positive integer, not ${values.passes}`);
    if (Number.isNaN(Date.parse(values.now))) throw new Error(`--now must be an ISO-8601 instant, not ${values.now}`);
    return { contacts, passes, seed: values.seed, now: values.now };
}

/** The members of `records` under `member`, as a bitmap, and their count. */
function memberBitmap(records: Records, member: (record: Record<string, unknown>) => boolean): { bitmap: Uint8Array; count: number } {
    const bitmap = new Uint8Array(records.length);
    let count = 0;
    for (let i = 0; i < records.length; i++) {
        if (member(records[i])) {
            bitmap[i] = 1;
            count++;
        }
    }
    return { bitmap, count };
}

function line(text = ''): void {
    process.stdout.write(`${text}\n`);
}

function table(rows: string[][]): void {
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) line(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('   ')}`);
}

async function main(): Promise<number> {
    const options = parseOptions();
    const now = Date.parse(options.now);
    line('segments-as-code benchmark');
    line(`  node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${formatBytes(totalmem())} RAM`);
    line(`  load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other processes share the CPUs: read the numbers with it)`);
    line(`  ${options.contacts.toLocaleString('en-US')} contacts, seed ${JSON.stringify(options.seed)}, now ${options.now}, best of up to ${options.passes} timed passes`);
    line();

    const bundles = await compileBenchSegments();
    line('Generating contacts (not measured)...');
    const generated = timed(() =>
        generateRecords({
            contacts: options.contacts,
            seed: options.seed,
            now: options.now,
            progress: (done) => {
                if (process.stderr.isTTY) process.stderr.write(`  ${done.toLocaleString('en-US')} contacts\r`);
            },
        }),
    );
    if (process.stderr.isTTY) process.stderr.write(`${' '.repeat(30)}\r`);
    const records = generated.result.records;
    line(
        `  ${records.length.toLocaleString('en-US')} contacts, ${generated.result.events.toLocaleString('en-US')} events (${(generated.result.events / records.length).toFixed(1)} per contact) in ${(generated.ms / 1000).toFixed(1)} s; heap ${formatBytes(process.memoryUsage().heapUsed)}`,
    );
    samplePeakRss();
    line();

    registerJsonLogicOperations();
    const predicates = handwrittenPredicates(now);
    const rules = jsonLogicRules(now);
    const contenders = new Map<SegmentName, Contender[]>();
    for (const segment of benchSegments) {
        const evaluator = compileSegment(bundles.get(segment.name)).prepare({ now: options.now });
        const rule = rules[segment.name];
        const counter = handwrittenCounters[segment.name];
        contenders.set(segment.name, [
            { name: 'handwritten', member: (r) => predicates[segment.name](r), count: (rs) => counter(rs, predicates) },
            { name: 'engine', member: (r) => evaluator.isMember(r), count: (rs) => countEngine(rs, evaluator) },
            { name: 'json-logic', member: (r) => jsonLogicApply(rule, r), count: (rs) => countJsonLogic(rs, rule) },
        ]);
    }

    // Verification (also the warm-up): every contender must find the same members.
    line('Verification: the same members for every contender (also the warm-up pass)');
    const expected = new Map<SegmentName, number>();
    let disagreements = 0;
    for (const segment of benchSegments) {
        const [reference, ...others] = contenders.get(segment.name) ?? [];
        const base = memberBitmap(records, reference.member);
        const counts = [`${reference.name} ${base.count.toLocaleString('en-US')}`];
        let identical = true;
        for (const other of others) {
            const result = memberBitmap(records, other.member);
            counts.push(`${other.name} ${result.count.toLocaleString('en-US')}`);
            const differing: number[] = [];
            for (let i = 0; i < records.length; i++) if (result.bitmap[i] !== base.bitmap[i]) differing.push(i);
            if (differing.length > 0) {
                disagreements++;
                identical = false;
                line(`  MISMATCH on ${segment.name}: ${other.name} differs from ${reference.name} on ${differing.length} records, e.g.:`);
                for (const i of differing.slice(0, 5)) line(`    ${String(records[i].id)}: ${reference.name} ${base.bitmap[i] === 1}, ${other.name} ${result.bitmap[i] === 1}`);
            }
        }
        expected.set(segment.name, base.count);
        line(`  ${segment.name.padEnd(9)} members: ${counts.join(', ')}${identical ? ' (identical member sets)' : ''}`);
        samplePeakRss();
    }
    if (disagreements > 0) {
        line();
        line('FAIL: the contenders disagree on members; the speeds of a wrong answer are not reported.');
        return 1;
    }
    line();

    // Timing.
    line('Throughput (records per second; best pass, median in parentheses; ratio = engine or json-logic over handwritten, best passes;');
    line('  the passes of the three contenders interleaved)');
    const policy: RepetitionPolicy = { maxPasses: options.passes, minPasses: Math.min(2, options.passes), budgetMs: 15_000 };
    const results = new Map<SegmentName, Map<Contender['name'], Measurement>>();
    const rows: string[][] = [['segment', 'contender', 'best', '(median)', 'ratio', 'passes']];
    for (const segment of benchSegments) {
        const list = contenders.get(segment.name) ?? [];
        const measurements = measureInterleaved(
            list.map((contender) => () => contender.count(records)),
            records.length,
            expected.get(segment.name) ?? -1,
            policy,
        );
        const measured = new Map<Contender['name'], Measurement>(list.map((contender, i) => [contender.name, measurements[i]]));
        const reference = measurements[0];
        list.forEach((contender, i) => {
            const measurement = measurements[i];
            rows.push([
                segment.name,
                contender.name,
                formatRate(measurement.recordsPerSecond),
                `(${formatRate(measurement.medianRecordsPerSecond)})`,
                i === 0 ? '1' : `${(measurement.recordsPerSecond / reference.recordsPerSecond).toFixed(3)}×`,
                String(measurement.passes.length),
            ]);
        });
        results.set(segment.name, measured);
    }
    table(rows);
    line('  n8n filter conditions (the engine of its Filter and If nodes): not measured. n8n-workflow cannot be installed in this');
    line('  repository (its dependency isolated-vm needs a native build); see docs/benchmarks.md.');
    line();

    line(`Membership change: two ${records.length.toLocaleString('en-US')}-member snapshots, 1% exited and as many entered`);
    const membership = runMembershipBench(records.length, 3);
    table([
        ['step', 'ms'],
        ['encode one snapshot (encodeSnapshot)', membership.encodeMs.toFixed(0)],
        ['decode one snapshot (decodeSnapshot)', membership.decodeMs.toFixed(0)],
        ['entry/exit of two snapshots (diffSnapshots)', membership.diffMs.toFixed(0)],
        ['entry/exit of a snapshot and new keys (diffSnapshotWithKeys)', membership.diffWithKeysMs.toFixed(0)],
        ['entry/exit of two key arrays (diffMemberships)', membership.diffKeysMs.toFixed(0)],
    ]);
    line(`  snapshot: ${membership.bytes.toLocaleString('en-US')} bytes, ${membership.bytesPerMember.toFixed(2)} bytes/member; ${membership.entered.toLocaleString('en-US')} entered and ${membership.exited.toLocaleString('en-US')} exited found; best of ${membership.repetitions}`);
    line();

    line('Targets');
    const targetRows: string[][] = [['target', 'measured', 'result']];
    for (const segment of benchSegments) {
        const measured = results.get(segment.name);
        const ratio = (measured?.get('engine')?.recordsPerSecond ?? 0) / (measured?.get('handwritten')?.recordsPerSecond ?? 1);
        targetRows.push([`engine ≥ ${targets[segment.name]}× handwritten, ${segment.name}`, `${ratio.toFixed(3)}×`, ratio >= targets[segment.name] ? 'PASS' : 'MISS']);
    }
    targetRows.push([`entry/exit of two ${records.length.toLocaleString('en-US')}-member snapshots < ${DIFF_TARGET_MS} ms`, `${membership.diffMs.toFixed(0)} ms`, membership.diffMs < DIFF_TARGET_MS ? 'PASS' : 'MISS']);
    table(targetRows);
    line();

    line(`Peak memory (resident set, whole process): ${formatBytes(samplePeakRss())}`);
    line(`Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    return 0;
}

process.exitCode = await main();
