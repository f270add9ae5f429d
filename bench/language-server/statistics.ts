/** Latency statistics of the benchmark. */

/** The summary of a series of latencies, in milliseconds. */
export interface LatencySummary {
    readonly count: number;
    readonly p50: number;
    readonly p95: number;
    readonly max: number;
}

/** The `p`-th percentile (0–100) of `values` by the nearest-rank method. */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) throw new Error('no values');
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1];
}

/** The p50, p95 and maximum of `values`. */
export function summarize(values: readonly number[]): LatencySummary {
    return { count: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

/** Milliseconds as text: `12.3 ms`, `4.21 s`. */
export function formatMs(ms: number): string {
    return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
