import { describe, expect, test } from 'vitest';
import { truths } from '../engine-test-utils.js';

const T = 'TRUE';
const F = 'FALSE';
const U = 'UNKNOWN';

describe('comparisons', () => {
    test('numbers: every operator, strings converted, missing and unreadable UNKNOWN', async () => {
        const records = [{ visits: 5 }, { visits: 3 }, { visits: '5' }, {}, { visits: null }, { visits: 'many' }];
        expect(await truths('visits = 5', records)).toEqual([T, F, T, U, U, U]);
        expect(await truths('visits != 5', records)).toEqual([F, T, F, U, U, U]);
        expect(await truths('visits < 5', records)).toEqual([F, T, F, U, U, U]);
        expect(await truths('visits <= 3', records)).toEqual([F, T, F, U, U, U]);
        expect(await truths('visits > 3', records)).toEqual([T, F, T, U, U, U]);
        expect(await truths('visits >= 5', records)).toEqual([T, F, T, U, U, U]);
    });

    test('a field path from `from`', async () => {
        expect(await truths('total_spent > $100', [{ properties: { total_revenue: 150 } }, { properties: 'x' }, { total_spent: 500 }])).toEqual([T, U, U]);
    });

    test('text ignores case; enums do not', async () => {
        expect(await truths('country = "us"', [{ country: 'US' }, { country: 'us' }, { country: 'DE' }, {}])).toEqual([T, T, F, U]);
        expect(await truths('country != "US"', [{ country: 'us' }, { country: 'DE' }, {}])).toEqual([F, T, U]);
        expect(await truths('tier = "Gold"', [{ tier: 'Gold' }, { tier: 'gold' }, {}])).toEqual([T, F, U]);
        expect(await truths('first_name < "b"', [{ first_name: 'Ada' }, { first_name: 'Zoe' }])).toEqual([T, F]);
    });

    test('booleans, also from "true"/"false"', async () => {
        const records = [{ welcome_email_sent: true }, { welcome_email_sent: 'FALSE' }, { welcome_email_sent: 'yes' }, {}];
        expect(await truths('welcome_email_sent', records)).toEqual([T, F, U, U]);
        expect(await truths('not welcome_email_sent', records)).toEqual([F, T, U, U]);
    });

    test('arithmetic: missing operands and division by zero are UNKNOWN', async () => {
        expect(await truths('total_spent / visits > 10', [{ properties: { total_revenue: 100 }, visits: 5 }, { properties: { total_revenue: 100 }, visits: 0 }, { visits: 1 }])).toEqual([T, U, U]);
        expect(await truths('visits * 2 - 1 = 9', [{ visits: 5 }])).toEqual([T]);
        expect(await truths('-visits < 0', [{ visits: 5 }])).toEqual([T]);
    });

    test('comparing with null is UNKNOWN', async () => {
        expect(await truths('(visits > 1) = true', [{ visits: 2 }, { visits: 0 }, {}])).toEqual([T, F, U]);
    });
});

describe('three-valued logic (Kleene tables)', () => {
    // a: visits > 1 (T: 2, F: 0, U: missing); b: country = "US" (T, F, U likewise).
    const a = { T: { visits: 2 }, F: { visits: 0 }, U: {} };
    const b = { T: { country: 'US' }, F: { country: 'DE' }, U: {} };
    const pairs = (['T', 'F', 'U'] as const).flatMap((x) => (['T', 'F', 'U'] as const).map((y) => [x, y] as const));
    const records = pairs.map(([x, y]) => ({ ...a[x], ...b[y] }));

    test('and', async () => {
        const expected = pairs.map(([x, y]) => (x === 'F' || y === 'F' ? F : x === 'U' || y === 'U' ? U : T));
        expect(await truths('visits > 1 and country = "US"', records)).toEqual(expected);
    });
    test('or', async () => {
        const expected = pairs.map(([x, y]) => (x === 'T' || y === 'T' ? T : x === 'U' || y === 'U' ? U : F));
        expect(await truths('visits > 1 or country = "US"', records)).toEqual(expected);
    });
    test('not, and chains of three', async () => {
        expect(await truths('not (visits > 1)', [a.T, a.F, a.U])).toEqual([F, T, U]);
        const three = [
            { visits: 2, country: 'US', tier: 'Gold' },
            { visits: 2, tier: 'Gold' },
            { visits: 0, tier: 'Gold' },
        ];
        expect(await truths('visits > 1 and country = "US" and tier = "Gold"', three)).toEqual([T, U, F]);
        expect(await truths('(visits > 5 or country = "US") or tier = "Bronze"', [...three, { visits: 0, country: 'DE', tier: 'Gold' }])).toEqual([T, U, U, F]);
    });
});

