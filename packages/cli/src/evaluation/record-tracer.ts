import type { EventsInput, SegmentEvaluator, SegmentTrace } from '@segments/engine';
import type { RecordInspector } from './evaluate-file.js';

/** The traces of one key asked for: one per segment, or none when no record had the key. */
export interface KeyTraces {
    readonly key: string;
    /** The trace of the key's record against each segment, in the order of the evaluators; `undefined` when no record had the key. */
    readonly traces: readonly SegmentTrace[] | undefined;
}

/**
 * The {@link RecordInspector} of `--trace`: traces the first record with each key asked for
 * against every segment. Its evaluators are twins of the evaluation's (the same compiled
 * segments, instant and zone), so that the traces, which evaluate every condition, do not add to
 * the evaluation's data-quality counts.
 */
export class RecordTracer implements RecordInspector {
    readonly keys: ReadonlySet<string>;
    private readonly traced = new Map<string, readonly SegmentTrace[]>();

    /** @param keys the keys to trace, in the order to report them; @param evaluators one per segment. */
    constructor(
        keys: readonly string[],
        private readonly evaluators: readonly SegmentEvaluator[],
    ) {
        this.keys = new Set(keys);
    }

    inspect(key: string, record: Record<string, unknown>, events: EventsInput | undefined): void {
        if (this.traced.has(key)) return;
        this.traced.set(
            key,
            this.evaluators.map((evaluator) => evaluator.trace(record, events)),
        );
    }

    /** The traces of every key asked for, in the order given. */
    results(): KeyTraces[] {
        return [...this.keys].map((key) => ({ key, traces: this.traced.get(key) }));
    }
}
