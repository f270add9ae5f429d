import type { DataFile } from './data-file.js';
import { MalformedLog } from './malformed-log.js';

/** The property of an event, in a separate events file, that holds the key of its record. */
export const EVENT_KEY_PROPERTY = 'contact';

/**
 * The events of a separate events file, grouped by the key of their record. The whole file is
 * read into memory when the index is built (records stream; events cannot, since they come in
 * any order): its limit is the process's memory. Events in a record's own `events` array have no
 * such limit.
 */
export class EventIndex {
    private readonly matched = new Set<string>();

    constructor(
        private readonly byKey: ReadonlyMap<string, unknown[]>,
        /** The events file's entries that could not be read. */
        readonly malformed: MalformedLog,
        /** Events whose `contact` is missing or not a string or number. */
        readonly withoutKey: number,
    ) {}

    /**
     * The events of the record with this key (an empty array when the file has none for it: the
     * file replaces the records' own `events`).
     */
    eventsOf(key: string | undefined): unknown[] {
        if (key === undefined) return [];
        const events = this.byKey.get(key);
        if (!events) return [];
        this.matched.add(key);
        return events;
    }

    /** How many events are for keys no record asked for so far. */
    unmatchedEvents(): number {
        let count = 0;
        for (const [key, events] of this.byKey) if (!this.matched.has(key)) count += events.length;
        return count;
    }
}

/**
 * Reads an events file: each entry an event `{ "contact": KEY, "event": NAME, "at": DATETIME, ...props }`
 * (the record's key as text or a number), grouped by key in file order.
 */
export async function loadEventIndex(file: DataFile): Promise<EventIndex> {
    const byKey = new Map<string, unknown[]>();
    const malformed = new MalformedLog(file.name);
    let withoutKey = 0;
    for await (const batch of file.batches) {
        for (const item of batch) {
            if (item.kind === 'malformed') {
                malformed.add(item);
                continue;
            }
            const key = item.value[EVENT_KEY_PROPERTY];
            if (typeof key !== 'string' && typeof key !== 'number') {
                withoutKey++;
                continue;
            }
            const text = String(key);
            const events = byKey.get(text);
            if (events) events.push(item.value);
            else byKey.set(text, [item.value]);
        }
    }
    return new EventIndex(byKey, malformed, withoutKey);
}
