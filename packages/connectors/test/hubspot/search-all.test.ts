import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHubSpotTestServer, type HubSpotTestServer } from '@segments/hubspot-test-server';
import { createHubSpotClient, HubSpotPollError, searchAll, type HubSpotClient, type HubSpotSearchRequest } from '../../src/index.js';

const COUNT = 10_450;

describe('searchAll', () => {
    let server: HubSpotTestServer;
    let client: HubSpotClient;
    beforeAll(async () => {
        server = await startHubSpotTestServer({ rateLimit: false });
        for (let i = 1; i <= COUNT; i++) server.contacts.upsert(String(i * 3), { email: `c${i}@example.com`, lifecyclestage: i % 2 === 0 ? 'lead' : 'customer' });
        client = createHubSpotClient({ accessToken: server.accessToken, baseUrl: server.url, requestsPerSecond: 10_000 });
    });
    afterAll(() => server.close());

    test('reads past the 10,000-results cap of one query, by id, each page a new query above the last id', async () => {
        const before = server.requests.length;
        const { contacts, requests } = await searchAll(client, { filterGroups: [], properties: ['email'] });
        expect(contacts).toHaveLength(COUNT);
        expect(contacts.map((c) => Number(c.id))).toEqual(Array.from({ length: COUNT }, (_, i) => (i + 1) * 3));
        expect(requests).toBe(Math.ceil(COUNT / 200));
        const bodies = server.requests.slice(before).map((r) => r.body as HubSpotSearchRequest);
        expect(bodies.every((b) => b.after === undefined && b.limit === 200)).toBe(true);
        expect(bodies[0].filterGroups).toBeUndefined();
        expect(bodies[1].filterGroups).toEqual([{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: '600' }] }]);
    });

    test('adds the paging filter to every group', async () => {
        const before = server.requests.length;
        const groups = [
            { filters: [{ propertyName: 'lifecyclestage', operator: 'EQ' as const, value: 'lead' }] },
            { filters: [{ propertyName: 'email', operator: 'EQ' as const, value: 'c1@example.com' }] },
        ];
        const { contacts } = await searchAll(client, { filterGroups: groups, properties: ['email'], pageSize: 100 });
        expect(contacts).toHaveLength(COUNT / 2 + 1);
        const second = server.requests[before + 1].body as HubSpotSearchRequest;
        expect(second.filterGroups!.map((g) => g.filters.at(-1))).toEqual([
            { propertyName: 'hs_object_id', operator: 'GT', value: contacts[99].id },
            { propertyName: 'hs_object_id', operator: 'GT', value: contacts[99].id },
        ]);
    });

    test('refuses groups that leave no room for the paging filter', async () => {
        const full = { filters: Array.from({ length: 6 }, (_, i) => ({ propertyName: `p${i}`, operator: 'HAS_PROPERTY' as const })) };
        await expect(searchAll(client, { filterGroups: [full], properties: [] })).rejects.toThrow(RangeError);
    });

    test('a page shorter than HubSpot\'s total (a cut-off read) is an incomplete read, not the end', async () => {
        // The wire answer loses its last result, as a proxy cutting a page at a record boundary would.
        const shortening: typeof fetch = async (input, init) => {
            const response = await fetch(input, init);
            const page = (await response.json()) as { results: unknown[] };
            if (page.results.length > 1) page.results.pop();
            return new Response(JSON.stringify(page), { status: response.status, headers: response.headers });
        };
        const lossy = createHubSpotClient({ accessToken: server.accessToken, baseUrl: server.url, fetch: shortening, requestsPerSecond: 10_000 });
        const filterGroups = [{ filters: [{ propertyName: 'hs_object_id', operator: 'LTE' as const, value: '300' }] }];
        await expect(searchAll(lossy, { filterGroups, properties: [] })).rejects.toThrow(HubSpotPollError);
        await expect(searchAll(client, { filterGroups, properties: [] })).resolves.toMatchObject({ contacts: { length: 100 } });
    });
});
