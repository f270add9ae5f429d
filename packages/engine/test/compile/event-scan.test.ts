import { describe, expect, test } from 'vitest';
import { compileSegment, createFunnel } from '../../src/index.js';
import { decisiveCount } from '../../src/compile/event-scan.js';
import { bundleWhere, evaluatorFor, truths } from '../engine-test-utils.js';

const T = 'TRUE';
const F = 'FALSE';
const U = 'UNKNOWN';
const NOW = '2026-03-15T12:00:00Z';

const purchase = (at: unknown, amount?: unknown) => ({ event: 'Purchased', at, ...(amount !== undefined && { amount }) });

describe('event times: the fast ISO path and its fallbacks', () => {
    test('offsets, missing seconds, fractions, epoch milliseconds and Date objects are read', async () => {
        // The window is the last 5 days: 2026-03-10T12:00:00Z to NOW, both included.
        const inside = [
            '2026-03-10T12:00:00Z',
            '2026-03-10T14:00:00+02:00',
            '2026-03-10T12:00Z',
            '2026-03-10T12:00:00.000Z',
            '2026-03-10 12:00:00Z',
            '2026-03-10T12:00:00z',
            '2026-03-10T07:00:00-0500',
            Date.parse('2026-03-12T00:00:00Z'),
            String(Date.parse('2026-03-12T00:00:00Z')),
            '  2026-03-12T00:00:00Z  ',
        ];
        const outside = ['2026-03-10T11:59:59.999Z', '2026-03-10T13:59:59+02:00', '2026-03-10T11:59Z', '2026-03-15T12:00:00.001Z', Date.parse('2026-03-10T11:59:59Z')];
        const condition = 'performed Purchased within last 5 days';
        expect(await truths(condition, inside.map((at) => ({ events: [purchase(at)] })), NOW)).toEqual(inside.map(() => T));
        expect(await truths(condition, outside.map((at) => ({ events: [purchase(at)] })), NOW)).toEqual(outside.map(() => F));
        const evaluator = await evaluatorFor(condition, NOW);
        expect(evaluator.isMember({ id: 'a' }, [purchase(new Date('2026-03-12T00:00:00Z'))])).toBe(true);
    });

    test('an offset-less time is a wall-clock time in the zone', async () => {
        const records = [{ events: [purchase('2026-03-10T08:00:00')] }, { events: [purchase('2026-03-10T07:59:59')] }];
        // 2026-03-10T12:00:00Z is 08:00 in New York (EDT since 8 March).
        expect(await truths('performed Purchased since 2026-03-10T12:00:00Z', records, NOW, { timezone: 'America/New_York' })).toEqual([T, F]);
    });

    test('malformed, impossible and missing times are ignored and counted', async () => {
        const bad = ['2026-02-30T12:00:00Z', '2026-03-10T24:00:00Z', '2026-03-10T12:60:00Z', '2026-03-10T12:00:60Z', '2026-13-10T12:00:00Z', '2026-03-10T12:00:00.Z', '2026-03-10X12:00:00Z', 'yesterday', '', null, {}, Number.NaN];
        const evaluator = await evaluatorFor('performed Purchased', NOW);
        expect(bad.map((at) => evaluator.isMember({ id: 'a', events: [purchase(at)] }))).toEqual(bad.map(() => false));
        expect(evaluator.isMember({ id: 'a', events: [{ event: 'Purchased' }] })).toBe(false);
        expect(evaluator.quality.eventsWithoutTime).toBe(bad.length + 1);
    });
});

