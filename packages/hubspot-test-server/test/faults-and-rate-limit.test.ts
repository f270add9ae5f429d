import { afterEach, describe, expect, test } from 'vitest';
import { startHubSpotTestServer, type HubSpotTestServer } from '../src/index.js';
import { call, search, startFixtureServer } from './search-test-utils.js';

let server: HubSpotTestServer;
afterEach(() => server.close());

describe('the secondly search rate limit', () => {
    test('by default the sixth search within a second gets 429 with Retry-After and HubSpot body', async () => {
        server = await startHubSpotTestServer();
        const statuses = [];
        for (let index = 0; index < 5; index++) {
            statuses.push((await search(server, {})).status);
        }
        const limited = await search(server, {});
        expect(statuses).toEqual([200, 200, 200, 200, 200]);
        expect(limited.status).toBe(429);
        expect(limited.headers.get('retry-after')).toBe('1');
        expect(limited.body).toMatchObject({ status: 'error', category: 'RATE_LIMITS', errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect((await search(server, {})).status).toBe(200);
    });

    test('the limit is configurable and applies to search only', async () => {
        server = await startHubSpotTestServer({ rateLimit: { requestsPerSecond: 1 } });
        expect((await search(server, {})).status).toBe(200);
        expect((await search(server, {})).status).toBe(429);
        expect((await call(server, 'GET', '/crm/v3/properties/contacts')).status).toBe(200);
        expect((await call(server, 'POST', '/crm/v3/objects/contacts/batch/read', { inputs: [], properties: [] })).status).toBe(200);
    });

    test('rateLimit: false never limits', async () => {
        server = await startHubSpotTestServer({ rateLimit: false });
        const statuses = await Promise.all(Array.from({ length: 20 }, () => search(server, {}).then((result) => result.status)));
        expect(new Set(statuses)).toEqual(new Set([200]));
    });
});

describe('injected faults', () => {
    test('queued faults strike the next read requests in order, then answers are normal again', async () => {
        server = await startFixtureServer();
        server.faults.enqueue({ kind: 'server-error', status: 503 }, { kind: 'rate-limit', retryAfterSeconds: 7 }, { kind: 'server-error' });
        const first = await search(server, {});
        expect(first.status).toBe(503);
        expect(first.body).toMatchObject({ status: 'error', category: 'INTERNAL_ERROR' });
        const second = await call(server, 'GET', '/crm/v3/properties/contacts');
        expect(second.status).toBe(429);
        expect(second.headers.get('retry-after')).toBe('7');
        expect((await call(server, 'POST', '/crm/v3/objects/contacts/batch/read', { inputs: [{ id: '1' }], properties: [] })).status).toBe(500);
        expect((await search(server, {})).status).toBe(200);
        expect(server.requests.map((request) => request.fault)).toEqual(['server-error', 'rate-limit', 'server-error', undefined]);
    });

    test('faults do not strike the write endpoints', async () => {
        server = await startFixtureServer();
        server.faults.enqueue({ kind: 'server-error' });
        expect((await call(server, 'POST', '/crm/v3/objects/contacts', { properties: { firstname: 'Eve' } })).status).toBe(201);
        expect((await search(server, {})).status).toBe(500);
    });

    test('a timeout fault never answers; closing the server drops the request', async () => {
        server = await startFixtureServer();
        server.faults.enqueue({ kind: 'timeout' });
        const request = fetch(`${server.url}/crm/v3/objects/contacts/search`, {
            method: 'POST', headers: { 'Authorization': `Bearer ${server.accessToken}`, 'Content-Type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(300),
        });
        await expect(request).rejects.toMatchObject({ name: 'TimeoutError' });
        expect(server.requests.at(-1)).toMatchObject({ status: undefined, fault: 'timeout' });
        expect((await search(server, {})).status).toBe(200);
    });

    test('a truncated fault sends a 200 with part of the body, then destroys the socket', async () => {
        server = await startFixtureServer();
        server.faults.enqueue({ kind: 'truncated' });
        const response = await fetch(`${server.url}/crm/v3/objects/contacts/search`, {
            method: 'POST', headers: { 'Authorization': `Bearer ${server.accessToken}`, 'Content-Type': 'application/json' }, body: '{}',
        });
        expect(response.status).toBe(200);
        await expect(response.text()).rejects.toThrow(/terminated/);
    });

    test('random faults are reproducible from their seed and respect the probability', async () => {
        const run = async (): Promise<number[]> => {
            const target = await startFixtureServer();
            target.faults.random({ seed: 42, probability: 0.5, kinds: ['server-error', 'rate-limit'] });
            const statuses: number[] = [];
            for (let index = 0; index < 60; index++) {
                statuses.push((await search(target, {})).status);
            }
            await target.close();
            return statuses;
        };
        const first = await run();
        expect(await run()).toEqual(first);
        const counts = { 200: 0, 429: 0, 500: 0 } as Record<number, number>;
        first.forEach((status) => counts[status]++);
        expect(counts[200]).toBeGreaterThan(15);
        expect(counts[429]).toBeGreaterThan(5);
        expect(counts[500]).toBeGreaterThan(5);
        server = await startFixtureServer();
        server.faults.random({ seed: 1, probability: 1, kinds: ['server-error'] });
        server.faults.clear();
        expect((await search(server, {})).status).toBe(200);
    });
});
