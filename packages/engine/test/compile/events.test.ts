import { describe, expect, test } from 'vitest';
import { compileSegment } from '../../src/index.js';
import { bundleWhere, evaluatorFor, truths } from '../engine-test-utils.js';

const T = 'TRUE';
const F = 'FALSE';
const U = 'UNKNOWN';
const NOW = '2026-03-15T12:00:00Z';

const purchase = (at: string, amount?: unknown, product?: string) => ({ event: 'Purchased', at, ...(amount !== undefined && { amount }), ...(product && { product }) });

describe('performed', () => {
    const records = [
        { events: [purchase('2026-03-10T00:00:00Z', 80), purchase('2026-03-01T00:00:00Z', 20)] },
        { events: [purchase('2025-01-01T00:00:00Z', 500)] },
        { events: [] },
        {},
    ];

    test('performed, counts and windows', async () => {
        expect(await truths('performed Purchased', records, NOW)).toEqual([T, T, F, F]);
        expect(await truths('performed Purchased within last 30 days', records, NOW)).toEqual([T, F, F, F]);
        expect(await truths('not performed Purchased within last 30 days', records, NOW)).toEqual([F, T, T, T]);
        expect(await truths('performed Purchased at least 2 times', records, NOW)).toEqual([T, F, F, F]);
        expect(await truths('performed Purchased at most 1 time', records, NOW)).toEqual([F, T, T, T]);
        expect(await truths('performed Purchased exactly 1 time within last 7 days', records, NOW)).toEqual([T, F, F, F]);
    });

    test('where over properties counts only TRUE occurrences', async () => {
        const withMissing = [{ events: [purchase('2026-03-10T00:00:00Z'), purchase('2026-03-11T00:00:00Z', 60)] }, { events: [purchase('2026-03-10T00:00:00Z')] }];
        expect(await truths('performed Purchased where amount > 50', [...records, ...withMissing], NOW)).toEqual([T, T, F, F, T, F]);
        expect(await truths('performed Purchased where (amount > 50 and product = "shoes")', [{ events: [purchase('2026-03-10T00:00:00Z', 60, 'Shoes')] }], NOW)).toEqual([T]);
        expect(await truths('performed Purchased where month(at) in (3)', records, NOW)).toEqual([T, F, F, F]);
    });

    test('window boundaries: inclusive at both ends, date bounds cover the whole day', async () => {
        const at = (t: string) => ({ events: [purchase(t, 1)] });
        expect(await truths('performed Purchased since 2026-03-01T00:00:00Z', [at('2026-03-01T00:00:00Z'), at('2026-02-28T23:59:59.999Z')], NOW)).toEqual([T, F]);
        const inRange = [at('2026-03-01T00:00:00Z'), at('2026-03-05T23:59:59.999Z'), at('2026-03-06T00:00:00Z'), at('2026-02-28T23:59:59Z')];
        expect(await truths('performed Purchased between 2026-03-01 and 2026-03-05', inRange, NOW)).toEqual([T, T, F, F]);
        expect(await truths('performed Purchased within last 1 hours', [at('2026-03-15T11:00:00Z'), at('2026-03-15T10:59:59Z'), at('2026-03-15T12:00:00Z'), at('2026-03-15T12:00:01Z')], NOW)).toEqual([T, F, T, F]);
        expect(await truths('performed Purchased within next 1 days', [at('2026-03-16T12:00:00Z'), at('2026-03-16T12:00:01Z')], NOW)).toEqual([T, F]);
    });

    test('a window bound that is missing makes the condition UNKNOWN', async () => {
        const r = (last_visit?: string) => ({ ...(last_visit && { last_visit }), events: [purchase('2026-03-10T00:00:00Z', 1)] });
        expect(await truths('performed Purchased since last_visit', [r('2026-03-01T00:00:00Z'), r('2026-03-11T00:00:00Z'), r()], NOW)).toEqual([T, F, U]);
    });

    test("an event's own path (`from`) is its name in the source; property paths", async () => {
        const r = { events: [{ event: 'email.opened', at: '2026-03-10T00:00:00Z', campaign: 'spring' }, { event: 'EmailOpened', at: '2026-03-10T00:00:00Z' }] };
        expect(await truths('performed EmailOpened at least 1 time where campaign = "SPRING"', [r], NOW)).toEqual([T]);
        expect(await truths('performed EmailOpened exactly 1 time', [r], NOW)).toEqual([T]);
        const paid = { events: [{ event: 'Purchased', at: '2026-03-10T00:00:00Z', payment: { at: '2026-03-11T00:00:00Z' } }] };
        expect(await truths('performed Purchased where paid_at after at', [paid], NOW)).toEqual([T]);
    });

    test('events given apart from the record', async () => {
        const evaluator = await evaluatorFor('performed Purchased within last 30 days', NOW);
        expect(evaluator.isMember({ id: '1' }, [purchase('2026-03-10T00:00:00Z')])).toBe(true);
        expect(evaluator.isMember({ id: '1', events: [purchase('2026-03-10T00:00:00Z')] }, [])).toBe(false);
    });

    test('events with epoch-millisecond and offset times', async () => {
        const records = [{ events: [{ event: 'Purchased', at: Date.parse('2026-03-10T00:00:00Z') }] }, { events: [{ event: 'Purchased', at: '2026-03-10T00:00:00+05:00' }] }];
        expect(await truths('performed Purchased within last 30 days', records, NOW)).toEqual([T, T]);
    });
});

