import type { EventsInput } from '../api.js';
import { QualityCounter } from '../quality/quality-counter.js';
import type { ZoneClock } from '../time/zone-clock.js';

/** The object read when a record is not an object: every field is missing. */
export const EMPTY_RECORD: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);

/**
 * The mutable state of one evaluator, reused for every record so that evaluating allocates
 * nothing: the current record and event, the record's number (`generation`, which invalidates
 * every per-record memo at once), memo slots, and how far the record's events have been read.
 *
 * Event streams are scanned lazily, each by the condition that needs it, straight over the
 * record's events array (see `compile/event-scan.ts`). What a scan could not read (entries that
 * are not objects, occurrences without a readable `at`) is counted once per record: the state
 * keeps, per record, how many entries of the array some scan has looked at (`entriesRead`) and,
 * per stream, how many entries a scan of that stream has looked at (`streamRead`); an entry is
 * counted only by the first scan that reaches it.
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
    /** Entries of the current record's events array that a scan has looked at (and counted if invalid). */
    entriesRead = 0;
    /** Per stream, entries a scan of that stream has looked at (and counted if without a readable `at`). */
    readonly streamRead: number[] = [];
    protected readonly streamIndex = new Map<string, number>();
    protected entries: readonly unknown[] | undefined = undefined;
    protected entriesGeneration = -1;

    /** `clock` is the evaluator's zone: event times without an offset are read in it, whichever segment scans them. */
    constructor(readonly clock: ZoneClock) {}

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

    /** The index of an event stream, by its name in the source (`event` of each occurrence). */
    streamOf(sourceName: string): number {
        let index = this.streamIndex.get(sourceName);
        if (index === undefined) {
            index = this.streamRead.length;
            this.streamIndex.set(sourceName, index);
            this.streamRead.push(0);
        }
        return index;
    }

    /**
     * The current record's events array (the events given apart, else the record's `events`), or
     * `undefined` when it has none. Resolved once per record: an `events` value that is not an
     * array is counted then (once), and the read marks of the previous record are reset.
     */
    eventEntries(): readonly unknown[] | undefined {
        if (this.entriesGeneration !== this.generation) {
            this.entriesGeneration = this.generation;
            this.entriesRead = 0;
            const streamRead = this.streamRead;
            for (let i = 0; i < streamRead.length; i++) streamRead[i] = 0;
            const events = this.events ?? this.record.events;
            if (events === undefined || events === null) this.entries = undefined;
            else if (Array.isArray(events)) this.entries = events;
            else {
                this.entries = undefined;
                this.quality.invalidEvents++;
            }
        }
        return this.entries;
    }

    /** Counts the entry at `index` of the events array, which is not an object, unless a scan counted it already. */
    invalidEntry(index: number): void {
        if (index >= this.entriesRead) this.quality.invalidEvents++;
    }

    /** Counts the occurrence at `index` of a stream, whose `at` is missing or unreadable, unless a scan counted it already. */
    timelessEvent(stream: number, index: number): void {
        if (index >= this.streamRead[stream]) this.quality.eventsWithoutTime++;
    }

    /** Records that a scan of `stream` has looked at the entries before `end` (and counted what it could not read). */
    markRead(stream: number, end: number): void {
        if (end > this.entriesRead) this.entriesRead = end;
        if (end > this.streamRead[stream]) this.streamRead[stream] = end;
    }
}
