import type { Readable } from 'node:stream';
import { type InputItem, parseItem } from './input-item.js';
import { type JsonArrayToken, JsonArrayScanner } from './json-array-scanner.js';

/**
 * Reads a JSON file holding one array of records, element by element (see {@link JsonArrayScanner}):
 * a file of a million records is never held in memory at once. An element that is not a JSON
 * object, and a fault in the array itself, are malformed entries.
 */
export async function* readJsonArray(input: Readable): AsyncGenerator<readonly InputItem[]> {
    input.setEncoding('utf8');
    const scanner = new JsonArrayScanner();
    for await (const chunk of input as AsyncIterable<string>) {
        yield scanner.push(chunk).map(itemOfToken);
    }
    yield scanner.end().map(itemOfToken);
}

function itemOfToken(token: JsonArrayToken): InputItem {
    return 'problem' in token ? { kind: 'malformed', line: token.line, message: token.problem } : parseItem(token.text, token.line);
}
