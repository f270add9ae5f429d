import { describe, expect, test } from 'vitest';
import { checkWithContact } from '../test-utils.js';
import { expected, summaries } from './diagnostic-expectations.js';

/** Builds a segment around one condition. */
const where = (condition: string): string => `segment s {\n  where ${condition}\n}`;

describe('type-mismatch', () => {
    test('comparing text with a number is reported on the comparison', async () => {
        const text = where('country = 5');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('type-mismatch', text, 'country = 5')]);
        expect(diagnostics[0].message).toMatch(/Cannot compare text with (a )?number/);
    });

    test.each([
        ['text compared with a number', 'country = 5'],
        ['sum of a text property', 'sum(Purchased.product) > 5'],
        ['count of a property', 'count(Purchased.amount) >= 1'],
        ['a date window on a number', 'visits within last 30 days'],
        ['`more than ... ago` on a number', 'visits more than 3 days ago'],
        ['a number as the condition', 'visits'],
        ['a number as the condition of an event', 'performed Purchased where amount'],
        ['a number as an operand of `and`', 'visits > 1 and lifetime_points'],
        ['ordering a `one of` field', 'tier > "Bronze"'],
        ['`includes` on text', 'email includes "x"'],
        ['`contains` on a `one of` field', 'tier contains "Go"'],
        ['`contains` on a number', 'visits contains "1"'],
        ['arithmetic on text', 'email * 2 > 5'],
        ['ordering booleans', 'welcome_email_sent > true'],
        ['comparing a list', 'tags = "vip"'],
        ['a function argument of the wrong type', 'lower(visits) = "1"'],
        ['`before` a number', 'last_visit before 5'],
        ['a duration alone compared with a date', 'last_visit > 30 days'],
        ['a number in a list of texts', 'tags includes 5'],
        ['a number among the values of text `in`', 'country in ("US", 3)'],
        ['`between` with text bounds on a number', 'visits between "a" and "b"'],
    ])('%s: `%s`', async (_name, condition) => {
        const { codes } = await checkWithContact(where(condition));
        expect(codes).toEqual(['type-mismatch']);
    });

    test.each([
        ['text with text', 'country = "5"'],
        ['sum of a number property', 'sum(Purchased.amount) > 5'],
        ['count of an event', 'count(Purchased) >= 1'],
        ['max of the event time', 'max(Purchased.amount) > 10 and last_performed(Purchased) > 2026-01-01'],
        ['a date window on a datetime', 'last_visit within last 30 days'],
        ['a date window on a date', 'birthday within next 7 days'],
        ['a boolean field as the condition', 'welcome_email_sent'],
        ['`in` on a `one of` field', 'tier in ("Gold", "Silver")'],
        ['`includes` on a list', 'tags includes "x"'],
        ['arithmetic on numbers', 'visits * 2 > 5'],
        ['a datetime compared with a date', 'last_visit > birthday'],
        ['date plus a duration', 'birthday + 3 days > today'],
        ['booleans with `=`', 'welcome_email_sent = false'],
        ['a list of numbers', 'scores includes any of (1, 2)'],
        ['text in text `in`', 'country in ("US", "CA")'],
    ])('near miss, %s: `%s`', async (_name, condition) => {
        const { codes } = await checkWithContact(where(condition));
        expect(codes).toEqual([]);
    });
});

describe('unknown-enum-value', () => {
    test('a value differing only in case is reported on the string, suggesting the right case', async () => {
        const text = where('tier = "gold"');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-enum-value', text, '"gold"')]);
        expect(diagnostics[0].message).toMatch(/did you mean .Gold.\?/);
    });

    test('in `!=`, `in` and `not in`, on each value that is not one', async () => {
        const text = where('tier != "Platinum" or tier in ("Gold", "Silverr") or tier not in ("bronze")');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([
            expected('unknown-enum-value', text, '"Platinum"'),
            expected('unknown-enum-value', text, '"Silverr"'),
            expected('unknown-enum-value', text, '"bronze"'),
        ]);
        expect(diagnostics[0].message).toMatch(/"Bronze", "Silver", "Gold"/);
        expect(diagnostics[0].message).not.toMatch(/did you mean/);
        expect(diagnostics[1].message).toMatch(/did you mean .Silver.\?/);
    });

    test('with the string on the left', async () => {
        const text = where('"GOLD" = tier');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-enum-value', text, '"GOLD"')]);
    });

    test('near miss: the exact values, and text fields compared with any string', async () => {
        const { codes } = await checkWithContact(where('tier = "Gold" or tier not in ("Bronze", "Silver") or country = "gold"'));
        expect(codes).toEqual([]);
    });
});

describe('contains-on-list', () => {
    test('`contains` on a list is reported on the predicate, pointing to `includes`', async () => {
        const text = where('tags contains "vip"');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('contains-on-list', text, 'tags contains "vip"')]);
        expect(diagnostics[0].message).toMatch(/`tags includes "vip"`/);
    });

    test('`not contains` too', async () => {
        const text = where('tags not contains "vip"');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('contains-on-list', text, 'tags not contains "vip"')]);
        expect(diagnostics[0].message).toMatch(/`tags not includes "vip"`/);
    });

    test('near miss: `includes` on a list, `contains` on text', async () => {
        const { codes } = await checkWithContact(where('tags includes "vip" and email contains "@acme"'));
        expect(codes).toEqual([]);
    });
});

describe('invalid-literal', () => {
    test('a date that is not in the calendar is reported on the literal', async () => {
        const text = where('birthday = 2026-02-30');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('invalid-literal', text, '2026-02-30')]);
        expect(diagnostics[0].message).toMatch(/2026-02-30 is not a calendar date/);
    });

    test('a fractional number of times is reported on the number', async () => {
        const text = where('performed Purchased at least 1.5 times');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('invalid-literal', text, '1.5')]);
        expect(diagnostics[0].message).toMatch(/whole number/);
    });

    test('an unknown time zone is reported on the zone', async () => {
        const text = 'segment s {\n  timezone "Mars/Base"\n  where visits > 1\n}';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('invalid-literal', text, '"Mars/Base"')]);
        expect(diagnostics[0].message).toMatch(/IANA time zone/);
    });

    test.each([
        ['a fractional duration', 'last_visit within last 1.5 days'],
        ['a datetime that does not exist', 'last_visit > 2026-13-01T00:00:00Z'],
        ['29 February of a common year', 'birthday = 2025-02-29'],
    ])('%s: `%s`', async (_name, condition) => {
        const { codes } = await checkWithContact(where(condition));
        expect(codes).toEqual(['invalid-literal']);
    });

    test('near miss: 29 February of a leap year, whole counts, a known zone', async () => {
        const { codes } = await checkWithContact(
            'segment s {\n  timezone "America/New_York"\n  where birthday = 2024-02-29 and performed Purchased at least 2 times within last 36 hours and total_spent > $1_000.50\n}',
        );
        expect(codes).toEqual([]);
    });
});
