import { describe, expect, test } from 'vitest';
import { allConditions, field, lower, lowerWhere, NOW, number, shape, shift, text, TODAY } from './ir-test-utils.js';

describe('lowering conditions', () => {
    test('a text comparison ignores case, an enum comparison does not', async () => {
        expect(shape(await lowerWhere('country = "US"'))).toEqual({ kind: 'compare', operator: '=', domain: 'text', left: field('country', 'text'), right: text('US') });
        expect(shape(await lowerWhere('tier != "Gold"'))).toEqual({ kind: 'compare', operator: '!=', domain: 'enum', left: field('tier', 'enum'), right: text('Gold') });
        expect(shape(await lowerWhere('lower(tier) = "gold"'))).toMatchObject({ domain: 'text', left: { kind: 'call', type: 'text', function: 'lower', args: [field('tier', 'enum')] } });
    });

    test('numbers, money literals and arithmetic', async () => {
        expect(shape(await lowerWhere('total_spent / visits > $1_000.50'))).toEqual({
            kind: 'compare',
            operator: '>',
            domain: 'number',
            left: { kind: 'arithmetic', type: 'number', operator: '/', left: field('total_spent', 'number'), right: field('visits', 'number') },
            right: number(1000.5),
        });
        expect(shape(await lowerWhere('-visits < 0'))).toMatchObject({ left: { kind: 'negate', type: 'number', operand: field('visits', 'number') } });
    });

    test('a datetime compared with a date compares its calendar date', async () => {
        expect(shape(await lowerWhere('last_visit >= 2026-01-31'))).toEqual({
            kind: 'compare',
            operator: '>=',
            domain: 'date',
            left: { kind: 'dateOf', type: 'date', operand: field('last_visit', 'datetime') },
            right: { kind: 'literal', type: 'date', value: '2026-01-31' },
        });
        expect(shape(await lowerWhere('birthday < last_visit'))).toMatchObject({ domain: 'date', left: field('birthday', 'date'), right: { kind: 'dateOf', operand: field('last_visit', 'datetime') } });
        expect(shape(await lowerWhere('last_visit > first_visit'))).toMatchObject({ domain: 'datetime', left: field('last_visit', 'datetime'), right: field('first_visit', 'datetime') });
    });

    test('datetime literals become UTC instants; one without offset is read in the segment time zone', async () => {
        const bundle = await lower('segment s of Contact {\n  timezone "America/New_York"\n  where last_visit > 2026-01-31T09:00 or last_visit > 2026-01-31T09:00:00+02:00\n}');
        expect(bundle.segment.where).toMatchObject({
            kind: 'or',
            operands: [{ right: { kind: 'literal', type: 'datetime', value: '2026-01-31T14:00:00Z' } }, { right: { kind: 'literal', type: 'datetime', value: '2026-01-31T07:00:00Z' } }],
        });
    });

    test('`less than N units ago` is `within last N units`; `more than N units ago` is a strict comparison', async () => {
        const within = shape(await lowerWhere('last_visit within last 30 days'));
        expect(within).toEqual({ kind: 'between', domain: 'datetime', negated: false, subject: field('last_visit', 'datetime'), low: shift(NOW, -30, 'days'), high: NOW });
        expect(shape(await lowerWhere('last_visit less than 30 day ago'))).toEqual(within);
        expect(shape(await lowerWhere('last_visit between 30 days ago and now'))).toEqual(within);
        expect(shape(await lowerWhere('last_visit MORE THAN 2 Weeks AGO'))).toEqual({
            kind: 'compare',
            operator: '<',
            domain: 'datetime',
            left: field('last_visit', 'datetime'),
            right: shift(NOW, -2, 'weeks'),
        });
    });

    test('date predicates on a date count from today', async () => {
        expect(shape(await lowerWhere('birthday within next 1 month'))).toEqual({ kind: 'between', domain: 'date', negated: false, subject: field('birthday', 'date'), low: TODAY, high: shift(TODAY, 1, 'months') });
        expect(shape(await lowerWhere('birthday more than 1 year ago'))).toMatchObject({ operator: '<', domain: 'date', right: shift(TODAY, -1, 'years') });
    });

    test('before and after are strict comparisons with any date expression', async () => {
        expect(shape(await lowerWhere('subscribed_at before today - 3 days'))).toEqual({
            kind: 'compare',
            operator: '<',
            domain: 'date',
            left: { kind: 'dateOf', type: 'date', operand: field('subscribed_at', 'datetime') },
            right: shift(TODAY, -3, 'days'),
        });
        expect(shape(await lowerWhere('subscribed_at after now - 2 hours'))).toMatchObject({ operator: '>', domain: 'datetime', right: shift(NOW, -2, 'hours') });
    });

    test('relative times: `N units ago`, `from now`, `now - N units` and `duration + date` are shifts', async () => {
        expect(shape(await lowerWhere('last_visit > 3 days ago'))).toMatchObject({ right: shift(NOW, -3, 'days') });
        expect(shape(await lowerWhere('last_visit < 2 hours from now'))).toMatchObject({ right: shift(NOW, 2, 'hours') });
        expect(shape(await lowerWhere('last_visit > now - 3 days'))).toMatchObject({ right: shift(NOW, -3, 'days') });
        expect(shape(await lowerWhere('birthday < 1 week + today'))).toMatchObject({ right: shift(TODAY, 1, 'weeks') });
        expect(shape(await lowerWhere('birthday < birthday + 5 hours'))).toMatchObject({ domain: 'date', right: { kind: 'dateOf', operand: shift(field('birthday', 'date'), 5, 'hours') } });
    });

    test('between, in, text predicates, presence and includes', async () => {
        expect(shape(await lowerWhere('visits not between 1 and 5'))).toEqual({ kind: 'between', domain: 'number', negated: true, subject: field('visits', 'number'), low: number(1), high: number(5) });
        expect(shape(await lowerWhere('state in ("CA", "NY")'))).toEqual({ kind: 'in', domain: 'text', negated: false, subject: field('state', 'text'), values: [text('CA'), text('NY')] });
        expect(shape(await lowerWhere('tier not in ("Gold")'))).toMatchObject({ kind: 'in', domain: 'enum', negated: true });
        expect(shape(await lowerWhere('email Ends With "@acme.com"'))).toEqual({ kind: 'text', operator: 'endsWith', caseSensitive: false, negated: false, subject: field('email', 'text'), pattern: text('@acme.com') });
        expect(shape(await lowerWhere('job_title not starts with "dev"'))).toMatchObject({ operator: 'startsWith', negated: true, caseSensitive: false });
        expect(shape(await lowerWhere('job_title contains "dev"'))).toMatchObject({ operator: 'contains', caseSensitive: false });
        expect(shape(await lowerWhere('email matches "^[a-z]+$"'))).toMatchObject({ operator: 'matches', caseSensitive: true });
        expect(shape(await lowerWhere('email is null'))).toEqual({ kind: 'presence', check: 'set', negated: true, subject: field('email', 'text') });
        expect(shape(await lowerWhere('email IS NOT NULL'))).toMatchObject({ check: 'set', negated: false });
        expect(shape(await lowerWhere('tags is not empty'))).toEqual({ kind: 'presence', check: 'empty', negated: true, subject: field('tags', 'list-of-text') });
        expect(shape(await lowerWhere('tags includes "vip"'))).toEqual({ kind: 'includes', quantifier: 'any', domain: 'text', negated: false, subject: field('tags', 'list-of-text'), values: [text('vip')] });
        expect(shape(await lowerWhere('scores not includes all of (1, 2)'))).toEqual({
            kind: 'includes',
            quantifier: 'all',
            domain: 'number',
            negated: true,
            subject: field('scores', 'list-of-number'),
            values: [number(1), number(2)],
        });
    });

    test('a boolean field used as a condition is `= true`', async () => {
        const flag = { kind: 'compare', operator: '=', domain: 'boolean', left: field('welcome_email_sent', 'boolean'), right: { kind: 'literal', type: 'boolean', value: true } };
        expect(shape(await lowerWhere('welcome_email_sent'))).toEqual(flag);
        expect(shape(await lowerWhere('not welcome_email_sent'))).toEqual({ kind: 'not', operand: flag });
        expect(shape(await lowerWhere('welcome_email_sent = false'))).toMatchObject({ domain: 'boolean', right: { kind: 'literal', type: 'boolean', value: false } });
    });

    test('and/or chains are flattened, parenthesised groups kept, keywords normalised', async () => {
        const where = await lowerWhere('visits > 1 AND visits > 2 and (visits > 3 OR visits > 4 or visits > 5)');
        expect(where).toMatchObject({ kind: 'and', operands: [{ kind: 'compare' }, { kind: 'compare' }, { kind: 'or', operands: [{}, {}, {}] }] });
        expect(await lowerWhere('(visits > 1 and visits > 2) and visits > 3')).toMatchObject({ kind: 'and', operands: [{ kind: 'and' }, { kind: 'compare' }] });
    });

    test('`null` operands do not decide the domain', async () => {
        expect(shape(await lowerWhere('country = null'))).toEqual({ kind: 'compare', operator: '=', domain: 'text', left: field('country', 'text'), right: { kind: 'literal', type: 'null', value: null } });
    });

    test('functions carry their result type and lower-case name', async () => {
        expect(shape(await lowerWhere('AGE(birthday) >= 21'))).toMatchObject({ left: { kind: 'call', type: 'number', function: 'age', args: [field('birthday', 'date')] } });
        expect(shape(await lowerWhere('anniversary(subscribed_at) = today'))).toEqual({
            kind: 'compare',
            operator: '=',
            domain: 'date',
            left: { kind: 'call', type: 'date', function: 'anniversary', args: [field('subscribed_at', 'datetime')] },
            right: TODAY,
        });
        expect(shape(await lowerWhere('coalesce(country, "US") = "US"'))).toMatchObject({ left: { kind: 'call', type: 'text', args: [field('country', 'text'), text('US')] } });
        expect(shape(await lowerWhere('month(today) in (11, 12)'))).toMatchObject({ kind: 'in', domain: 'number', subject: { kind: 'call', function: 'month', args: [TODAY] } });
    });

    test('calculated fields are referenced by name', async () => {
        expect(shape(await lowerWhere('average_order_value > 50'))).toMatchObject({ left: { kind: 'calculated', type: 'number', name: 'average_order_value' } });
    });
});