describe('early exit', () => {
    test('decisive counts: at least N at the N-th match, at most and exactly N at the N+1-th', () => {
        expect(decisiveCount('>=', 2)).toBe(2);
        expect(decisiveCount('>=', 1)).toBe(1);
        expect(decisiveCount('>=', 0)).toBe(1);
        expect(decisiveCount('<=', 1)).toBe(2);
        expect(decisiveCount('=', 0)).toBe(1);
    });

    test('counts around the limit give the same truths as full counts', async () => {
        const times = ['2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z', '2026-03-12T00:00:00Z', '2026-03-13T00:00:00Z'];
        const records = [0, 1, 2, 3, 4].map((n) => ({ events: times.slice(0, n).map((at) => purchase(at, 60)) }));
        expect(await truths('performed Purchased at least 2 times', records, NOW)).toEqual([F, F, T, T, T]);
        expect(await truths('performed Purchased at most 2 times', records, NOW)).toEqual([T, T, T, F, F]);
        expect(await truths('performed Purchased exactly 2 times', records, NOW)).toEqual([F, F, T, F, F]);
        expect(await truths('performed Purchased at most 0 times', records, NOW)).toEqual([T, F, F, F, F]);
        expect(await truths('not performed Purchased', records, NOW)).toEqual([T, F, F, F, F]);
    });

    test('the scan stops at the decisive match: what follows is not read (nor counted)', async () => {
        const events = [purchase('2026-03-10T00:00:00Z', 60), purchase('2026-03-11T00:00:00Z', 70), purchase('2026-03-12T00:00:00Z', 'lots'), purchase('soon', 80)];
        const evaluator = await evaluatorFor('performed Purchased at least 2 times where amount > 50', NOW);
        expect(evaluator.isMember({ id: 'a', events })).toBe(true);
        expect(evaluator.quality).toMatchObject({ unreadableValues: {}, eventsWithoutTime: 0 });
        // Undecided at the last occurrence: everything is read.
        expect(evaluator.isMember({ id: 'b', events: events.slice(1) })).toBe(false);
        expect(evaluator.quality).toMatchObject({ unreadableValues: { 'Purchased.amount': 1 }, eventsWithoutTime: 1 });
    });

    test('a trace shows the full count, a funnel reads every occurrence', async () => {
        const record = { id: 'a', events: [purchase('2026-03-10T00:00:00Z'), purchase('2026-03-11T00:00:00Z'), purchase('2026-03-12T00:00:00Z'), purchase('noon')] };
        const bundle = await bundleWhere('performed Purchased at least 2 times');
        const evaluator = compileSegment(bundle).prepare({ now: NOW });
        const trace = evaluator.trace(record);
        expect([trace.truth, trace.where.values.count]).toEqual(['TRUE', 3]);
        expect(evaluator.quality.eventsWithoutTime).toBe(1);
        const funnel = createFunnel(compileSegment(bundle).prepare({ now: NOW }));
        expect(funnel.add(record)).toBe(2);
        expect(evaluator.isMember(record)).toBe(true);
        expect(evaluator.quality.eventsWithoutTime).toBe(1);
    });
});

describe('data quality of events: once per record, for what the evaluation read', () => {
    test('two scans of one stream count an occurrence without a time once', async () => {
        const evaluator = await evaluatorFor('performed Purchased within last 30 days and count(Purchased) < 5', NOW);
        expect(evaluator.isMember({ id: 'a', events: [purchase('2026-03-10T00:00:00Z'), purchase('later'), 7, purchase('2026-03-11T00:00:00Z')] })).toBe(true);
        expect(evaluator.quality).toMatchObject({ eventsWithoutTime: 1, invalidEvents: 1 });
    });

    test('entries that are not objects are counted once across streams; an events value that is not an array once', async () => {
        const evaluator = await evaluatorFor('not performed Purchased and not performed EmailOpened', NOW);
        expect(evaluator.isMember({ id: 'a', events: [null, 'x', [], { event: 'email.opened', at: 'never' }] })).toBe(true);
        expect(evaluator.quality).toMatchObject({ eventsWithoutTime: 1, invalidEvents: 3 });
        expect(evaluator.isMember({ id: 'b', events: { event: 'Purchased' } })).toBe(true);
        expect(evaluator.quality).toMatchObject({ eventsWithoutTime: 1, invalidEvents: 4 });
    });

    test('a stream the evaluation did not need is not read', async () => {
        const evaluator = await evaluatorFor('performed Purchased or performed EmailOpened', NOW);
        expect(evaluator.isMember({ id: 'a', events: [purchase('2026-03-10T00:00:00Z'), { event: 'email.opened', at: 'never' }] })).toBe(true);
        expect(evaluator.quality.eventsWithoutTime).toBe(0);
        expect(evaluator.isMember({ id: 'b', events: [{ event: 'email.opened', at: 'never' }] })).toBe(false);
        expect(evaluator.quality.eventsWithoutTime).toBe(1);
    });

    test('a missing window bound is UNKNOWN when the stream has an occurrence with a time, else 0', async () => {
        const condition = 'performed Purchased since last_visit';
        const records = [{ events: [purchase('2026-03-10T00:00:00Z')] }, { events: [purchase('never')] }, { events: [] }, { last_visit: '2026-03-01T00:00:00Z', events: [purchase('never'), purchase('2026-03-10T00:00:00Z')] }];
        expect(await truths(condition, records, NOW)).toEqual([U, F, F, T]);
        expect(await truths('count(Purchased since last_visit) = 0', records, NOW)).toEqual([U, T, T, F]);
    });

    test('events of the next record are read afresh', async () => {
        const evaluator = await evaluatorFor('performed Purchased at least 1 time', NOW);
        const records = [{ id: 'a', events: [purchase('x'), purchase('2026-03-10T00:00:00Z')] }, { id: 'b', events: [purchase('y')] }, { id: 'c' }];
        expect(records.map((r) => evaluator.isMember(r))).toEqual([true, false, false]);
        expect(evaluator.quality.eventsWithoutTime).toBe(2);
    });
});
