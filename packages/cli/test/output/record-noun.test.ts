import { describe, expect, test } from 'vitest';
import { formatInstant, recordsNoun } from '../../src/output/record-noun.js';

describe('recordsNoun', () => {
    test('is the schema name in lower-case words, the last one in the plural', () => {
        expect(recordsNoun('Contact')).toBe('contacts');
        expect(recordsNoun('Company')).toBe('companies');
        expect(recordsNoun('Day')).toBe('days');
        expect(recordsNoun('OrderLine')).toBe('order lines');
        expect(recordsNoun('Address')).toBe('addresses');
        expect(recordsNoun('web_session')).toBe('web sessions');
    });
});

describe('formatInstant', () => {
    test('is ISO 8601 in UTC, with milliseconds only when there are', () => {
        expect(formatInstant(new Date('2026-11-20T12:00:00Z'))).toBe('2026-11-20T12:00:00Z');
        expect(formatInstant(new Date('2026-11-20T12:00:00.250Z'))).toBe('2026-11-20T12:00:00.250Z');
    });
});
