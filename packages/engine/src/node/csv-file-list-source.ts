import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ListIR } from '@segments/ir';
import type { ListSource } from '../api.js';
import { SegmentEngineError } from '../errors.js';
import { csvListValues } from '../lists/csv.js';

/**
 * A {@link ListSource} reading each list's CSV from the file at its `uri` (a `file:` URL or a
 * path), once per source, matched on the column named like the list's `by` field or else the
 * first column. Node only: the engine's core does not import it.
 */
export class CsvFileListSource implements ListSource {
    protected readonly cache = new Map<string, string[]>();

    values(list: ListIR): Iterable<string> {
        const key = `${list.uri}\n${list.by}`;
        let values = this.cache.get(key);
        if (values === undefined) {
            const path = list.uri.startsWith('file:') ? fileURLToPath(list.uri) : list.uri;
            let text: string;
            try {
                text = readFileSync(path, 'utf8');
            } catch (error) {
                throw new SegmentEngineError(`Cannot read the CSV of the static list ${JSON.stringify(list.name)} (${path}): ${(error as Error).message}`);
            }
            values = csvListValues(text, list.by);
            this.cache.set(key, values);
        }
        return values;
    }
}
