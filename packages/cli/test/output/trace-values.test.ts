import type { TraceNode } from '@segments/engine';
import type { ConditionIR, ListIR, ValueIR } from '@segments/language';
import { describe, expect, test } from 'vitest';
import { describeTraceValues, formatValue, valueLabel } from '../../src/output/trace-values.js';

const source = { line: 1, column: 1, endLine: 1, endColumn: 2, text: 'x' };
const birthday: ValueIR = { kind: 'field', type: 'date', name: 'birthday' };
const now: ValueIR = { kind: 'now', type: 'datetime' };

/** A trace node of a condition, with the values the engine recorded. */
function node(condition: ConditionIR, values: TraceNode['values']): TraceNode {
    return { id: condition.id, kind: condition.kind, text: condition.source.text, source: condition.source, truth: 'FALSE', values, children: [] };
}

describe('valueLabel', () => {
    test('names what a value reads', () => {
        expect(valueLabel({ kind: 'field', type: 'number', name: 'total_spent' })).toBe('total_spent');
        expect(valueLabel({ kind: 'call', type: 'number', function: 'month', args: [{ kind: 'today', type: 'date' }] })).toBe('month(today)');
        expect(valueLabel({ kind: 'shift', type: 'datetime', base: now, amount: -60, unit: 'days' })).toBe('60 days ago');
        expect(valueLabel({ kind: 'shift', type: 'datetime', base: now, amount: 1, unit: 'weeks' })).toBe('1 week from now');
        expect(valueLabel({ kind: 'shift', type: 'date', base: birthday, amount: 1, unit: 'years' })).toBe('birthday + 1 year');
        const sum: ValueIR = { kind: 'arithmetic', type: 'number', operator: '+', left: { kind: 'field', type: 'number', name: 'a' }, right: { kind: 'literal', type: 'number', value: 2 } };
        expect(valueLabel({ kind: 'arithmetic', type: 'number', operator: '*', left: sum, right: { kind: 'literal', type: 'number', value: 3 } })).toBe('(a + 2) * 3');
        expect(valueLabel({ kind: 'aggregate', type: 'number', function: 'sum', event: 'Purchased', property: 'amount', window: { start: now } })).toBe('sum(Purchased.amount …)');
        expect(valueLabel({ kind: 'aggregate', type: 'number', function: 'count', event: 'Purchased' })).toBe('count(Purchased)');
    });

    test('has no name for a condition used as a value, nor for a call of one', () => {
        const condition: ValueIR = { kind: 'condition', type: 'boolean', condition: { kind: 'inSegment', id: 'v', source, segment: 's' } };
        expect(valueLabel(condition)).toBeUndefined();
        expect(valueLabel({ kind: 'call', type: 'text', function: 'coalesce', args: [condition] })).toBeUndefined();
    });
});

describe('formatValue', () => {
    test('quotes text, leaves dates, numbers and booleans as they are, brackets lists, says missing', () => {
        expect(formatValue('US', 'text')).toBe('"US"');
        expect(formatValue('2026-01-31', 'date')).toBe('2026-01-31');
        expect(formatValue(412, 'number')).toBe('412');
        expect(formatValue(['a', 'b'], 'list-of-text')).toBe('["a", "b"]');
        expect(formatValue(null, 'text')).toBe('missing');
    });
});

describe('describeTraceValues', () => {
    test('compare: the operands that are not literals, by name', () => {
        const condition: ConditionIR = {
            kind: 'compare',
            id: 'where',
            source,
            operator: '=',
            domain: 'number',
            left: { kind: 'call', type: 'number', function: 'month', args: [birthday] },
            right: { kind: 'literal', type: 'number', value: 3 },
        };
        expect(describeTraceValues(node(condition, { left: 4, right: 3 }), condition, {})).toBe('month(birthday) = 4');
        expect(describeTraceValues(node(condition, { left: null, right: 3 }), condition, {})).toBe('month(birthday) is missing');
    });

    test('between: the subject, and the bounds when they are not literals', () => {
        const within: ConditionIR = {
            kind: 'between',
            id: 'where',
            source,
            domain: 'datetime',
            negated: false,
            subject: { kind: 'field', type: 'datetime', name: 'last_seen' },
            low: { kind: 'shift', type: 'datetime', base: now, amount: -30, unit: 'days' },
            high: now,
        };
        expect(describeTraceValues(node(within, { subject: '2026-01-01T00:00:00.000Z', low: '2026-01-30T00:00:00.000Z', high: '2026-03-01T00:00:00.000Z' }), within, {})).toBe(
            'last_seen = 2026-01-01T00:00:00.000Z, between 2026-01-30T00:00:00.000Z and 2026-03-01T00:00:00.000Z',
        );
        const literal: ConditionIR = { ...within, subject: { kind: 'field', type: 'number', name: 'age' }, low: { kind: 'literal', type: 'number', value: 18 }, high: { kind: 'literal', type: 'number', value: 30 } };
        expect(describeTraceValues(node(literal, { subject: 17, low: 18, high: 30 }), literal, {})).toBe('age = 17');
    });

    test('in list: the `by` field of the list; performed: the occurrences and the window', () => {
        const lists: Record<string, ListIR> = { vip: { name: 'vip', title: 'VIP', schema: 'Contact', file: 'vip.csv', uri: 'file:///vip.csv', by: 'email' } };
        const inList: ConditionIR = { kind: 'inList', id: 'where', source, list: 'vip' };
        expect(describeTraceValues(node(inList, { value: 'a@b.c' }), inList, lists)).toBe('email = "a@b.c"');
        const since: ConditionIR = { kind: 'performed', id: 'where', source, event: 'Purchased', count: { operator: '>=', value: 1 }, window: { start: now } };
        expect(describeTraceValues(node(since, { count: 2, start: '2026-01-01T00:00:00.000Z' }), since, {})).toBe('2 times, since 2026-01-01T00:00:00.000Z');
        const ever: ConditionIR = { kind: 'performed', id: 'where', source, event: 'Purchased', count: { operator: '>=', value: 1 } };
        expect(describeTraceValues(node(ever, { count: 1 }), ever, {})).toBe('1 time');
    });

    test('without the condition, every value by its role', () => {
        const condition: ConditionIR = { kind: 'inSegment', id: 'where', source, segment: 's' };
        expect(describeTraceValues(node(condition, { left: 412, right: null }), undefined, {})).toBe('left = 412, right is missing');
        expect(describeTraceValues(node(condition, {}), condition, {})).toBe('');
    });
});