describe('lowering events', () => {
    test('`performed` with its count, window and filter', async () => {
        expect(shape(await lowerWhere('performed Purchased'))).toEqual({ kind: 'performed', event: 'Purchased', count: { operator: '>=', value: 1 } });
        expect(shape(await lowerWhere('performed Purchased at least 3 times within last 90 days where amount > 50'))).toEqual({
            kind: 'performed',
            event: 'Purchased',
            count: { operator: '>=', value: 3 },
            window: { start: shift(NOW, -90, 'days'), end: NOW },
            where: { kind: 'compare', operator: '>', domain: 'number', left: { kind: 'eventProperty', type: 'number', name: 'amount' }, right: number(50) },
        });
        expect(shape(await lowerWhere('performed Purchased AT MOST 1 TIME'))).toMatchObject({ count: { operator: '<=', value: 1 } });
        expect(shape(await lowerWhere('performed Purchased exactly 2 times within next 1 week'))).toMatchObject({ count: { operator: '=', value: 2 }, window: { start: NOW, end: shift(NOW, 1, 'weeks') } });
        expect(shape(await lowerWhere('not performed Purchased within last 60 days'))).toMatchObject({ kind: 'not', operand: { kind: 'performed' } });
    });

    test('event filters see the event time, properties and record fields', async () => {
        expect(shape(await lowerWhere('performed Purchased where (at after 2026-01-01 and product = country)'))).toMatchObject({
            where: {
                kind: 'and',
                operands: [
                    { domain: 'date', left: { kind: 'dateOf', operand: { kind: 'eventTime', type: 'datetime' } } },
                    { domain: 'text', left: { kind: 'eventProperty', type: 'text', name: 'product' }, right: field('country', 'text') },
                ],
            },
        });
    });

    test('aggregates with property, window and filter', async () => {
        expect(shape(await lowerWhere('sum(Purchased.amount since 2026-01-01 where product = "Shoes") > 100'))).toMatchObject({
            domain: 'number',
            left: {
                kind: 'aggregate',
                type: 'number',
                function: 'sum',
                event: 'Purchased',
                property: 'amount',
                window: { start: { kind: 'literal', type: 'date', value: '2026-01-01' } },
                where: { kind: 'compare', domain: 'text', left: { kind: 'eventProperty', name: 'product' }, right: text('Shoes') },
            },
        });
        expect(shape(await lowerWhere('last_performed(EmailOpened between 2026-01-01 and now) > 3 days ago'))).toMatchObject({
            domain: 'datetime',
            left: { kind: 'aggregate', type: 'datetime', function: 'last_performed', event: 'EmailOpened', window: { start: { type: 'date' }, end: NOW } },
        });
        const count = shape(await lowerWhere('count(EmailOpened) >= 5')) as { left: object };
        expect(count.left).toEqual({ kind: 'aggregate', type: 'number', function: 'count', event: 'EmailOpened' });
    });

    test('a condition used as a value is wrapped', async () => {
        expect(shape(await lowerWhere('(visits > 3) = true'))).toMatchObject({
            domain: 'boolean',
            left: { kind: 'condition', type: 'boolean', condition: { kind: 'compare', operator: '>' } },
        });
    });
});

