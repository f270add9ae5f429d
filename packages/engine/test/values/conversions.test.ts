import { describe, expect, test } from 'vitest';
import { daysFromCivil } from '../../src/index.js';
import { ZoneClock } from '../../src/time/zone-clock.js';
import { conversionFor, eventTimeOf, toInstant, UNREADABLE } from '../../src/values/conversions.js';
import { accessorFor } from '../../src/values/accessors.js';

const clock = new ZoneClock('America/New_York');

describe('conversions', () => {
    test('numbers', () => {
        const number = conversionFor('number', clock);
        expect([1.5, '42', ' -3.5e2 ', '', null, undefined].map(number)).toEqual([1.5, 42, -350, undefined, undefined, undefined]);
        expect([NaN, Infinity, 'NaN', '0x10', '1,000', {}, [], true].map(number)).toEqual(Array(8).fill(UNREADABLE));
    });
    test('text and enums', () => {
        const text = conversionFor('text', clock);
        expect(['a', '', 7, false, null].map(text)).toEqual(['a', '', '7', 'false', undefined]);
        expect([{}, [], NaN].map(text)).toEqual([UNREADABLE, UNREADABLE, UNREADABLE]);
        expect(conversionFor('enum', clock)('gold')).toBe('gold');
    });
    test('booleans', () => {
        const boolean = conversionFor('boolean', clock);
        expect([true, 'true', ' FALSE ', '', null].map(boolean)).toEqual([true, true, false, undefined, undefined]);
        expect(['yes', 1, {}].map(boolean)).toEqual([UNREADABLE, UNREADABLE, UNREADABLE]);
    });
    test('datetimes: ISO strings, epoch milliseconds, Date objects', () => {
        const datetime = conversionFor('datetime', clock);
        const ms = Date.parse('2026-01-31T14:00:00Z');
        expect([ms, String(ms), new Date(ms), '2026-01-31T14:00:00Z', '2026-01-31T09:00:00', ' 2026-01-31T14:00:00Z '].map(datetime)).toEqual(Array(6).fill(ms));
        expect(datetime('2026-01-31')).toBe(Date.parse('2026-01-31T05:00:00Z'));
        expect(['soon', {}, new Date(NaN), NaN].map(datetime)).toEqual(Array(4).fill(UNREADABLE));
    });
    test('dates: YYYY-MM-DD, and the calendar date of an instant in the zone', () => {
        const date = conversionFor('date', clock);
        expect(date('2026-01-31')).toBe(daysFromCivil(2026, 1, 31));
        expect(date('2026-02-01T03:00:00Z')).toBe(daysFromCivil(2026, 1, 31));
        expect(date(Date.parse('2026-02-01T03:00:00Z'))).toBe(daysFromCivil(2026, 1, 31));
        expect(date('2026-02-30')).toBe(UNREADABLE);
    });
    test('lists: arrays and ;-separated strings', () => {
        expect(conversionFor('list-of-text', clock)('a; b;;c ')).toEqual(['a', 'b', 'c']);
        expect(conversionFor('list-of-text', clock)(['a', null, 3])).toEqual(['a', '3']);
        expect(conversionFor('list-of-number', clock)('1;2.5')).toEqual([1, 2.5]);
        expect(conversionFor('list-of-number', clock)([1, 'x'])).toBe(UNREADABLE);
        expect(conversionFor('list-of-text', clock)({})).toBe(UNREADABLE);
    });
});

describe('accessors', () => {
    test('paths; inherited names are not read', () => {
        expect(accessorFor(['a'])({ a: 1 })).toBe(1);
        expect(accessorFor(['a', 'b'])({ a: { b: 2 } })).toBe(2);
        expect(accessorFor(['a', 'b'])({ a: 'x' })).toBeUndefined();
        expect(accessorFor(['a', 'b', 'c'])({ a: { b: { c: 3 } } })).toBe(3);
        expect(accessorFor(['constructor'])({})).toBeUndefined();
        expect(accessorFor(['a', 'toString'])({ a: {} })).toBeUndefined();
        expect(accessorFor(['constructor'])({ constructor: 'own' })).toBe('own');
    });
});

describe('event times', () => {
    test('eventTimeOf reads what toInstant reads, as a number or NaN', () => {
        const raws: unknown[] = ['2026-03-10T12:00:00Z', '2026-03-10T12:00:00.5+02:00', '2026-03-10T08:00', '2026-03-10', ' 2026-03-10T12:00:00Z ', '1773144000000', 1773144000000, new Date(1773144000000), '', null, undefined, 'noon', '2026-02-30T00:00:00Z', Infinity, {}];
        for (const raw of raws) {
            const expected = toInstant(raw, clock);
            expect([raw, eventTimeOf(raw, clock)]).toEqual([raw, typeof expected === 'number' ? expected : NaN]);
        }
        expect(eventTimeOf('2026-03-10T08:00', clock)).toBe(Date.parse('2026-03-10T12:00:00Z'));
    });
});
