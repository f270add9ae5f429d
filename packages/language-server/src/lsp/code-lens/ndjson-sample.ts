import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ListIR } from '@segments/ir';
import { csvListValues, type ListSource, SegmentEngineError } from '@segments/engine';
import { fileURLToPath } from 'node:url';

/** The property of an event, in a separate events file, that holds the key of its record (as in the CLI). */
export const EVENT_KEY_PROPERTY = 'contact';

/** The path of a `file:` URI or a plain path. */
function pathOf(uriOrPath: string): string {
    return uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : uriOrPath;
}

/**
 * Streams the JSON objects of an NDJSON file, one per line; blank lines and lines that are not
 * JSON objects are skipped (a preview counts what it can read).
 */
export async function* readNdjsonObjects(path: string): AsyncGenerator<Record<string, unknown>> {
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

/** Reads an events file (`{ "contact": KEY, "event": NAME, "at": ..., ...props }` per line) grouped by record key. */
export async function readEventsByKey(path: string): Promise<Map<string, unknown[]>> {
    const byKey = new Map<string, unknown[]>();
    for await (const event of readNdjsonObjects(path)) {
        const key = event[EVENT_KEY_PROPERTY];
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const events = byKey.get(String(key));
        if (events) events.push(event);
        else byKey.set(String(key), [event]);
    }
    return byKey;
}

/** Reads static lists from their CSV files, once per list. */
export class CsvListFiles implements ListSource {
    protected readonly cache = new Map<string, string[]>();

    values(list: ListIR): Iterable<string> {
        const key = `${list.uri}\n${list.by}`;
        let values = this.cache.get(key);
        if (!values) {
            try {
                values = csvListValues(readFileSync(pathOf(list.uri), 'utf8'), list.by);
            } catch (error) {
                throw new SegmentEngineError(`cannot read the list \`${list.name}\` (${list.file}): ${(error as Error).message}`);
            }
            this.cache.set(key, values);
        }
        return values;
    }
}