describe('condition ids and source spans', () => {
    const text = [
        'segment s of Contact {',
        '  where country = "US"',
        '    and (performed Purchased where amount > 5 or count(EmailOpened where campaign = "x") > 2)',
        '  exclude not tier = "Gold"',
        '}',
    ].join('\n');

    test('ids are unique paths, the same for the same source', async () => {
        const first = await lower(text);
        const conditions = [...allConditions(first.segment.where), ...allConditions(first.segment.exclude)];
        expect(conditions.map((c) => c.id)).toEqual([
            'where',
            'where.0',
            'where.1',
            'where.1.0',
            'where.1.0.where',
            'where.1.1',
            'where.1.1.left.where',
            'exclude',
            'exclude.0',
        ]);
        expect(new Set(conditions.map((c) => c.id)).size).toBe(conditions.length);
        expect(await lower(text)).toEqual(first);
    });

    test('spans are 1-based, end just after the last character, and hold the text', async () => {
        const { segment } = await lower(text);
        const byId = new Map([...allConditions(segment.where), ...allConditions(segment.exclude)].map((c) => [c.id, c.source]));
        expect(byId.get('where.0')).toEqual({ line: 2, column: 9, endLine: 2, endColumn: 23, text: 'country = "US"' });
        expect(byId.get('where.1')).toEqual({
            line: 3,
            column: 9,
            endLine: 3,
            endColumn: 94,
            text: '(performed Purchased where amount > 5 or count(EmailOpened where campaign = "x") > 2)',
        });
        expect(byId.get('where.1.0.where')).toMatchObject({ line: 3, column: 36, text: 'amount > 5' });
        expect(byId.get('where')).toMatchObject({ line: 2, column: 9, endLine: 3, endColumn: 94 });
        expect(byId.get('exclude')).toEqual({ line: 4, column: 11, endLine: 4, endColumn: 28, text: 'not tier = "Gold"' });
    });
});
