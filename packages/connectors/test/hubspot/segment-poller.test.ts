import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { decodeSnapshot } from '@segments/engine';
import type { SegmentBundleIR } from '@segments/ir';
import { startHubSpotTestServer, type HubSpotTestServer } from '@segments/hubspot-test-server';
import { createHubSpotClient, HubSpotApiError, pollHubSpotSegment, type HubSpotClient, type HubSpotSegmentPollOptions } from '../../src/index.js';
import { CONTACT_PROPERTIES } from './fixtures/contact-properties.js';
import { compileSegments } from './segment-bundles.js';

const schema = readFileSync(new URL('fixtures/contact.segment', import.meta.url), 'utf8');
const now = new Date('2026-03-15T12:00:00Z');

describe('pollHubSpotSegment', () => {
    let bundles: Map<string, SegmentBundleIR>;
    let server: HubSpotTestServer;
    let client: HubSpotClient;
    beforeAll(async () => {
        bundles = await compileSegments(
            schema,
            [
                'segment big_us of Contact { where revenue > 1000 and country = "US" }',
                'segment born_2000 of Contact { timezone "America/Los_Angeles" where birthday = 2000-01-01 }',
                'segment scored of Contact { where score_text > 5 }',
            ].join('\n'),
        );
    });
    beforeEach(async () => {
        server = await startHubSpotTestServer({
            rateLimit: false,
            properties: CONTACT_PROPERTIES.filter((p) => p.name !== 'hs_object_id').map((p) => ({ ...p, options: p.options })),
            contacts: [
                { id: '1', properties: { total_revenue: 5000, country: 'US', email: 'ada@example.com' } },
                { id: '2', properties: { total_revenue: 5000, country: 'us' } },
                { id: '3', properties: { total_revenue: 10, country: 'US' } },
                { id: '4', properties: { total_revenue: 2000, country: 'FR' } },
            ],
        });
        client = createHubSpotClient({ accessToken: server.accessToken, baseUrl: server.url, timeoutMs: 200, requestsPerSecond: 10_000, maxRetries: 1, sleep: () => Promise.resolve() });
    });
    afterEach(() => server.close());

    const poll = (previous: Uint8Array | undefined, options: Partial<HubSpotSegmentPollOptions> = {}) =>
        pollHubSpotSegment({ client, bundle: bundles.get('big_us')!, now, previous, properties: ['email'], ...options });

    test('the first poll records a baseline (or emits every member), reading only what the segment needs', async () => {
        const baseline = await poll(undefined);
        expect(baseline).toMatchObject({ entered: [], exited: [], members: 2, firstRun: true, requests: 2 });
        expect(decodeSnapshot(baseline.snapshot)).toEqual(['1', '2']);
        const search = server.requests.find((r) => r.path.endsWith('/search'))!.body as { properties: string[]; filterGroups: unknown };
        expect(search.properties).toEqual(['country', 'email', 'hs_object_id', 'total_revenue']);
        expect(search.filterGroups).toEqual([{ filters: [{ propertyName: 'country', operator: 'EQ', value: 'US' }, { propertyName: 'total_revenue', operator: 'GT', value: '1000' }] }]);

        const all = await poll(undefined, { firstRun: 'emitAll' });
        expect(all.entered.map((c) => [c.id, c.properties.email])).toEqual([['1', 'ada@example.com'], ['2', null]]);
    });

    test('later polls emit entries and exits; a deleted contact exits as deleted, an updated one with its properties', async () => {
        const first = await poll(undefined);
        server.contacts.upsert('3', { total_revenue: 3000 });
        server.contacts.upsert('2', { country: 'FR' });
        server.contacts.remove('1');
        const second = await poll(first.snapshot);
        expect(second.entered.map((c) => c.id)).toEqual(['3']);
        expect(second.exited).toEqual([
            { id: '1', deleted: true },
            { id: '2', deleted: false, contact: expect.objectContaining({ id: '2', properties: expect.objectContaining({ country: 'FR', total_revenue: '5000' }) }) },
        ]);
        expect(second).toMatchObject({ members: 1, firstRun: false });
        expect(decodeSnapshot(second.snapshot)).toEqual(['3']);
    });

    test('a poll that fails part-way throws and emits nothing; the next one catches up from the kept snapshot', async () => {
        const first = await poll(undefined, { pageSize: 1 });
        server.contacts.remove('1');
        server.contacts.upsert('5', { total_revenue: 7000, country: 'US' });
        // The second page is cut off, then answered with a 500: with one retry the read fails, after
        // a first page that does not hold contact 1, which must not be taken for its exit.
        const faulty = faultyClient(server, (path, count) => (path.endsWith('/search') && count === 2 ? ['truncated', 'server-error'] : []));
        await expect(pollHubSpotSegment({ client: faulty, bundle: bundles.get('big_us')!, now, previous: first.snapshot, pageSize: 1 })).rejects.toThrow(HubSpotApiError);
        const caughtUp = await poll(first.snapshot, { pageSize: 1 });
        expect(caughtUp.entered.map((c) => c.id)).toEqual(['5']);
        expect(caughtUp.exited).toEqual([{ id: '1', deleted: true }]);
    });

    test('a failed read-back of exited contacts fails the poll too (no exit without its contact or deletion)', async () => {
        const first = await poll(undefined);
        server.contacts.upsert('2', { country: 'FR' });
        const faulty = faultyClient(server, (path) => (path.endsWith('/batch/read') ? ['server-error', 'timeout'] : []));
        await expect(pollHubSpotSegment({ client: faulty, bundle: bundles.get('big_us')!, now, previous: first.snapshot })).rejects.toThrow(/gave up after 1 retries \(last: timed out/);
    });

    test('HubSpot date properties read as their calendar day in any zone; unreadable values land in the quality report', async () => {
        server.contacts.upsert('6', { date_of_birth: '2000-01-01', score_text: 'high' });
        server.contacts.upsert('7', { date_of_birth: 946_684_800_000, score_text: '7' });
        const born = await pollHubSpotSegment({ client, bundle: bundles.get('born_2000')!, now, previous: undefined, firstRun: 'emitAll' });
        expect(born.entered.map((c) => c.id)).toEqual(['6', '7']);
        const scored = await pollHubSpotSegment({ client, bundle: bundles.get('scored')!, now, previous: undefined, firstRun: 'emitAll' });
        expect(scored.entered.map((c) => c.id)).toEqual(['7']);
        expect(scored.quality.unreadableValues).toEqual({ score_text: 1 });
    });
});

/**
 * A client of the server (one retry, short timeout) that has the server inject faults into chosen
 * requests: `faultsFor(path, count)` is asked before each request, `count` numbering the requests
 * to that path from 1, and the faults it returns strike that request and its retries.
 */
function faultyClient(server: HubSpotTestServer, faultsFor: (path: string, count: number) => Array<'truncated' | 'server-error' | 'timeout'>): HubSpotClient {
    const counts = new Map<string, number>();
    const hooked: typeof fetch = (input, init) => {
        const path = new URL(String(input)).pathname;
        const count = (counts.get(path) ?? 0) + 1;
        counts.set(path, count);
        server.faults.enqueue(...faultsFor(path, count).map((kind) => ({ kind })));
        return fetch(input, init);
    };
    return createHubSpotClient({ accessToken: server.accessToken, baseUrl: server.url, fetch: hooked, timeoutMs: 200, requestsPerSecond: 10_000, maxRetries: 1, sleep: () => Promise.resolve() });
}
