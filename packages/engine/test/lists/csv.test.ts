import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { csvListValues, parseCsv } from '../../src/index.js';
import { CsvFileListSource } from '../../src/node.js';

describe('CSV lists', () => {
    test('parses quotes, escaped quotes, line breaks and CRLF', () => {
        expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",z')).toEqual([
            ['a', 'b'],
            ['x, y', 'say "hi"'],
            ['multi\nline', 'z'],
        ]);
    });

    test('takes the column named like `by`, else the first', () => {
        const text = 'name,Email\nAda, ada@example.com \nBlank,\n';
        expect(csvListValues(text, 'email')).toEqual(['ada@example.com']);
        expect(csvListValues(text, 'phone')).toEqual(['Ada', 'Blank']);
        expect(csvListValues('', 'email')).toEqual([]);
    });

    test('the file source reads a file: URL once', () => {
        const folder = mkdtempSync(join(tmpdir(), 'engine-csv-'));
        const file = join(folder, 'vip.csv');
        writeFileSync(file, 'email\nada@example.com\n');
        const source = new CsvFileListSource();
        const list = { name: 'vip', title: 'VIP', schema: 'Contact', file: 'vip.csv', uri: pathToFileURL(file).toString(), by: 'email' };
        expect([...source.values(list)]).toEqual(['ada@example.com']);
        writeFileSync(file, 'email\nother@example.com\n');
        expect([...source.values(list)]).toEqual(['ada@example.com']);
        expect(() => new CsvFileListSource().values({ ...list, uri: pathToFileURL(join(folder, 'missing.csv')).toString() })).toThrow(/Cannot read the CSV/);
    });
});
