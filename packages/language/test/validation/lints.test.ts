import { describe, expect, test } from 'vitest';
import { checkWithContact } from '../test-utils.js';
import { expected, summaries } from './diagnostic-expectations.js';

/** Builds a segment around one condition. */
const where = (condition: string): string => `segment s {\n  where ${condition}\n}`;

describe('ambiguous-precedence', () => {
    test('an unparenthesised `and` inside an `or` is reported on the `and` group (what the quick fix wraps)', async () => {
        const text = where('visits > 1 and country = "US" or tier = "Gold"');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('ambiguous-precedence', text, 'visits > 1 and country = "US"')]);
        expect(diagnostics[0].message).toMatch(/parenthes/);
    });

    test('with the `and` on the right, and inside a group', async () => {
        const text = where('visits > 1 and (tier = "Gold" or country = "US" and state = "NY")');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('ambiguous-precedence', text, 'country = "US" and state = "NY"')]);
    });

    test.each([
        ['parenthesised', '(visits > 1 and country = "US") or tier = "Gold"'],
        ['parenthesised on the right', 'visits > 1 and (country = "US" or tier = "Gold")'],
        ['only `or`', 'visits > 1 or country = "US" or tier = "Gold"'],
        ['only `and`', 'visits > 1 and country = "US" and tier = "Gold"'],
        ['the `and` of `between`', 'visits between 1 and 5 or country = "US"'],
        ['an event `where` group', 'performed Purchased where (amount > 5 and product = "Shoes") or country = "US"'],
    ])('near miss, %s: `%s`', async (_name, condition) => {
        const { codes } = await checkWithContact(where(condition));
        expect(codes).toEqual([]);
    });
});

describe('ambiguous-date-comparison', () => {
    test('`x > N days ago` is reported on the comparison, naming both rewrites', async () => {
        const text = where('last_purchase > 180 days ago');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('ambiguous-date-comparison', text, 'last_purchase > 180 days ago')]);
        expect(diagnostics[0].message).toMatch(/`last_purchase within last 180 days`/);
        expect(diagnostics[0].message).toMatch(/`last_purchase more than 180 days ago`/);
    });

    test.each([['last_visit < 30 days ago'], ['last_visit >= 2 weeks ago'], ['last_visit <= 1 month ago'], ['30 days ago < last_visit'], ['birthday > 1 year ago']])(
        '`%s`',
        async (condition) => {
            const text = where(condition);
            const { diagnostics } = await checkWithContact(text);
            expect(summaries(diagnostics)).toEqual([expected('ambiguous-date-comparison', text, condition)]);
        },
    );

    test.each([
        ['within last', 'last_visit within last 30 days'],
        ['more than ... ago', 'last_visit more than 30 days ago'],
        ['less than ... ago', 'last_visit less than 30 days ago'],
        ['a literal date', 'last_visit > 2026-01-01'],
        ['`from now`', 'subscribed_at < 30 days from now'],
    ])('near miss, %s: `%s`', async (_name, condition) => {
        const { codes } = await checkWithContact(where(condition));
        expect(codes).toEqual([]);
    });
});

describe('null-comparison', () => {
    test('`x = null` is reported on the comparison and suggests `is not set`', async () => {
        const text = where('country = null');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('null-comparison', text, 'country = null')]);
        expect(diagnostics[0].message).toMatch(/never true/);
        expect(diagnostics[0].message).toMatch(/`country is not set`/);
    });

    test('`x != null` suggests `is set`', async () => {
        const text = where('country != null');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('null-comparison', text, 'country != null')]);
        expect(diagnostics[0].message).toMatch(/`country is set`/);
    });

    test.each([['count(Purchased) = null'], ['null = last_visit'], ['tier != null']])('`%s`', async (condition) => {
        const { codes } = await checkWithContact(where(condition));
        expect(codes).toEqual(['null-comparison']);
    });

    test.each([['country is not set'], ['country is null'], ['country is not null'], ['coalesce(country, "US") = "US"']])('near miss: `%s`', async (condition) => {
        const { codes } = await checkWithContact(where(condition));
        expect(codes).toEqual([]);
    });
});

describe('unsatisfiable', () => {
    test('contradictory bounds are reported on the later condition', async () => {
        const text = where('visits > 10 and visits < 5');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unsatisfiable', text, 'visits < 5')]);
        expect(diagnostics[0].message).toMatch(/visits > 10/);
    });

    test('with other conditions in between', async () => {
        const text = where('visits > 10 and country = "US" and visits < 5');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unsatisfiable', text, 'visits < 5')]);
    });

    test('two different equalities', async () => {
        const text = where('visits = 3 and visits = 4');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unsatisfiable', text, 'visits = 4')]);
    });

    test('`between` with its bounds the wrong way round', async () => {
        const text = where('visits between 10 and 5');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unsatisfiable', text, 'visits between 10 and 5')]);
    });

    test('literal dates', async () => {
        const text = where('birthday after 2026-01-01 and birthday before 2025-01-01');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unsatisfiable', text, 'birthday before 2025-01-01')]);
    });

    test.each([['visits >= 5 and visits < 5'], ['visits > 5 and visits <= 5'], ['visits > 10 and visits between 1 and 5'], ['visits = 3 and visits > 3']])(
        '`%s`',
        async (condition) => {
            const { codes } = await checkWithContact(where(condition));
            expect(codes).toEqual(['unsatisfiable']);
        },
    );

    test.each([
        ['an open interval', 'visits > 5 and visits < 10'],
        ['one point', 'visits >= 5 and visits <= 5'],
        ['`or`', 'visits > 10 or visits < 5'],
        ['two fields', 'visits > 10 and lifetime_points < 5'],
        ['`between` in order', 'visits between 5 and 10'],
        ['dates in order', 'birthday after 2025-01-01 and birthday before 2026-01-01'],
        ['the same equality twice', 'visits = 3 and visits >= 3'],
    ])('near miss, %s: `%s`', async (_name, condition) => {
        const { codes } = await checkWithContact(where(condition));
        expect(codes).toEqual([]);
    });
});
