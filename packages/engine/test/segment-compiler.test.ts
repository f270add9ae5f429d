import { describe, expect, test } from 'vitest';
import { compileSegment, createFunnel, InMemoryListSource, SegmentEngineError, Truth } from '../src/index.js';
import { bundleOf, bundleWhere, evaluatorFor } from './engine-test-utils.js';

const NOW = '2026-03-15T12:00:00Z';

describe('compileSegment', () => {
    test('refuses an unknown IR version and invalid bundles with a clear error', async () => {
        const bundle = await bundleWhere('visits > 1');
        expect(() => compileSegment({ ...bundle, irVersion: 2 })).toThrow(/IR version 1, not 2/);
        expect(() => compileSegment(null)).toThrow(SegmentEngineError);
        expect(() => compileSegment({ ...bundle, segment: { ...bundle.segment, where: { kind: 'xor' } } })).toThrow(/Not a valid segment IR bundle/);
    });

    test('refuses an unknown zone and an invalid now', async () => {
        const compiled = compileSegment(await bundleWhere('visits > 1'));
        expect(() => compiled.prepare({ now: NOW, timezone: 'Mars/Olympus' })).toThrow(/Unknown time zone/);
        expect(() => compiled.prepare({ now: 'yesterday' })).toThrow(/Invalid `now`/);
    });

    test('now as a Date, an ISO string or epoch milliseconds; the timezone option overrides', async () => {
        const compiled = compileSegment(await bundleWhere('birthday = today', { timezone: 'Asia/Tokyo' }));
        const ms = Date.parse('2026-03-15T20:00:00Z');
        for (const now of [new Date(ms), '2026-03-15T20:00:00Z', ms]) {
            const evaluator = compiled.prepare({ now });
            expect(evaluator.today).toBe('2026-03-16');
            expect(evaluator.isMember({ birthday: '2026-03-16' })).toBe(true);
        }
        const utc = compiled.prepare({ now: ms, timezone: 'UTC' });
        expect([utc.timezone, utc.today, utc.isMember({ birthday: '2026-03-15' })]).toEqual(['UTC', '2026-03-15', true]);
    });

    test('keyOf reads the key field as text', async () => {
        const evaluator = await evaluatorFor('visits > 1', NOW);
        expect([evaluator.keyOf({ id: 'a' }), evaluator.keyOf({ id: 7 }), evaluator.keyOf({ id: '' }), evaluator.keyOf({}), evaluator.keyOf('x')]).toEqual(['a', '7', undefined, undefined, undefined]);
    });
});

describe('segment references', () => {
    const files = {
        '/p/buyers.segment': 'segment buyers of Contact {\n  timezone "America/New_York"\n  where performed Purchased within last 7 days\n}\n',
        '/p/big.segment': 'segment big of Contact {\n  where visits > 10\n  exclude in segment buyers\n}\n',
        '/p/test.segment': 'segment s of Contact {\n  where in segment big or (in segment buyers and not in segment buyers)\n}\n',
    };

    test('in segment follows the referenced segment, with its exclude', async () => {
        const evaluator = compileSegment(await bundleOf(files, 's')).prepare({ now: NOW });
        const recent = [{ event: 'Purchased', at: '2026-03-14T00:00:00Z' }];
        expect([evaluator.test({ visits: 20 }), evaluator.test({ visits: 20, events: recent }), evaluator.test({ visits: 2 }), evaluator.test({})]).toEqual([Truth.TRUE, Truth.FALSE, Truth.FALSE, Truth.FALSE]);
    });

    test('each referenced segment is evaluated at most once per record', async () => {
        const evaluator = compileSegment(await bundleOf(files, 's')).prepare({ now: NOW });
        let reads = 0;
        const record = {
            visits: 20,
            get events() {
                reads++;
                return [];
            },
        };
        evaluator.test(record);
        expect(reads).toBe(1);
    });
});

