import type { ConditionIR, ListIR, SegmentBundleIR, SourceSpan } from '@segments/ir';
import type { Truth, TruthName } from './truth.js';

/** An instant: a `Date`, an ISO-8601 string (without an offset: read in the segment's zone) or epoch milliseconds. */
export type InstantInput = Date | string | number;

/** The events of one record, when they do not sit in its `events` array: `{ event, at, ...props }` objects. */
export type EventsInput = readonly unknown[];

/**
 * Gives the values of static lists. The engine asks once per list, when it compiles a segment,
 * and compares the values with the record's `by` field as text, ignoring case.
 */
export interface ListSource {
    /** The values of `list` (the CSV's `by` column); throws when the list cannot be read. */
    values(list: ListIR): Iterable<string>;
}

/** Options of {@link compileSegment}. */
export interface CompileOptions {
    /** Where static lists come from; required when the segment (or one it refers to) uses `in list`. */
    lists?: ListSource;
}

/** The inputs of one evaluation: the instant and, optionally, a time zone. */
export interface EvaluationOptions {
    /** The evaluation instant: `now` of the segment. The engine never reads the clock. */
    now: InstantInput;
    /** An IANA zone replacing the zone of every segment of the bundle; by default each segment's own. */
    timezone?: string;
}

/** A segment compiled once, ready to be prepared for any number of evaluation instants. */
export interface CompiledSegment {
    /** The validated bundle. */
    readonly bundle: SegmentBundleIR;
    /** The segment's name. */
    readonly name: string;
    /** The key field of the schema. */
    readonly keyField: string;
    /**
     * Binds the segment to an instant (and zone): computes every record-independent value once
     * (`30 days ago`, `today`, window bounds) and returns the evaluator of records.
     */
    prepare(options: EvaluationOptions): SegmentEvaluator;
}

/** Evaluates records against one segment at one instant. Not safe to share between concurrent loops: it reuses its buffers. */
export interface SegmentEvaluator {
    /** The compiled segment. */
    readonly compiled: CompiledSegment;
    /** The evaluation instant. */
    readonly now: Date;
    /** The main segment's zone (after any override). */
    readonly timezone: string;
    /** `today`, the calendar date of `now` in that zone, `YYYY-MM-DD`. */
    readonly today: string;
    /**
     * The segment's truth for a record: TRUE when `where` is TRUE and `exclude` is not TRUE (a
     * member), FALSE when `where` is FALSE or `exclude` is TRUE, else UNKNOWN. `events` replaces
     * the record's own `events` array.
     */
    test(record: unknown, events?: EventsInput): Truth;
    /** Whether the record is a member: `test(record, events) === Truth.TRUE`. */
    isMember(record: unknown, events?: EventsInput): boolean;
    /** The record's key (its key field as text), or `undefined` when it has none. */
    keyOf(record: unknown): string | undefined;
    /** What the evaluation met that it could not read, so far. */
    readonly quality: DataQualityReport;
    /** Explains one record: each condition with its truth and the values it compared. */
    trace(record: unknown, events?: EventsInput): SegmentTrace;
}

/**
 * What an evaluator could not read, counted over the records it tested. A value that cannot be
 * read is UNKNOWN in the segment and counted here, once per record and field.
 */
export interface DataQualityReport {
    /** Records tested (by `test`, `isMember`, `trace` or a funnel). */
    records: number;
    /** Records tested whose key field is missing or unreadable. */
    recordsWithoutKey: number;
    /** Present values that could not be read as their type, by field name, or `Event.property` for event properties (counted per event). */
    unreadableValues: Record<string, number>;
    /** Occurrences of the events the segment reads whose `at` is missing or unreadable (they are ignored). */
    eventsWithoutTime: number;
    /** Entries of an events array that are not objects, or events values that are not arrays. */
    invalidEvents: number;
}

/** A value as a trace shows it: dates as `YYYY-MM-DD`, datetimes as ISO-8601 UTC strings, missing as `null`. */
export type TraceValue = string | number | boolean | null | TraceValue[];

/** One condition of a trace. */
export interface TraceNode {
    /** The condition's id in the IR. */
    id: string;
    kind: ConditionIR['kind'];
    /** The condition as written. */
    text: string;
    source: SourceSpan;
    truth: TruthName;
    /**
     * The values the condition compared, by role: `left`/`right` (compare), `subject`, `low`/`high`
     * (between), `values` (in, includes), `pattern` (text), `count` (performed: the matching
     * occurrences), `start`/`end` (a window's bounds), `value` (the `by` field of `in list`).
     */
    values: Record<string, TraceValue>;
    /** The operands of `and`, `or` and `not`. */
    children: TraceNode[];
}

/** Why a record is or is not a member. */
export interface SegmentTrace {
    key: string | undefined;
    member: boolean;
    truth: TruthName;
    where: TraceNode;
    exclude?: TraceNode;
}

/** How many records gave each truth value. */
export interface TruthCounts {
    TRUE: number;
    FALSE: number;
    UNKNOWN: number;
}

/** One condition of a funnel. */
export interface FunnelNode {
    id: string;
    kind: ConditionIR['kind'];
    text: string;
    source: SourceSpan;
    /** 1 for `where` and `exclude`, plus one per `and`/`or`/`not` above. */
    depth: number;
    /** The id of the enclosing `and`/`or`/`not`, if any. */
    parent?: string;
    counts: TruthCounts;
}

/** Counts of a funnel: every condition of the segment evaluated on every record (no short-circuit). */
export interface FunnelReport {
    /** Records added. */
    total: number;
    /** Members among them. */
    members: number;
    /** The conditions of `where`, then of `exclude`, depth first. */
    nodes: FunnelNode[];
}

/** Counts, over a stream of records, how often each condition was TRUE, FALSE or UNKNOWN. */
export interface Funnel {
    /** Evaluates one record, counts its conditions, and returns the segment's truth for it. */
    add(record: unknown, events?: EventsInput): Truth;
    /** The counts so far. */
    report(): FunnelReport;
}
