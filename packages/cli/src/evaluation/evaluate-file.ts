import { type EventsInput, type Funnel, type SegmentEvaluator, Truth } from '@segments/engine';
import type { DataFile } from '../input/data-file.js';
import type { EventIndex } from '../input/event-index.js';
import { MalformedLog } from '../input/malformed-log.js';
import type { Progress } from '../output/progress-bar.js';

/** One segment of a {@link FileEvaluation}: its evaluator, and where its members go. */
export interface SegmentRun {
    readonly evaluator: SegmentEvaluator;
    /** A funnel of the same evaluator, to count every condition (`--explain`); it then decides membership. */
    readonly funnel?: Funnel;
    /** Called for each member, in input order. */
    readonly onMember: (key: string | undefined, record: Record<string, unknown>) => void;
}

/** Looks at the records with some keys as they stream by (`--trace`). */
export interface RecordInspector {
    /** The keys of the records to look at. */
    readonly keys: ReadonlySet<string>;
    /** Called for each record whose key is one of {@link keys}, before it is tested, with its events when they come from a separate file. */
    inspect(key: string, record: Record<string, unknown>, events: EventsInput | undefined): void;
}

/** What {@link evaluateFile} evaluates. */
export interface FileEvaluation {
    /**
     * The segments, evaluated on each record in this order. Their evaluators are of one schema:
     * the first one reads the records' keys.
     */
    readonly runs: readonly SegmentRun[];
    readonly data: DataFile;
    /** The records' events, from a separate file; without it, each record's own `events` array. */
    readonly events?: EventIndex;
    /** Given the records with some keys; their keys are then read up front, for every record. */
    readonly inspector?: RecordInspector;
    readonly progress: Progress;
}

/** How an evaluation of a data file went. */
export interface FileEvaluationResult {
    /** The records evaluated. */
    readonly records: number;
    /** The members among them, for each run, in the order of the runs. */
    readonly members: readonly number[];
    /** The entries of the data file that could not be read. */
    readonly malformed: MalformedLog;
}

/**
 * Streams the records of a data file through the evaluators of one or more segments: each record
 * is read once and given to every segment in turn, whose `onMember` is called when it is a member.
 * Unreadable entries are counted, never fatal.
 */
export async function evaluateFile({ runs, data, events, inspector, progress }: FileEvaluation): Promise<FileEvaluationResult> {
    const malformed = new MalformedLog(data.name);
    const members = runs.map(() => 0);
    const keyReader = runs[0]?.evaluator;
    let entries = 0;
    let records = 0;
    try {
        for await (const batch of data.batches) {
            for (const item of batch) {
                entries++;
                if (item.kind === 'malformed') {
                    malformed.add(item);
                    continue;
                }
                records++;
                const record = item.value;
                // The key is read once per record: up front to find the record's events or to inspect it, else for its first membership.
                let keyRead = events !== undefined || inspector !== undefined;
                let key = keyRead ? keyReader?.keyOf(record) : undefined;
                const recordEvents = events?.eventsOf(key);
                if (key !== undefined && inspector?.keys.has(key)) inspector.inspect(key, record, recordEvents);
                for (let index = 0; index < runs.length; index++) {
                    const { evaluator, funnel, onMember } = runs[index]!;
                    if (!(funnel ? funnel.add(record, recordEvents) === Truth.TRUE : evaluator.isMember(record, recordEvents))) continue;
                    members[index]!++;
                    if (!keyRead) {
                        key = evaluator.keyOf(record);
                        keyRead = true;
                    }
                    onMember(key, record);
                }
            }
            progress.update(entries, data.bytesRead());
        }
    } finally {
        progress.finish();
    }
    return { records, members, malformed };
}
