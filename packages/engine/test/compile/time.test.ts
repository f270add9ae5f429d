import { describe, expect, test } from 'vitest';
import { truths } from '../engine-test-utils.js';

const T = 'TRUE';
const F = 'FALSE';
const U = 'UNKNOWN';
const NOW = '2026-03-15T12:00:00Z';

describe('date predicates', () => {
    test('within last N days on a datetime: both ends included', async () => {
        const records = ['2026-02-13T12:00:00Z', '2026-02-13T11:59:59.999Z', '2026-03-15T12:00:00Z', '2026-03-15T12:00:00.001Z', 'soon'].map((last_visit) => ({ last_visit }));
        expect(await truths('last_visit within last 30 days', records, NOW)).toEqual([T, F, T, F, U]);
    });

    test('epoch milliseconds and numeric strings are datetimes', async () => {
        const ms = Date.parse('2026-03-10T00:00:00Z');
        expect(await truths('last_visit within last 30 days', [{ last_visit: ms }, { last_visit: String(ms) }, { last_visit: 0 }], NOW)).toEqual([T, T, F]);
    });

    test('more than N days ago is strict; before and after are strict', async () => {
        const records = ['2026-03-05T12:00:00Z', '2026-03-05T11:00:00Z'].map((last_visit) => ({ last_visit }));
        expect(await truths('last_visit more than 10 days ago', records, NOW)).toEqual([F, T]);
        expect(await truths('last_visit before 2026-03-05', [{ last_visit: '2026-03-04T23:59:59Z' }, { last_visit: '2026-03-05T00:00:00Z' }], NOW)).toEqual([T, F]);
        expect(await truths('last_visit after 2026-03-05', [{ last_visit: '2026-03-05T23:59:59Z' }, { last_visit: '2026-03-06T00:00:00Z' }], NOW)).toEqual([F, T]);
    });

    test('date fields use today; within next', async () => {
        const records = ['2026-03-15', '2026-03-22', '2026-03-23', '2026-03-14'].map((birthday) => ({ birthday }));
        expect(await truths('birthday within next 7 days', records, NOW)).toEqual([T, T, F, F]);
        expect(await truths('birthday within last 1 days', records, NOW)).toEqual([T, F, F, T]);
    });

    test('a datetime compared with a date compares its calendar date in the zone', async () => {
        // 2026-03-05T03:00Z is still 4 March in New York.
        const records = [{ last_visit: '2026-03-05T03:00:00Z' }, { last_visit: '2026-03-05T06:00:00Z' }];
        expect(await truths('last_visit before 2026-03-05', records, NOW, { timezone: 'America/New_York' })).toEqual([T, F]);
        expect(await truths('last_visit before 2026-03-05', records, NOW)).toEqual([F, F]);
        expect(await truths('last_visit = today', [{ last_visit: '2026-03-15T01:00:00Z' }], NOW, { timezone: 'America/New_York' })).toEqual([F]);
        expect(await truths('last_visit = today', [{ last_visit: '2026-03-15T05:00:00Z' }], NOW, { timezone: 'America/New_York' })).toEqual([T]);
    });

    test('today is the date of now in the zone', async () => {
        // 02:00Z on 15 March is 14 March in Los Angeles.
        expect(await truths('birthday = today', [{ birthday: '2026-03-14' }, { birthday: '2026-03-15' }], '2026-03-15T02:00:00Z', { timezone: 'America/Los_Angeles' })).toEqual([T, F]);
    });

    test('a datetime without an offset is read in the zone', async () => {
        expect(await truths('last_visit before 2026-03-01T09:00:00Z', [{ last_visit: '2026-03-01T08:30:00' }], NOW, { timezone: 'America/New_York' })).toEqual([F]);
        expect(await truths('last_visit before 2026-03-01T14:00:00Z', [{ last_visit: '2026-03-01 08:30:00' }], NOW, { timezone: 'America/New_York' })).toEqual([T]);
    });
});

describe('calendar arithmetic', () => {
    test('DST: 1 day ago across the spring change keeps the wall-clock time (America/New_York, 2026-03-08)', async () => {
        // now = 2026-03-09 12:00 EDT (16:00Z); 1 day ago = 2026-03-08 12:00 EDT = 16:00Z.
        const now = '2026-03-09T16:00:00Z';
        const records = [{ last_visit: '2026-03-08T16:00:00Z' }, { last_visit: '2026-03-08T15:59:59Z' }, { last_visit: '2026-03-08T17:00:00Z' }];
        expect(await truths('last_visit within last 1 days', records, now, { timezone: 'America/New_York' })).toEqual([T, F, T]);
        // Noon on 8 March is after the change, so 24 hours ago is the same instant.
        expect(await truths('last_visit within last 24 hours', records, now, { timezone: 'America/New_York' })).toEqual([T, F, T]);
        // Across the change at night: now 2026-03-08 12:00 EDT (16:00Z); 1 day ago is 2026-03-07 12:00 EST = 17:00Z, 23 hours before.
        const records2 = [{ last_visit: '2026-03-07T17:00:00Z' }, { last_visit: '2026-03-07T16:30:00Z' }];
        expect(await truths('last_visit within last 1 days', records2, '2026-03-08T16:00:00Z', { timezone: 'America/New_York' })).toEqual([T, F]);
        expect(await truths('last_visit within last 24 hours', records2, '2026-03-08T16:00:00Z', { timezone: 'America/New_York' })).toEqual([T, T]);
    });

    test('DST: the autumn change (America/New_York, 2026-11-01)', async () => {
        // now = 2026-11-01 12:00 EST (17:00Z); 1 day ago = 2026-10-31 12:00 EDT = 16:00Z, 25 hours before.
        const records = [{ last_visit: '2026-10-31T16:00:00Z' }, { last_visit: '2026-10-31T15:59:00Z' }];
        expect(await truths('last_visit within last 1 days', records, '2026-11-01T17:00:00Z', { timezone: 'America/New_York' })).toEqual([T, F]);
        expect(await truths('last_visit within last 24 hours', records, '2026-11-01T17:00:00Z', { timezone: 'America/New_York' })).toEqual([F, F]);
    });

    test('month ends: Jan 31 + 1 month is the end of February', async () => {
        expect(await truths('birthday + 1 month = 2026-02-28', [{ birthday: '2026-01-31' }, { birthday: '2026-01-28' }])).toEqual([T, T]);
        expect(await truths('birthday + 1 month = 2024-02-29', [{ birthday: '2024-01-31' }])).toEqual([T]);
        expect(await truths('birthday - 1 year = 2023-02-28', [{ birthday: '2024-02-29' }])).toEqual([T]);
        // now = 31 March: 1 month ago is 28 February.
        expect(await truths('last_visit within last 1 month', [{ last_visit: '2026-02-28T12:00:00Z' }, { last_visit: '2026-02-28T11:00:00Z' }], '2026-03-31T12:00:00Z')).toEqual([T, F]);
    });

    test('a shifted field is compared per record', async () => {
        expect(await truths('last_visit + 2 days > now', [{ last_visit: '2026-03-14T12:00:00Z' }, { last_visit: '2026-03-13T11:00:00Z' }, {}], NOW)).toEqual([T, F, U]);
    });
});
