import { describe, expect, test } from 'vitest';
import type { SegmentBundleIR } from '@segments/language';
import { MAX_COLUMNS, previewColumns, valueAt, valueText } from '../../src/requests/preview-evaluation.js';

const field = (name: string, path = [name]) => ({ name, type: 'number' as const, path });
const at = { line: 1, column: 1, endLine: 1, endColumn: 2, text: 'x' };

/** A bundle with the given schema fields and `where`. */
function bundle(fields: ReturnType<typeof field>[], where: unknown, calculated: unknown[] = []): SegmentBundleIR {
    return {
        irVersion: 1,
        segment: { name: 's', title: 's', schema: 'C', timezone: 'UTC', where },
        segments: {},
        lists: {},
        schema: { name: 'C', key: 'id', fields, calculated, events: [] },
    } as unknown as SegmentBundleIR;
}

describe('the columns of a preview', () => {
    test('the key, then the fields the conditions read, in order, through calculated fields', () => {
        const where = {
            id: 'where',
            kind: 'and',
            source: at,
            operands: [
                { id: 'a', kind: 'compare', source: at, left: { kind: 'calculated', name: 'aov' }, right: { kind: 'literal', value: 1 } },
                { id: 'b', kind: 'compare', source: at, left: { kind: 'field', name: 'visits' }, right: { kind: 'literal', value: 1 } },
            ],
        };
        const aov = { name: 'aov', type: 'number', value: { kind: 'arithmetic', left: { kind: 'field', name: 'spent' }, right: { kind: 'field', name: 'orders' } } };
        const columns = previewColumns(bundle([field('orders'), field('id'), field('visits'), field('spent', ['p', 'spent']), field('unused')], where, [aov]));
        expect(columns).toEqual([
            { name: 'id', path: ['id'] },
            { name: 'spent', path: ['p', 'spent'] },
            { name: 'orders', path: ['orders'] },
            { name: 'visits', path: ['visits'] },
        ]);
    });

    test('the first fields when the conditions read none, and no more than the maximum', () => {
        const fields = ['id', 'a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => field(name));
        const columns = previewColumns(bundle(fields, { id: 'where', kind: 'performed', source: at, event: 'E', count: { operator: '>=', value: 1 } }));
        expect(columns.map((column) => column.name)).toEqual(['id', 'a', 'b', 'c', 'd', 'e']);
        expect(columns).toHaveLength(MAX_COLUMNS);
    });
});

describe('values of records', () => {
    test('by path', () => {
        expect(valueAt({ p: { total: 5 } }, ['p', 'total'])).toBe(5);
        expect(valueAt({ p: [1] }, ['p', '0'])).toBeUndefined();
        expect(valueAt({ p: null }, ['p', 'x'])).toBeUndefined();
    });

    test('as cell text', () => {
        expect(valueText(undefined)).toBe('');
        expect(valueText(null)).toBe('');
        expect(valueText(['a', 2, ['b']])).toBe('a, 2, b');
        expect(valueText({ a: 1 })).toBe('{"a":1}');
        expect(valueText(1523.5)).toBe('1523.5');
        expect(valueText(false)).toBe('false');
    });
});
