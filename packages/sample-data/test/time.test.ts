import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, parseDateTime, parseInstant } from '../src/time.js';

describe('time', () => {
    test('formats like Date#toISOString, to the second, from 1900 to 2100', () => {
        const differences: string[] = [];
        for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 3.7 + 1_234_567) {
            const expected = new Date(t).toISOString();
            if (formatDateTime(t) !== expected.slice(0, 19) + 'Z' || formatDate(t) !== expected.slice(0, 10)) {
                differences.push(expected);
            }
        }
        expect(differences).toEqual([]);
    });

    test('parses what it formats, and other ISO text', () => {
        const t = Date.UTC(2028, 1, 29, 23, 59, 58);
        expect(parseDateTime(formatDateTime(t))).toBe(t);
        expect(parseDateTime('2026-11-20T07:00:00-05:00')).toBe(Date.UTC(2026, 10, 20, 12));
        expect(parseDateTime('n/a')).toBeNaN();
    });

    test('an instant must have a zone', () => {
        expect(parseInstant('2026-11-20T12:00:00Z')).toBe(Date.UTC(2026, 10, 20, 12));
        expect(() => parseInstant('2026-11-20T12:00:00')).toThrow(RangeError);
        expect(() => parseInstant('2026-11-20')).toThrow(RangeError);
    });
});
