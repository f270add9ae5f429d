import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The property of an event, in a separate events file, that holds the key of its record (as `segment eval --events` reads it). */
export const EVENT_KEY_PROPERTY = 'contact';

/**
 * Streams the JSON objects of an NDJSON file, one per line. Blank lines and lines that are not
 * JSON objects are skipped: a preview shows what it can read, as the member-count lenses do.
 */
export async function* readNdjsonRecords(path: string): AsyncGenerator<Record<string, unknown>> {
    const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
        const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
        if (text.trim() === '') continue;
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch {
            continue;
        }
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) yield value as Record<string, unknown>;
    }
}

/** Reads an events file (`{ "contact": KEY, "event": NAME, "at": ..., ...props }` per line), grouped by record key. */
export async function readEventsByKey(path: string): Promise<Map<string, unknown[]>> {
    const byKey = new Map<string, unknown[]>();
    for await (const event of readNdjsonRecords(path)) {
        const key = event[EVENT_KEY_PROPERTY];
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const events = byKey.get(String(key));
        if (events) events.push(event);
        else byKey.set(String(key), [event]);
    }
    return byKey;
}