describe('predicates', () => {
    test('between, negated, with missing bounds', async () => {
        const records = [{ visits: 1 }, { visits: 5 }, { visits: 10 }, { visits: 11 }, {}];
        expect(await truths('visits between 1 and 10', records)).toEqual([T, T, T, F, U]);
        expect(await truths('not visits between 1 and 10', records)).toEqual([F, F, F, T, U]);
        expect(await truths('visits between 1 and total_spent', [{ visits: 0 }, { visits: 5 }])).toEqual([F, U]);
    });

    test('in and not in; text ignores case; enums do not', async () => {
        const records = [{ country: 'us' }, { country: 'CA' }, { country: 'DE' }, {}];
        expect(await truths('country in ("US", "CA")', records)).toEqual([T, T, F, U]);
        expect(await truths('country not in ("US", "CA")', records)).toEqual([F, F, T, U]);
        expect(await truths('tier in ("Gold", "Silver")', [{ tier: 'Gold' }, { tier: 'gold' }])).toEqual([T, F]);
        expect(await truths('visits in (1, 2)', [{ visits: '2' }, { visits: 3 }])).toEqual([T, F]);
        expect(await truths('country in ("US", first_name)', [{ country: 'US' }, { country: 'DE' }, { country: 'DE', first_name: 'de' }])).toEqual([T, U, T]);
    });

    test('contains, starts with, ends with ignore case; matches does not', async () => {
        const records = [{ email: 'Ada@Acme.com' }, { email: 'bob@other.org' }, {}];
        expect(await truths('email contains "ACME"', records)).toEqual([T, F, U]);
        expect(await truths('email not contains "acme"', records)).toEqual([F, T, U]);
        expect(await truths('email starts with "ada"', records)).toEqual([T, F, U]);
        expect(await truths('email ends with ".COM"', records)).toEqual([T, F, U]);
        expect(await truths('email matches "^[a-z]+@acme\\\\.com$"', [{ email: 'ada@acme.com' }, { email: 'Ada@acme.com' }, {}])).toEqual([T, F, U]);
        expect(await truths('email not matches "acme"', [{ email: 'ada@acme.com' }, { email: 'x@y.z' }])).toEqual([F, T]);
    });

    test('presence is never UNKNOWN', async () => {
        const records = [{ first_name: 'Ada' }, { first_name: '' }, {}, { first_name: null }, { first_name: { nested: true } }];
        expect(await truths('first_name is set', records)).toEqual([T, T, F, F, F]);
        expect(await truths('first_name is not set', records)).toEqual([F, F, T, T, T]);
        expect(await truths('first_name is null', records)).toEqual([F, F, T, T, T]);
        expect(await truths('first_name is empty', records)).toEqual([F, T, T, T, T]);
        expect(await truths('first_name is not empty', records)).toEqual([T, F, F, F, F]);
        expect(await truths('tags is empty', [{ tags: [] }, { tags: ['a'] }, { tags: '' }, {}])).toEqual([T, F, T, T]);
    });

    test('includes: arrays and ;-separated strings, ignoring case for text', async () => {
        const records = [{ tags: ['VIP', 'beta'] }, { tags: 'vip; Early' }, { tags: [] }, {}, { tags: { a: 1 } }];
        expect(await truths('tags includes "vip"', records)).toEqual([T, T, F, U, U]);
        expect(await truths('tags includes any of ("early", "beta")', records)).toEqual([T, T, F, U, U]);
        expect(await truths('tags includes all of ("vip", "beta")', records)).toEqual([T, F, F, U, U]);
        expect(await truths('not tags includes "vip"', records)).toEqual([F, F, T, U, U]);
        expect(await truths('scores includes 3', [{ scores: [1, 3] }, { scores: '1;2' }, { scores: ['3'] }, { scores: [1, 'x'] }])).toEqual([T, F, T, U]);
    });

    test('exclude: a member needs where TRUE and exclude not TRUE', async () => {
        const { evaluatorFor } = await import('../engine-test-utils.js');
        const evaluator = await evaluatorFor('visits > 1', '2026-03-15T12:00:00Z', { exclude: 'country = "US"' });
        const verdicts = [{ visits: 2, country: 'DE' }, { visits: 2, country: 'US' }, { visits: 2 }, { visits: 0 }, { country: 'DE' }, { country: 'US' }].map((r) => [
            evaluator.test(r),
            evaluator.isMember(r),
        ]);
        expect(verdicts).toEqual([
            [2, true],
            [0, false],
            [2, true],
            [0, false],
            [1, false],
            [0, false],
        ]);
    });
});
