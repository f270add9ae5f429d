import { describe, expect, test } from 'vitest';
import { compileSegment, createFunnel, Truth } from '../../src/index.js';
import { bundleWhere } from '../engine-test-utils.js';

const NOW = '2026-03-15T12:00:00Z';

describe('explain', () => {
    test('a funnel counts every condition for every record, and agrees with test', async () => {
        const bundle = await bundleWhere('country in ("US", "CA") and (visits > 3 or performed Purchased within last 30 days)', { exclude: 'tier = "Bronze"' });
        const evaluator = compileSegment(bundle).prepare({ now: NOW });
        const funnel = createFunnel(evaluator);
        const records = [
            { country: 'US', visits: 5 },
            { country: 'us', visits: 1, events: [{ event: 'Purchased', at: '2026-03-10T00:00:00Z' }] },
            { country: 'DE', visits: 5 },
            { visits: 5 },
            { country: 'CA', tier: 'Bronze', visits: 9 },
            { country: 'CA' },
        ];
        const truths = records.map((r) => funnel.add(r));
        expect(truths).toEqual(records.map((r) => evaluator.test(r)));
        const report = funnel.report();
        expect([report.total, report.members]).toEqual([6, 2]);
        const counts = Object.fromEntries(report.nodes.map((n) => [n.id, [n.counts.TRUE, n.counts.FALSE, n.counts.UNKNOWN]]));
        expect(counts).toEqual({
            where: [3, 1, 2],
            'where.0': [4, 1, 1],
            'where.1': [5, 0, 1],
            'where.1.0': [4, 1, 1],
            'where.1.1': [1, 5, 0],
            exclude: [1, 0, 5],
        });
        expect(report.nodes.map((n) => [n.id, n.depth, n.parent ?? null, n.text])).toEqual([
            ['where', 1, null, 'country in ("US", "CA") and (visits > 3 or performed Purchased within last 30 days)'],
            ['where.0', 2, 'where', 'country in ("US", "CA")'],
            ['where.1', 2, 'where', '(visits > 3 or performed Purchased within last 30 days)'],
            ['where.1.0', 3, 'where.1', 'visits > 3'],
            ['where.1.1', 3, 'where.1', 'performed Purchased within last 30 days'],
            ['exclude', 1, null, 'tier = "Bronze"'],
        ]);
    });

    test('a trace shows each condition with its truth and values', async () => {
        const bundle = await bundleWhere('last_visit within last 30 days and not performed Purchased at least 2 times since 2026-03-01 and birthday before 2000-01-01');
        const evaluator = compileSegment(bundle).prepare({ now: NOW });
        const trace = evaluator.trace({ id: 'c1', last_visit: '2026-03-01T00:00:00Z', birthday: 'soon', events: [{ event: 'Purchased', at: '2026-03-02T00:00:00Z' }] });
        expect([trace.key, trace.member, trace.truth, trace.exclude]).toEqual(['c1', false, 'UNKNOWN', undefined]);
        const [visit, notPerformed, birthday] = trace.where.children;
        expect(visit).toMatchObject({
            id: 'where.0',
            truth: 'TRUE',
            values: { subject: '2026-03-01T00:00:00.000Z', low: '2026-02-13T12:00:00.000Z', high: '2026-03-15T12:00:00.000Z' },
            children: [],
        });
        expect(notPerformed.truth).toBe('TRUE');
        expect(notPerformed.children[0]).toMatchObject({ kind: 'performed', truth: 'FALSE', values: { count: 1, start: '2026-03-01' } });
        expect(birthday).toMatchObject({ truth: 'UNKNOWN', values: { left: null, right: '2000-01-01' } });
        expect(evaluator.test({ id: 'c1', last_visit: '2026-03-01T00:00:00Z', birthday: 'soon' })).toBe(Truth.UNKNOWN);
    });
});