describe('static lists', () => {
    const files = {
        '/p/vip.segment': 'list vip "VIPs" of Contact from "lists/vip.csv" by email\n',
        // The file the list names must exist; its values come from the list source the tests pass.
        '/p/lists/vip.csv': 'email\n',
        '/p/test.segment': 'segment s of Contact {\n  where in list vip\n}\n',
    };

    test('match the by field as text ignoring case; a missing field is UNKNOWN', async () => {
        const bundle = await bundleOf(files, 's');
        const evaluator = compileSegment(bundle, { lists: new InMemoryListSource({ vip: ['Ada@Example.com', ' grace@example.com '] }) }).prepare({ now: NOW });
        expect([{ email: 'ada@example.com' }, { email: 'GRACE@example.com' }, { email: 'bob@example.com' }, {}].map((r) => evaluator.test(r))).toEqual([Truth.TRUE, Truth.TRUE, Truth.FALSE, Truth.UNKNOWN]);
    });

    test('need a list source', async () => {
        const bundle = await bundleOf(files, 's');
        expect(() => compileSegment(bundle)).toThrow(/pass a list source/);
        expect(() => compileSegment(bundle, { lists: new InMemoryListSource({}) })).toThrow(/No values given for the static list "vip"/);
    });
});

describe('data quality', () => {
    test('counts unreadable values once per record and field, records without a key, events without a time', async () => {
        const evaluator = await evaluatorFor('visits > 1 and visits < 100 or last_visit within last 30 days or performed Purchased', NOW);
        evaluator.test({ id: 'a', visits: 'lots', last_visit: 'yesterday', events: [{ event: 'Purchased' }, { event: 'Purchased', at: 'noon' }, 7, { event: 'Other' }] });
        evaluator.test({ visits: 'x', events: 'none' });
        evaluator.test({ id: 'c', visits: 5 });
        expect(evaluator.quality).toEqual({
            records: 3,
            recordsWithoutKey: 1,
            unreadableValues: { visits: 2, last_visit: 1 },
            eventsWithoutTime: 2,
            invalidEvents: 2,
        });
    });

    test('garbage records never throw', async () => {
        const files = {
            '/p/test.segment': `segment s of Contact {
  where (country in ("US") or email matches "a" or tags includes "x" or scores includes 1 or first_name contains "a")
    and (birthday within last 3 years or age(birthday) > 1 or anniversary(birthday) = today or last_visit + 1 day > now)
    and (average_order_value > 1 or purchases_90 > 0 or sum(Purchased.amount where product = "x") > 1 or welcome_email_sent or tier = "Gold")
    and (length(first_name) > 1 or coalesce(last_visit, subscribed_at) is set or total_spent between 1 and 2)
}
`,
        };
        const evaluator = compileSegment(await bundleOf(files, 's')).prepare({ now: NOW, timezone: 'America/New_York' });
        const junk: unknown[] = [
            { a: 1 },
            [{}],
            '2026-01-01',
            42,
            { nested: { deeper: [] } },
            { Symbol: 'x' },
            null,
            undefined,
            Number.NaN,
        ];
        const cycle: Record<string, unknown> = {};
        cycle.self = cycle;
        junk.push(cycle);
        const fields = ['id', 'email', 'country', 'tags', 'scores', 'first_name', 'birthday', 'last_visit', 'subscribed_at', 'visits', 'tier', 'welcome_email_sent', 'properties', 'events'];
        const records: unknown[] = [null, undefined, 42, 'text', [], [1, 2], Object.create(null)];
        for (const value of junk) records.push(Object.fromEntries(fields.map((f) => [f, value])));
        records.push({ events: [null, 1, 'x', [], { event: 'Purchased', at: {}, amount: {} }, { event: 'Purchased', at: 'NaN', amount: 'NaN' }, { event: {}, at: 1 }, { event: 'Purchased', at: 1e20 }] });
        records.push({ constructor: 'x', __proto__: { visits: 5 }, toString: 1, birthday: '2026-02-30', last_visit: '2026-13-01T00:00:00Z', visits: 'Infinity' });
        for (const record of records) {
            expect(() => evaluator.test(record)).not.toThrow();
            expect(() => evaluator.trace(record)).not.toThrow();
        }
        const funnel = createFunnel(evaluator);
        for (const record of records) funnel.add(record);
        expect(funnel.report().total).toBe(records.length);
        expect(evaluator.quality.records).toBe(records.length * 2 + records.length);
    });
});
