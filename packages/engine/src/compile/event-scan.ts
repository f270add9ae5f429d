import { Truth } from '../truth.js';
import type { ZoneClock } from '../time/zone-clock.js';
import { eventTimeOf } from '../values/conversions.js';
import type { Fn } from './compiled.js';
import type { EvaluationState } from './evaluation-state.js';

const { TRUE } = Truth;

/** The bounds of a window as instants: `start <= at` and `at <= end` (or `at < end` when `endExclusive`). */
export interface ScanWindow {
    start: Fn<number | undefined>;
    end: Fn<number | undefined>;
    endExclusive: boolean;
}

/** What a scan of one event stream looks for. */
export interface ScanSpec {
    /** The stream's index in the evaluation state (for the data-quality read marks). */
    stream: number;
    /** The stream's name in the source: an occurrence is an entry whose `event` equals it. */
    sourceName: string;
    window: ScanWindow;
    /** The event's `where`, if any: an occurrence counts only when it is TRUE. */
    where: Fn<Truth> | undefined;
    /** Called with every counted occurrence (as the current event), if given: aggregates collect through it. */
    visit: ((s: EvaluationState, at: number) => void) | undefined;
    /**
     * The scan stops at this many counted occurrences and returns it (`Infinity`: never). A
     * `performed` whose answer cannot change past some count passes it; explain and aggregates
     * need the full count and pass `Infinity`.
     */
    limit: number;
}

/**
 * Compiles a scan of the current record's occurrences of one stream: one pass over the record's
 * events array, in order, reading each entry's `event` and, for the stream's occurrences only,
 * parsing `at` in `clock`'s zone (entries are never grouped or copied). It returns how many occurrences inside the
 * window have a TRUE `where` (at most `limit`), `0` when the stream has no occurrence with a
 * readable `at`, and `undefined` when it has one but a window bound is missing. The bounds are
 * evaluated once, at the first occurrence with a readable time, as the full grouping did.
 *
 * A scan counts, once per record (see {@link EvaluationState.markRead}), the entries it looked
 * at that are not objects and the stream's occurrences whose `at` is missing or unreadable; it
 * stops looking at the limit and at a missing bound. The current event is saved and restored, so
 * scans nest (an aggregate inside an event's `where`).
 */
export function compileScan(spec: ScanSpec, clock: ZoneClock): Fn<number | undefined> {
    const { stream, sourceName, where, visit, limit } = spec;
    const { start: startFn, end: endFn, endExclusive: exclusive } = spec.window;
    return (s) => {
        const entries = s.eventEntries();
        if (entries === undefined) return 0;
        const n = entries.length;
        const savedEvent = s.event;
        const savedAt = s.eventAt;
        let bounded = false;
        let start = 0;
        let end = 0;
        let count: number | undefined = 0;
        let i = 0;
        for (; i < n; i++) {
            const entry = entries[i];
            if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
                s.invalidEntry(i);
                continue;
            }
            const event = entry as Record<string, unknown>;
            if (event.event !== sourceName) continue;
            const at = eventTimeOf(event.at, clock);
            if (at !== at) {
                s.timelessEvent(stream, i);
                continue;
            }
            if (!bounded) {
                const a = startFn(s);
                const b = endFn(s);
                if (a === undefined || b === undefined) {
                    count = undefined;
                    i++;
                    break;
                }
                start = a;
                end = b;
                bounded = true;
            }
            if (at < start || (exclusive ? at >= end : at > end)) continue;
            if (where !== undefined || visit !== undefined) {
                s.event = event;
                s.eventAt = at;
                // A `where` may scan again (an aggregate): it must not count what this scan has counted.
                s.markRead(stream, i + 1);
                if (where !== undefined && where(s) !== TRUE) continue;
                if (visit !== undefined) visit(s, at);
            }
            if (++count === limit) {
                i++;
                break;
            }
        }
        s.markRead(stream, i);
        s.event = savedEvent;
        s.eventAt = savedAt;
        return count;
    };
}

/**
 * The count at which `count OPERATOR value` is decided whatever more occurrences there are: at
 * least `value` occurrences decide `>=` (at least one is looked for, so that a missing window
 * bound is still noticed); one more than `value` decides `<=` and `=`.
 */
export function decisiveCount(operator: '>=' | '<=' | '=', value: number): number {
    return operator === '>=' ? Math.max(1, value) : value + 1;
}
