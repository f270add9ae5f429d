import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startHubSpotTestServer, type HubSpotTestServer } from '@segments/hubspot-test-server';
import { createHubSpotClient, HubSpotApiError, type HubSpotClientOptions } from '../../src/index.js';

/** A client of the test server whose waits are recorded instead of slept. */
function clientOf(server: HubSpotTestServer, options: Partial<HubSpotClientOptions> = {}) {
    const sleeps: number[] = [];
    const client = createHubSpotClient({
        accessToken: server.accessToken,
        baseUrl: server.url,
        timeoutMs: 200,
        requestsPerSecond: 1000,
        sleep: (ms) => {
            sleeps.push(ms);
            return Promise.resolve();
        },
        ...options,
    });
    return { client, sleeps };
}

const search = { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'HAS_PROPERTY' as const }] }], properties: ['email'], limit: 10 };

describe('the HubSpot client', () => {
    let server: HubSpotTestServer;
    beforeEach(async () => {
        server = await startHubSpotTestServer({ rateLimit: false, contacts: [{ id: '1', properties: { email: 'ada@example.com' } }, { id: '2', properties: { firstname: 'Bob' } }] });
    });
    afterEach(() => server.close());

    test('reads properties, searches and batch-reads with a bearer token', async () => {
        const { client } = clientOf(server);
        const properties = await client.listContactProperties();
        expect(properties.find((p) => p.name === 'lifecyclestage')).toMatchObject({ type: 'enumeration', fieldType: 'radio' });
        const page = await client.searchContacts(search);
        expect(page.total).toBe(1);
        expect(page.results.map((c) => [c.id, c.properties.email])).toEqual([['1', 'ada@example.com']]);
        const read = await client.batchReadContacts(['2', '99', '1'], ['firstname']);
        expect(read.map((c) => c.id).sort()).toEqual(['1', '2']);
    });

    test('does not retry a 401 or a 400, and carries HubSpot\'s message and category', async () => {
        const { client } = clientOf(server, { accessToken: 'not-the-token' });
        const unauthorized = await client.searchContacts(search).catch((e: unknown) => e);
        expect(unauthorized).toBeInstanceOf(HubSpotApiError);
        expect(unauthorized).toMatchObject({ status: 401, category: 'INVALID_AUTHENTICATION', retriable: false });

        const { client: good } = clientOf(server);
        const tooMany = { filterGroups: Array.from({ length: 6 }, () => search.filterGroups[0]) };
        const invalid = (await good.searchContacts(tooMany).catch((e: unknown) => e)) as HubSpotApiError;
        expect(invalid).toMatchObject({ status: 400, category: 'VALIDATION_ERROR', retriable: false });
        expect(invalid.message).toMatch(/^HubSpot API error 400 \(VALIDATION_ERROR\): .+/);
        expect(server.requests.filter((r) => r.path.endsWith('/search'))).toHaveLength(2);
    });

    test('honours Retry-After on a 429, then succeeds', async () => {
        const { client, sleeps } = clientOf(server);
        server.faults.enqueue({ kind: 'rate-limit', retryAfterSeconds: 3 }, { kind: 'rate-limit', retryAfterSeconds: 1 });
        expect((await client.searchContacts(search)).total).toBe(1);
        expect(sleeps).toEqual([3000, 1000]);
    });

    test('gives up after its retries with a clear error', async () => {
        const { client } = clientOf(server);
        server.faults.enqueue(...Array.from({ length: 6 }, () => ({ kind: 'rate-limit' as const, retryAfterSeconds: 10 })));
        const error = (await client.searchContacts(search).catch((e: unknown) => e)) as HubSpotApiError;
        expect(error.message).toBe('HubSpot rate limit: gave up after 5 retries (last Retry-After 10 s)');
        expect(error).toMatchObject({ status: 429, retriable: true });

        const { client: patient } = clientOf(server, { maxRetries: 2 });
        server.faults.enqueue({ kind: 'server-error', status: 503 }, { kind: 'server-error', status: 502 }, { kind: 'server-error' });
        const failed = (await patient.searchContacts(search).catch((e: unknown) => e)) as HubSpotApiError;
        expect(failed.message).toBe('HubSpot request failed: gave up after 2 retries (last: server error 500)');
    });

    test('retries server errors, timeouts and cut-off bodies with exponential backoff and jitter', async () => {
        const { client, sleeps } = clientOf(server);
        server.faults.enqueue({ kind: 'server-error', status: 502 }, { kind: 'timeout' }, { kind: 'truncated' }, { kind: 'server-error' });
        expect((await client.searchContacts(search)).results).toHaveLength(1);
        expect(sleeps).toHaveLength(4);
        sleeps.forEach((ms, i) => {
            const ceiling = 500 * 2 ** i;
            expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
            expect(ms).toBeLessThanOrEqual(ceiling);
        });
        expect(server.requests.map((r) => r.fault ?? r.status)).toEqual(['server-error', 'timeout', 'truncated', 'server-error', 200]);
    });

    test('paces searches at requestsPerSecond', async () => {
        const { client, sleeps } = clientOf(server, { requestsPerSecond: 5 });
        for (let i = 0; i < 3; i++) await client.searchContacts(search);
        // The waits are recorded, not slept, so each search is booked 200 ms after the previous one.
        expect(sleeps).toHaveLength(2);
        expect(sleeps[0]).toBeGreaterThan(150);
        expect(sleeps[1]).toBeGreaterThan(sleeps[0] + 150);
    });

    test('stays under the test server\'s real rate limit when it paces at HubSpot\'s 5 a second', async () => {
        await server.close();
        server = await startHubSpotTestServer({ rateLimit: { requestsPerSecond: 5 }, contacts: [{ id: '1', properties: { email: 'a@b.c' } }] });
        const client = createHubSpotClient({ accessToken: server.accessToken, baseUrl: server.url, requestsPerSecond: 5, maxRetries: 0 });
        for (let i = 0; i < 7; i++) await client.searchContacts(search);
        expect(server.requests.every((r) => r.status === 200)).toBe(true);
    });
});
