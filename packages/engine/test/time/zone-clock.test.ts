import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { SegmentEngineError } from '../../src/index.js';
import { parseIsoInstant } from '../../src/time/iso-instants.js';
import { ZoneClock } from '../../src/time/zone-clock.js';

describe('ZoneClock', () => {
    const ny = new ZoneClock('America/New_York');

    test('dateOf agrees with luxon around the DST changes', () => {
        for (let ms = Date.parse('2026-03-07T00:00:00Z'); ms < Date.parse('2026-03-10T00:00:00Z'); ms += 7 * 60_000) {
            expect(ny.dateOf(ms) * 86_400_000).toBe(Date.parse(DateTime.fromMillis(ms, { zone: 'America/New_York' }).toISODate() + 'T00:00:00Z'));
        }
        for (let ms = Date.parse('2026-10-31T00:00:00Z'); ms < Date.parse('2026-11-03T00:00:00Z'); ms += 7 * 60_000) {
            expect(ny.dateOf(ms) * 86_400_000).toBe(Date.parse(DateTime.fromMillis(ms, { zone: 'America/New_York' }).toISODate() + 'T00:00:00Z'));
        }
    });

    test('wall-clock times: a skipped time moves forward, a repeated one is its earlier instant', () => {
        for (const local of ['2026-03-08T01:30:00', '2026-03-08T03:30:00', '2026-11-01T00:00:00', '2026-11-01T02:00:00', '2026-07-01T12:00:00']) {
            expect(parseIsoInstant(local, ny)).toBe(DateTime.fromISO(local, { zone: 'America/New_York' }).toMillis());
        }
        expect(new Date(parseIsoInstant('2026-03-08T02:30:00', ny)).toISOString()).toBe('2026-03-08T07:30:00.000Z');
        expect(new Date(parseIsoInstant('2026-11-01T01:30:00', ny)).toISOString()).toBe('2026-11-01T05:30:00.000Z');
        const berlin = new ZoneClock('Europe/Berlin');
        expect(new Date(parseIsoInstant('2026-10-25T02:30:00', berlin)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
        expect(new Date(parseIsoInstant('2026-03-29T02:30:00', berlin)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
        expect(new Date(berlin.startOfDay(20_000)).toISOString()).toBe('2024-10-03T22:00:00.000Z');
    });

    test('shifts by calendar units in the zone', () => {
        const noon = Date.parse('2026-03-07T17:00:00Z');
        expect(new Date(ny.shiftInstant(noon, 1, 'days')).toISOString()).toBe('2026-03-08T16:00:00.000Z');
        expect(new Date(ny.shiftInstant(noon, 24, 'hours')).toISOString()).toBe('2026-03-08T17:00:00.000Z');
        expect(new Date(ny.shiftInstant(Date.parse('2026-01-31T17:00:00Z'), 1, 'months')).toISOString()).toBe('2026-02-28T17:00:00.000Z');
    });

    test('refuses unknown zones', () => {
        expect(() => new ZoneClock('Nowhere/City')).toThrow(SegmentEngineError);
    });
});

describe('parseIsoInstant', () => {
    const utc = new ZoneClock('UTC');
    test('the accepted forms', () => {
        const ms = Date.parse('2026-01-31T09:00:00Z');
        for (const text of ['2026-01-31T09:00:00Z', '2026-01-31T09:00Z', '2026-01-31t09:00:00.000z', '2026-01-31 09:00:00', '2026-01-31T10:00:00+01:00', '2026-01-31T10:00:00+0100', '2026-01-31T04:00:00-05']) {
            expect(parseIsoInstant(text, utc)).toBe(ms);
        }
        expect(parseIsoInstant('2026-01-31T09:00:00.123456Z', utc)).toBe(ms + 123);
        expect(parseIsoInstant('2026-01-31', utc)).toBe(Date.parse('2026-01-31T00:00:00Z'));
    });
    test('what it refuses', () => {
        for (const text of ['', '2026', '2026-02-30', '2026-01-31T25:00:00Z', '2026-01-31T09:00:00ZZ', '2026-01-31T09:00:00.Z', 'March 7', '2026-01-31T09:00:00+1', '2026-01-31X09:00']) {
            expect(parseIsoInstant(text, utc)).toBeNaN();
        }
    });
});
