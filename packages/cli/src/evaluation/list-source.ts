import { csvListValues, type ListSource, SegmentEngineError } from '@segments/engine';
import type { ListIR } from '@segments/language';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The {@link ListSource} of the command: each static list's CSV read from the file at its `uri`,
 * its values taken from the column named like the list's `by` field (else the first column). A
 * file that cannot be read is a {@link SegmentEngineError}, which the command reports and exits 2.
 */
export class FileListSource implements ListSource {
    values(list: ListIR): Iterable<string> {
        const file = list.uri.startsWith('file:') ? fileURLToPath(list.uri) : list.uri;
        let text: string;
        try {
            text = readFileSync(file, 'utf8');
        } catch (error) {
            throw new SegmentEngineError(`cannot read the static list '${list.name}' (${file}): ${error instanceof Error ? error.message : String(error)}`);
        }
        return csvListValues(text, list.by);
    }
}
