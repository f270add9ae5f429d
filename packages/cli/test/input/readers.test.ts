import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { CliError } from '../../src/cli-error.js';
import { readCsv } from '../../src/input/csv-reader.js';
import type { InputItem, RecordReader } from '../../src/input/input-item.js';
import { readJsonArray } from '../../src/input/json-array-reader.js';
import { readNdjson } from '../../src/input/ndjson-reader.js';

/** Reads a text given in chunks (each a separate `data` event), collecting the items. */
async function readAll(reader: RecordReader, ...chunks: string[]): Promise<InputItem[]> {
    const items: InputItem[] = [];
    for await (const batch of reader(Readable.from(chunks.map((chunk) => Buffer.from(chunk, 'utf8'))))) items.push(...batch);
    return items;
}

/** Every way of cutting a text in two chunks, so that each state of a scanner meets a chunk boundary. */
function splits(text: string): string[][] {
    return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

const records = (items: InputItem[]) => items.filter((i) => i.kind === 'record').map((i) => i.value);
const malformed = (items: InputItem[]) => items.filter((i) => i.kind === 'malformed').map(({ line, message }) => ({ line, message }));

describe('readNdjson', () => {
    test('reads one object per line, skips blank lines, and reports bad lines with their line numbers', async () => {
        const items = await readAll(readNdjson, '\ufeff{"id":"a"}\n\n{"id": "b", "n": [1, {"x": "]"}]}\r\n{bad json}\n42\n', '{"id":"c"}');
        expect(records(items)).toEqual([{ id: 'a' }, { id: 'b', n: [1, { x: ']' }] }, { id: 'c' }]);
        expect(items.map((i) => i.line)).toEqual([1, 3, 4, 5, 6]);
        expect(malformed(items)).toEqual([
            { line: 4, message: expect.stringMatching(/JSON/) },
            { line: 5, message: 'not a JSON object (a number)' },
        ]);
    });
});

describe('readCsv', () => {
    const text = 'id,name,properties.total_revenue,tags\r\n1,"Doe, Jane",100,a;b\r\n2,"Say ""hi""",,\r\n3,"two\nlines",5,x\n';

    test('reads quoted cells, escaped quotes, CRLF, embedded newlines; dotted headers are paths; empty cells are missing', async () => {
        const items = await readAll(readCsv, text);
        expect(records(items)).toEqual([
            { id: '1', name: 'Doe, Jane', properties: { total_revenue: '100' }, tags: 'a;b' },
            { id: '2', name: 'Say "hi"' },
            { id: '3', name: 'two\nlines', properties: { total_revenue: '5' }, tags: 'x' },
        ]);
        expect(items.map((i) => i.line)).toEqual([2, 3, 4]);
    });

    test('gives the same records however the text is cut into chunks', async () => {
        const expected = await readAll(readCsv, text);
        for (const chunks of splits(text)) {
            expect(await readAll(readCsv, ...chunks)).toEqual(expected);
        }
    });

    test('a row without a final line break, CR line ends, and blank lines', async () => {
        expect(records(await readAll(readCsv, 'a,b\r\r1,2\r\n\n3,"4"'))).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
    });

    test('a row with the wrong number of cells and an unclosed quote are malformed, not fatal', async () => {
        const items = await readAll(readCsv, 'a,b\n1\n2,3\n4,"never\nclosed\n');
        expect(records(items)).toEqual([{ a: '2', b: '3' }]);
        expect(malformed(items)).toEqual([
            { line: 2, message: 'the row has 1 cells and the header 2' },
            { line: 4, message: 'a quoted cell is not closed before the end of the file' },
        ]);
    });

    test('a header that cannot be used is an error', async () => {
        await expect(readAll(readCsv, 'a,a\n1,2\n')).rejects.toThrow(new CliError("the CSV header names the column 'a' twice"));
        await expect(readAll(readCsv, 'a,a.b\n1,2\n')).rejects.toThrow(/both 'a' and 'a.b'/);
        await expect(readAll(readCsv, 'a,,b\n')).rejects.toThrow(/empty column name/);
    });

    test('a header like __proto__.x makes own properties, not a prototype', async () => {
        const [item] = await readAll(readCsv, '__proto__.polluted\nyes\n');
        expect(item!.kind === 'record' && Object.keys(item.value)).toEqual(['__proto__']);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
});

describe('readJsonArray', () => {
    const text = '[\n  {"id": "a", "nested": {"list": [1, 2, {"deep": "]}"}]}},\n  {"id": "b\\"]", "s": "[{,"},\n  {"id": "c"}\n]\n';

    test('streams the elements of a top-level array, with nested objects and strings holding brackets', async () => {
        const items = await readAll(readJsonArray, text);
        expect(records(items)).toEqual([{ id: 'a', nested: { list: [1, 2, { deep: ']}' }] } }, { id: 'b"]', s: '[{,' }, { id: 'c' }]);
        expect(items.map((i) => i.line)).toEqual([2, 3, 4]);
    });

    test('gives the same records however the text is cut into chunks', async () => {
        const expected = await readAll(readJsonArray, text);
        for (const chunks of splits(text)) {
            expect(await readAll(readJsonArray, ...chunks)).toEqual(expected);
        }
    });

    test('a bad element, an element that is not an object, empty elements and an unclosed array are malformed', async () => {
        const items = await readAll(readJsonArray, '[{"id": 1}, {bad}, "text", , {"id": 2},\n{"id": 3}');
        expect(records(items)).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
        expect(malformed(items).map((m) => m.message)).toEqual([
            expect.stringMatching(/JSON/),
            'not a JSON object (a string)',
            'an empty element (two commas, or a comma before the bracket)',
            'the array is not closed before the end of the file',
        ]);
        expect(malformed(await readAll(readJsonArray, '[{"a":1},]  x'))).toEqual([
            { line: 1, message: 'an empty element (two commas, or a comma before the bracket)' },
            { line: 1, message: 'text after the end of the array' },
        ]);
        expect(await readAll(readJsonArray, ' [ ] ')).toEqual([]);
    });

    test('a file that is not an array is an error', async () => {
        await expect(readAll(readJsonArray, '{"id": 1}')).rejects.toThrow(new CliError("not a JSON array: it starts with '{' (line 1)"));
        await expect(readAll(readJsonArray, '  ')).rejects.toThrow(new CliError('not a JSON array: the file is empty'));
    });
});
