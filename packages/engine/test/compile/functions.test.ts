import { describe, expect, test } from 'vitest';
import { truths } from '../engine-test-utils.js';

const T = 'TRUE';
const F = 'FALSE';
const U = 'UNKNOWN';
const NOW = '2026-03-15T12:00:00Z';

describe('functions', () => {
    test('text functions; a missing argument is UNKNOWN', async () => {
        expect(await truths('lower(first_name) = "ada"', [{ first_name: 'ADA' }, {}])).toEqual([T, U]);
        expect(await truths('upper(first_name) starts with "AD"', [{ first_name: 'ada' }])).toEqual([T]);
        expect(await truths('trim(first_name) = "ada"', [{ first_name: '  ada ' }])).toEqual([T]);
        expect(await truths('length(first_name) = 3', [{ first_name: 'Ada' }, { first_name: '😀ab' }, {}])).toEqual([T, T, U]);
        expect(await truths('length(tags) = 2', [{ tags: ['a', 'b'] }, { tags: 'a;b;c' }])).toEqual([T, F]);
    });

    test('coalesce gives the first argument that is set', async () => {
        expect(await truths('coalesce(first_name, email) = "x"', [{ first_name: 'x' }, { email: 'X' }, { first_name: 'y', email: 'x' }, {}])).toEqual([T, T, F, U]);
    });

    test('year, month, day, weekday of dates and datetimes (in the zone)', async () => {
        expect(await truths('year(birthday) = 1990 and month(birthday) = 2 and day(birthday) = 28', [{ birthday: '1990-02-28' }])).toEqual([T]);
        // 2026-03-16 is a Monday; 2026-03-15 a Sunday.
        expect(await truths('weekday(birthday) = 1', [{ birthday: '2026-03-16' }, { birthday: '2026-03-15' }])).toEqual([T, F]);
        expect(await truths('weekday(birthday) = 7', [{ birthday: '2026-03-15' }])).toEqual([T]);
        expect(await truths('day(last_visit) = 31', [{ last_visit: '2026-04-01T02:00:00Z' }], NOW, { timezone: 'America/New_York' })).toEqual([T]);
        expect(await truths('month(today) in (3, 4)', [{}], NOW)).toEqual([T]);
    });

    test('age in whole years until today; 29 February', async () => {
        expect(await truths('age(birthday) >= 21', [{ birthday: '2005-03-15' }, { birthday: '2005-03-16' }, {}], NOW)).toEqual([T, F, U]);
        const leap = [{ birthday: '2008-02-29' }];
        expect(await truths('age(birthday) = 18', leap, '2026-02-27T12:00:00Z')).toEqual([F]);
        expect(await truths('age(birthday) = 18', leap, '2026-02-28T12:00:00Z')).toEqual([T]);
        expect(await truths('age(birthday) = 16', leap, '2024-02-29T12:00:00Z')).toEqual([T]);
        expect(await truths('age(birthday) = 15', leap, '2024-02-28T12:00:00Z')).toEqual([T]);
    });

    test('days_since and days_until', async () => {
        expect(await truths('days_since(birthday) = 5', [{ birthday: '2026-03-10' }], NOW)).toEqual([T]);
        expect(await truths('days_until(birthday) = -5', [{ birthday: '2026-03-10' }], NOW)).toEqual([T]);
        expect(await truths('days_since(last_purchase) = 1', [{ last_purchase: '2026-03-14T23:00:00Z' }], NOW)).toEqual([T]);
    });

    test('anniversary: month and day in the current year; 29 February becomes 28 February', async () => {
        expect(await truths('anniversary(subscribed_at) = today', [{ subscribed_at: '2020-03-15T08:00:00Z' }, { subscribed_at: '2020-03-16T08:00:00Z' }], NOW)).toEqual([T, F]);
        expect(await truths('anniversary(birthday) = today', [{ birthday: '2020-02-29' }], '2026-02-28T12:00:00Z')).toEqual([T]);
        expect(await truths('anniversary(birthday) = today', [{ birthday: '2020-02-29' }], '2028-02-29T12:00:00Z')).toEqual([T]);
        expect(await truths('anniversary(birthday) = 2026-02-28', [{ birthday: '2020-02-29' }], NOW)).toEqual([T]);
    });
});

describe('calculated fields', () => {
    test('are evaluated like fields, with UNKNOWN for division by zero', async () => {
        const records = [{ properties: { total_revenue: 100 }, visits: 4 }, { properties: { total_revenue: 100 }, visits: 0 }];
        expect(await truths('average_order_value = 25', records)).toEqual([T, U]);
    });

    test('at most once per record', async () => {
        const { evaluatorFor } = await import('../engine-test-utils.js');
        const evaluator = await evaluatorFor('purchases_90 >= 1 and purchases_90 <= 2 and purchases_90 != 3', NOW);
        let reads = 0;
        const record = {
            get events() {
                reads++;
                return [{ event: 'Purchased', at: '2026-03-01T00:00:00Z' }];
            },
        };
        expect(evaluator.test(record)).toBe(2);
        expect(reads).toBe(1);
        expect(evaluator.test(record)).toBe(2);
        expect(reads).toBe(2);
    });
});
