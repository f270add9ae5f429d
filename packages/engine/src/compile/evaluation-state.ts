import type { EventsInput } from '../api.js';
import { QualityCounter } from '../quality/quality-counter.js';
import { toInstant } from '../values/conversions.js';
import type { ZoneClock } from '../time/zone-clock.js';

/** The object read when a record is not an object: every field is missing. */
export const EMPTY_RECORD: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);

/** The occurrences of one event stream of the current record, with their times parsed once. */
export interface EventBucket {
    events: Record<string, unknown>[];
    at: number[];
}

/**
 * The mutable state of one evaluator, reused for every record so that evaluating allocates
 * nothing: the current record and event, the record's number (`generation`, which invalidates
 * every per-record memo at once), memo slots, the record's events grouped by stream, lazily.
 */
export class EvaluationState {
    record: Record<string, unknown> = EMPTY_RECORD;
    /** Events given apart from the record, if any. */
    events: EventsInput | undefined = undefined;
    /** Increments for every record; memo slots and quality stamps compare against it. */
    generation = 0;
    /** The event occurrence an event `where` is looking at, and its time. */
    event: Record<string, unknown> = EMPTY_RECORD;
    eventAt = 0;
    readonly quality = new QualityCounter();
    /** Per-record memos (calculated fields, referenced segments): the generation of each value, and the value. */
    readonly memoGeneration: number[] = [];
    readonly memoValue: unknown[] = [];
    protected readonly streamIndex = new Map<string, number>();
    protected readonly buckets: EventBucket[] = [];
    protected groupedGeneration = -1;

    constructor(protected readonly clock: ZoneClock) {}

    /** Starts a new record. */
    begin(record: unknown, events: EventsInput | undefined): void {
        this.record = typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : EMPTY_RECORD;
        this.events = events;
        this.generation++;
        this.quality.records++;
    }

    /** A new memo slot. */
    allocateMemo(): number {
        this.memoGeneration.push(-1);
        this.memoValue.push(undefined);
        return this.memoGeneration.length - 1;
    }

    /** The bucket index of an event stream, by its name in the source (`event` of each occurrence). */
    streamOf(sourceName: string): number {
        let index = this.streamIndex.get(sourceName);
        if (index === undefined) {
            index = this.buckets.length;
            this.streamIndex.set(sourceName, index);
            this.buckets.push({ events: [], at: [] });
        }
        return index;
    }

    /** The current record's occurrences of a stream; groups the record's events on first use. */
    bucket(index: number): EventBucket {
        if (this.groupedGeneration !== this.generation) this.group();
        return this.buckets[index];
    }

    protected group(): void {
        this.groupedGeneration = this.generation;
        for (const bucket of this.buckets) {
            bucket.events.length = 0;
            bucket.at.length = 0;
        }
        const events = this.events ?? this.record.events;
        if (events === undefined || events === null) return;
        if (!Array.isArray(events)) {
            this.quality.invalidEvents++;
            return;
        }
        for (const event of events as unknown[]) {
            if (typeof event !== 'object' || event === null || Array.isArray(event)) {
                this.quality.invalidEvents++;
                continue;
            }
            const name = (event as Record<string, unknown>).event;
            const index = typeof name === 'string' ? this.streamIndex.get(name) : undefined;
            if (index === undefined) continue;
            const at = toInstant((event as Record<string, unknown>).at, this.clock);
            if (typeof at !== 'number') {
                this.quality.eventsWithoutTime++;
                continue;
            }
            const bucket = this.buckets[index];
            bucket.events.push(event as Record<string, unknown>);
            bucket.at.push(at);
        }
    }
}