describe('aggregates', () => {
    const records = [
        { events: [purchase('2026-03-10T00:00:00Z', 80, 'Shoes'), purchase('2026-03-01T00:00:00Z', '20', 'Hat'), purchase('2026-03-02T00:00:00Z', 'n/a')] },
        { events: [] },
    ];

    test('count and sum of no events are 0; avg, min, max, first and last UNKNOWN', async () => {
        expect(await truths('count(Purchased) = 3', records, NOW)).toEqual([T, F]);
        expect(await truths('count(Purchased) = 0', records, NOW)).toEqual([F, T]);
        expect(await truths('sum(Purchased.amount) = 100', records, NOW)).toEqual([T, F]);
        expect(await truths('sum(Purchased.amount) = 0', records, NOW)).toEqual([F, T]);
        expect(await truths('avg(Purchased.amount) = 50', records, NOW)).toEqual([T, U]);
        expect(await truths('min(Purchased.amount) = 20', records, NOW)).toEqual([T, U]);
        expect(await truths('max(Purchased.amount) = 80', records, NOW)).toEqual([T, U]);
        expect(await truths('first_performed(Purchased) = 2026-03-01T00:00:00Z', records, NOW)).toEqual([T, U]);
        expect(await truths('last_performed(Purchased) = 2026-03-10T00:00:00Z', records, NOW)).toEqual([T, U]);
    });

    test('windows and where inside the parentheses', async () => {
        expect(await truths('count(Purchased within last 10 days) = 1', records, NOW)).toEqual([T, F]);
        expect(await truths('sum(Purchased.amount since 2026-03-05 where product = "shoes") = 80', records, NOW)).toEqual([T, F]);
        expect(await truths('count(Purchased where amount > 10 and product = "Hat") = 1', records, NOW)).toEqual([T, F]);
        expect(await truths('last_performed(Purchased) more than 10 days ago', records, NOW)).toEqual([F, U]);
    });

    test('unreadable event properties are counted per occurrence', async () => {
        const compiled = compileSegment(await bundleWhere('sum(Purchased.amount) > 0'));
        const evaluator = compiled.prepare({ now: NOW });
        records.forEach((r) => evaluator.test(r));
        expect(evaluator.quality.unreadableValues).toEqual({ 'Purchased.amount': 1 });
    });
});
