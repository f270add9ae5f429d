/**
 * Timing: full passes over the records, repeated, with the best and the median kept, and the
 * process's peak memory sampled between passes.
 */

/** How many passes to time, and for how long at most. */
export interface RepetitionPolicy {
    /** Passes timed at most (when they are fast). */
    readonly maxPasses: number;
    /** Passes timed at least, whatever they cost. */
    readonly minPasses: number;
    /** Stop after the pass that brings the timed total over this many milliseconds (once `minPasses` are done). */
    readonly budgetMs: number;
}

/** The timed passes of one contender on one segment. */
export interface Measurement {
    /** Milliseconds of each timed pass. */
    readonly passes: readonly number[];
    readonly bestMs: number;
    readonly medianMs: number;
    /** Records per second of the best pass. */
    readonly recordsPerSecond: number;
    /** Records per second of the median pass. */
    readonly medianRecordsPerSecond: number;
}

/** The highest resident set size seen, in bytes. */
let peakRss = 0;

/** Samples the resident set size; returns the peak so far (bytes). */
export function samplePeakRss(): number {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
    // maxRSS is in kilobytes: the true peak, between samples too.
    const max = process.resourceUsage().maxRSS * 1024;
    if (max > peakRss) peakRss = max;
    return peakRss;
}

/** One contender's counting pass: one full pass over the records, returning the member count. */
export type Pass = () => number;

/**
 * Times the passes of several contenders under `policy`, interleaved (a round runs one pass of each
 * contender that still needs one), so that a change of the machine's load during the run weighs on
 * every contender alike. Every pass must return `expected`: a pass that counts differently is a
 * bug, and throws.
 */
export function measureInterleaved(passes: readonly Pass[], records: number, expected: number, policy: RepetitionPolicy): Measurement[] {
    const times: number[][] = passes.map(() => []);
    const totals: number[] = passes.map(() => 0);
    const wants = (i: number): boolean => times[i].length < policy.maxPasses && (times[i].length < policy.minPasses || totals[i] < policy.budgetMs);
    while (passes.some((_, i) => wants(i))) {
        for (let i = 0; i < passes.length; i++) {
            if (!wants(i)) continue;
            const start = performance.now();
            const members = passes[i]();
            const elapsed = performance.now() - start;
            if (members !== expected) throw new Error(`a timed pass counted ${members} members, the verified pass ${expected}`);
            times[i].push(elapsed);
            totals[i] += elapsed;
            samplePeakRss();
        }
    }
    return times.map((t) => summarize(t, records));
}

function summarize(passes: readonly number[], records: number): Measurement {
    const sorted = [...passes].sort((a, b) => a - b);
    const bestMs = sorted[0];
    const medianMs = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    return { passes, bestMs, medianMs, recordsPerSecond: (records * 1000) / bestMs, medianRecordsPerSecond: (records * 1000) / medianMs };
}

/** Times one call of `run`, in milliseconds, with its result. */
export function timed<T>(run: () => T): { ms: number; result: T } {
    const start = performance.now();
    const result = run();
    return { ms: performance.now() - start, result };
}

/** Records per second as text: `26.1M/s`, `612k/s`. */
export function formatRate(perSecond: number): string {
    if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(perSecond >= 1e7 ? 1 : 2)}M/s`;
    return `${(perSecond / 1e3).toFixed(0)}k/s`;
}

/** Bytes as text in MB (10^6) or GB. */
export function formatBytes(bytes: number): string {
    return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
}
