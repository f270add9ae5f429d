import type { SegmentBundleIR } from '@segments/language';
import { describe, expect, test } from 'vitest';
import { CsvWriter, csvLine, IdsWriter, NdjsonWriter } from '../../src/output/member-writer.js';
import { TableWriter, tableColumns } from '../../src/output/member-table.js';
import { valueAt, valueText } from '../../src/output/record-values.js';

function stream() {
    const written: string[] = [];
    return { write: (text: string) => void written.push(text), isTTY: false, text: () => written.join('') };
}

/** A bundle with just what the writers read: the schema, and a segment reading `total` and `country`. */
const bundle = {
    irVersion: 1,
    segment: {
        name: 's',
        title: 's',
        schema: 'C',
        timezone: 'UTC',
        where: {
            kind: 'and',
            id: 'where',
            source: { line: 1, column: 1, endLine: 1, endColumn: 2, text: 'x' },
            operands: [
                { kind: 'compare', left: { kind: 'field', type: 'number', name: 'total' }, right: { kind: 'literal', type: 'number', value: 1 } },
                { kind: 'compare', left: { kind: 'field', type: 'text', name: 'country' }, right: { kind: 'literal', type: 'text', value: 'US' } },
            ],
        },
    },
    segments: {},
    lists: {},
    schema: {
        name: 'C',
        key: 'id',
        fields: [
            { name: 'id', type: 'text', path: ['id'] },
            { name: 'name', type: 'text', path: ['name'] },
            { name: 'country', type: 'text', path: ['country'] },
            { name: 'total', type: 'number', path: ['properties', 'total'] },
            { name: 'tags', type: 'list-of-text', path: ['tags'] },
        ],
        calculated: [],
        events: [],
    },
} as unknown as SegmentBundleIR;

const alice = { id: 'a', name: 'Alice, "Al"', country: 'US', properties: { total: 5 }, tags: ['x', 'y'] };
const bob = { id: 'b', name: 'Bob\nSmith', properties: { total: 7 } };

describe('record values', () => {
    test('are read at their path and printed on one line of text', () => {
        expect(valueAt(alice, ['properties', 'total'])).toBe(5);
        expect(valueAt(alice, ['properties', 'total', 'x'])).toBeUndefined();
        expect(valueAt(alice, ['constructor'])).toBeUndefined();
        expect([valueText(undefined), valueText(null), valueText(['x', 2, { a: 1 }]), valueText({ a: 1 }), valueText(false)]).toEqual(['', '', 'x;2;{"a":1}', '{"a":1}', 'false']);
    });
});

describe('member writers', () => {
    test('ids: one key per line, members without a key left out', () => {
        const out = stream();
        const writer = new IdsWriter(out);
        writer.member('a');
        writer.member(undefined);
        writer.member('b');
        writer.end();
        expect(out.text()).toBe('a\nb\n');
    });

    test('ndjson: each member record as a line of JSON', () => {
        const out = stream();
        const writer = new NdjsonWriter(out);
        writer.member('a', alice);
        writer.member('b', bob);
        writer.end();
        expect(out.text().split('\n').filter(Boolean).map((line) => JSON.parse(line))).toEqual([alice, bob]);
    });

    test('csv: the schema fields in schema order, values at their paths, quoted when needed', () => {
        const out = stream();
        const writer = new CsvWriter(out, bundle.schema);
        writer.member('a', alice);
        writer.member('b', bob);
        writer.end();
        expect(out.text()).toBe('id,name,country,total,tags\r\na,"Alice, ""Al""",US,5,x;y\r\nb,"Bob\nSmith",,7,\r\n');
        expect(csvLine(['a', ''])).toBe('a,\r\n');
    });

    test('table: the key and the fields the segment reads, the first rows only, then the counts', () => {
        expect(tableColumns(bundle).map((c) => c.name)).toEqual(['id', 'total', 'country']);
        const out = stream();
        const writer = new TableWriter(out, bundle);
        writer.member('a', alice);
        writer.member('b', bob);
        writer.end(10);
        expect(out.text()).toBe(['id  total  country', '--  -----  -------', 'a   5      US', 'b   7', '', '2 members among 10 records', ''].join('\n'));
        const many = stream();
        const big = new TableWriter(many, bundle);
        for (let i = 0; i < 60; i++) big.member(String(i), { id: String(i) });
        big.end(100);
        expect(many.text().split('\n')).toHaveLength(2 + 50 + 3);
        expect(many.text()).toContain('60 members among 100 records; the first 50 are shown');
        const none = stream();
        new TableWriter(none, bundle).end(3);
        expect(none.text()).toBe('0 members among 3 records\n');
    });
});
