import { afterEach, describe, expect, test } from 'vitest';
import { SEARCH_LIMITS, startHubSpotTestServer, type HubSpotTestServer } from '../src/index.js';
import { search, startFixtureServer } from './search-test-utils.js';

const HAS_EMAIL = { propertyName: 'email', operator: 'HAS_PROPERTY' };

function groups(...sizes: number[]) {
    return sizes.map((size) => ({ filters: Array.from({ length: size }, () => HAS_EMAIL) }));
}

let server: HubSpotTestServer;
afterEach(() => server.close());

describe('search request limits (HubSpot 400 VALIDATION_ERROR)', () => {
    test.each([
        ['5 groups of 3 filters (15 in all)', groups(3, 3, 3, 3, 3), 200],
        ['3 groups of 6 filters (18 in all)', groups(6, 6, 6), 200],
        ['6 groups', groups(1, 1, 1, 1, 1, 1), 400],
        ['7 filters in a group', groups(7), 400],
        ['19 filters in all', groups(6, 6, 6, 1), 400],
    ])('%s → %i', async (_name, filterGroups, status) => {
        server = await startFixtureServer();
        const result = await search(server, { filterGroups });
        expect(result.status).toBe(status);
        if (status === 400) {
            expect(result.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: expect.stringMatching(/at most/) });
            expect(result.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
        }
    });

    test.each([
        ['a limit over 200', { limit: 201 }],
        ['an unknown operator', { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'LIKE', value: 'a' }] }] }],
        ['an unknown property', { filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: 'a' }] }] }],
        ['EQ without a value', { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ' }] }] }],
        ['BETWEEN without a highValue', { filterGroups: [{ filters: [{ propertyName: 'total_revenue', operator: 'BETWEEN', value: '1' }] }] }],
        ['IN without values', { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'IN', values: [] }] }] }],
        ['two sort rules', { sorts: ['email', 'firstname'] }],
        ['an after that is not a paging token', { after: 'abc' }],
    ])('%s is refused', async (_name, body) => {
        server = await startFixtureServer();
        const result = await search(server, body);
        expect(result.status).toBe(400);
        expect(result.body.category).toBe('VALIDATION_ERROR');
    });

    test('a body that is not JSON is refused', async () => {
        server = await startFixtureServer();
        const response = await fetch(`${server.url}/crm/v3/objects/contacts/search`, { method: 'POST', headers: { Authorization: `Bearer ${server.accessToken}` }, body: '{"filterGroups": [' });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { category: string }).category).toBe('VALIDATION_ERROR');
    });
});

describe('paging and the 10,000-result cap', () => {
    test('paging.next.after walks every result once; the last page has no paging', async () => {
        server = await startHubSpotTestServer({ rateLimit: false, contacts: Array.from({ length: 45 }, (_, index) => ({ properties: { email: `c${index}@example.com` } })) });
        const seen: string[] = [];
        let after: string | undefined;
        let pages = 0;
        do {
            const result = await search(server, { limit: 20, after, properties: ['email'], sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
            expect(result.body.total).toBe(45);
            seen.push(...result.body.results.map((contact: { id: string }) => contact.id));
            after = result.body.paging?.next.after;
            pages++;
        } while (after !== undefined);
        expect(pages).toBe(3);
        expect(seen).toEqual(Array.from({ length: 45 }, (_, index) => String(index + 1)));
    });

    test('a query pages up to 10,000 results; an after at 10,000 gets HubSpot 400; filtering above the last id pages further', async () => {
        const count = SEARCH_LIMITS.results + 150;
        server = await startHubSpotTestServer({ rateLimit: false, contacts: Array.from({ length: count }, () => ({ properties: { lifecyclestage: 'lead' } })) });
        const last = await search(server, { limit: 200, after: '9800', properties: ['lifecyclestage'], sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
        expect(last.status).toBe(200);
        expect(last.body.total).toBe(count);
        expect(last.body.results).toHaveLength(200);
        expect(last.body.results.at(-1).id).toBe('10000');
        expect(last.body.paging.next.after).toBe('10000');
        const past = await search(server, { limit: 200, after: last.body.paging.next.after });
        expect(past.status).toBe(400);
        expect(past.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
        const further = await search(server, {
            limit: 200,
            filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: '10000' }] }],
            sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        });
        expect(further.body.total).toBe(150);
        expect(further.body.results[0].id).toBe('10001');
    });

    test('a page that would cross 10,000 stops at the 10,000th result', async () => {
        server = await startHubSpotTestServer({ rateLimit: false, contacts: Array.from({ length: SEARCH_LIMITS.results + 10 }, () => ({ properties: {} })) });
        const result = await search(server, { limit: 100, after: '9950' });
        expect(result.body.results).toHaveLength(50);
    });
});
