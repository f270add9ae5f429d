import type { Readable } from 'node:stream';
import { type InputItem, parseItem } from './input-item.js';

/**
 * Reads NDJSON (JSON Lines): one JSON object per line, ended by LF or CRLF. Blank lines are
 * skipped; a line that is not a JSON object is a malformed entry. A byte order mark is ignored.
 */
export async function* readNdjson(input: Readable): AsyncGenerator<readonly InputItem[]> {
    input.setEncoding('utf8');
    let line = 0;
    let rest = '';
    const itemsOf = (lines: readonly string[]): InputItem[] => {
        const items: InputItem[] = [];
        for (const text of lines) {
            line++;
            const entry = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
            if (entry.trim() !== '') items.push(parseItem(entry, line));
        }
        return items;
    };
    for await (const chunk of input as AsyncIterable<string>) {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        yield itemsOf(lines);
    }
    if (rest !== '') yield itemsOf([rest]);
}
