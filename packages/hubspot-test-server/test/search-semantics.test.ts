import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HubSpotTestServer } from '../src/index.js';
import { idsWhere, search, startFixtureServer } from './search-test-utils.js';

let server: HubSpotTestServer;
beforeAll(async () => {
    server = await startFixtureServer();
});
afterAll(() => server.close());

describe('search filters: HubSpot semantics', () => {
    test.each([
        ['string EQ ignores case', { propertyName: 'email', operator: 'EQ', value: 'ada@example.COM' }, ['1']],
        ['string NEQ ignores case and matches missing values', { propertyName: 'email', operator: 'NEQ', value: 'ADA@example.com' }, ['2', '3', '4']],
        ['enumeration EQ is case-sensitive', { propertyName: 'lifecyclestage', operator: 'EQ', value: 'Customer' }, []],
        ['enumeration EQ exact', { propertyName: 'lifecyclestage', operator: 'EQ', value: 'VIP' }, ['3']],
        ['enumeration NEQ matches missing values', { propertyName: 'lifecyclestage', operator: 'NEQ', value: 'customer' }, ['2', '3', '4']],
        ['IN on strings ignores case', { propertyName: 'firstname', operator: 'IN', values: ['ada', 'BOB'] }, ['1', '2']],
        ['IN on enumerations is case-sensitive', { propertyName: 'lifecyclestage', operator: 'IN', values: ['vip', 'lead'] }, ['2']],
        ['NOT_IN matches missing values', { propertyName: 'lifecyclestage', operator: 'NOT_IN', values: ['lead', 'customer'] }, ['3', '4']],
        ['multiple checkbox EQ holds for one of the options', { propertyName: 'interests', operator: 'EQ', value: 'hats' }, ['1']],
        ['multiple checkbox NEQ excludes contacts having the option', { propertyName: 'interests', operator: 'NEQ', value: 'hats' }, ['2', '3', '4']],
        ['multiple checkbox IN', { propertyName: 'interests', operator: 'IN', values: ['bags', 'shoes'] }, ['1', '2']],
        ['numbers compare numerically', { propertyName: 'total_revenue', operator: 'GT', value: '200' }, ['1', '3']],
        ['number LTE with a decimal', { propertyName: 'total_revenue', operator: 'LTE', value: '90.5' }, ['2']],
        ['number EQ ignores formatting', { propertyName: 'total_revenue', operator: 'EQ', value: '1200.0' }, ['1']],
        ['number BETWEEN is inclusive', { propertyName: 'total_revenue', operator: 'BETWEEN', value: '90.5', highValue: '1200' }, ['1', '2']],
        ['LT never matches missing values', { propertyName: 'total_revenue', operator: 'LT', value: '1000000' }, ['1', '2', '3']],
        ['date EQ with midnight-UTC milliseconds', { propertyName: 'birthday', operator: 'EQ', value: String(Date.UTC(1990, 4, 17)) }, ['1']],
        ['date GTE with an ISO date', { propertyName: 'birthday', operator: 'GTE', value: '1990-05-17' }, ['1']],
        ['date LT with milliseconds', { propertyName: 'birthday', operator: 'LT', value: String(Date.UTC(1990, 4, 17)) }, ['2']],
        ['datetime GT with milliseconds', { propertyName: 'last_order_at', operator: 'GT', value: String(Date.UTC(2026, 2, 1, 10, 29)) }, ['1']],
        ['datetime LT with ISO', { propertyName: 'last_order_at', operator: 'LT', value: '2026-03-01T10:30:00Z' }, []],
        ['bool EQ "true"', { propertyName: 'vip', operator: 'EQ', value: 'true' }, ['1']],
        ['bool NEQ "true" matches false and missing', { propertyName: 'vip', operator: 'NEQ', value: 'true' }, ['2', '3', '4']],
        ['HAS_PROPERTY', { propertyName: 'firstname', operator: 'HAS_PROPERTY' }, ['1', '2', '4']],
        ['NOT_HAS_PROPERTY', { propertyName: 'firstname', operator: 'NOT_HAS_PROPERTY' }, ['3']],
        ['CONTAINS_TOKEN matches a word, ignoring case', { propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'EXAMPLE' }, ['1', '2']],
        ['CONTAINS_TOKEN with a wildcard', { propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@example.com' }, ['1']],
        ['NOT_CONTAINS_TOKEN matches missing values', { propertyName: 'email', operator: 'NOT_CONTAINS_TOKEN', value: 'example' }, ['3', '4']],
    ])('%s', async (_name, filter, expected) => {
        expect(await idsWhere(server, filter)).toEqual(expected);
    });

    test('groups are an OR of ANDs', async () => {
        const result = await search(server, {
            filterGroups: [
                { filters: [{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' }, { propertyName: 'total_revenue', operator: 'GT', value: '5000' }] },
                { filters: [{ propertyName: 'firstname', operator: 'EQ', value: 'dee' }] },
                { filters: [{ propertyName: 'total_revenue', operator: 'GTE', value: '10000' }] },
            ],
        });
        expect(result.body.results.map((contact: { id: string }) => contact.id)).toEqual(['3', '4']);
    });

    test('values are returned as strings, dates as HubSpot formats them, unset requested properties as null', async () => {
        const result = await search(server, { properties: ['total_revenue', 'birthday', 'last_order_at', 'vip', 'interests', 'nonexistent'], sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
        const [ada, bob, cy] = result.body.results;
        expect(ada.properties).toMatchObject({ total_revenue: '1200', birthday: '1990-05-17', last_order_at: '2026-03-01T10:30:00.000Z', vip: 'true', interests: 'shoes;hats' });
        expect(bob.properties).toMatchObject({ total_revenue: '90.5', birthday: '1985-01-02', vip: 'false', last_order_at: null });
        expect(cy.properties).toMatchObject({ birthday: null, vip: null, interests: null });
        expect(Object.keys(ada.properties).sort()).toEqual(['birthday', 'createdate', 'hs_object_id', 'interests', 'last_order_at', 'lastmodifieddate', 'total_revenue', 'vip']);
    });

    test('without requested properties HubSpot default contact properties are returned', async () => {
        const result = await search(server, { limit: 1 });
        expect(Object.keys(result.body.results[0].properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
    });

    test('the free-text query matches word prefixes of the default searchable properties', async () => {
        const result = await search(server, { query: 'bo' });
        expect(result.body.results.map((contact: { id: string }) => contact.id)).toEqual(['2']);
    });
});

describe('search sorting', () => {
    test('by hs_object_id descending', async () => {
        const result = await search(server, { sorts: [{ propertyName: 'hs_object_id', direction: 'DESCENDING' }] });
        expect(result.body.results.map((contact: { id: string }) => contact.id)).toEqual(['4', '3', '2', '1']);
    });

    test('the SDK string form "-name" sorts descending; missing values come last', async () => {
        const result = await search(server, { sorts: ['-total_revenue'] });
        expect(result.body.results.map((contact: { id: string }) => contact.id)).toEqual(['3', '1', '2', '4']);
    });

    test('by default the oldest records come first', async () => {
        const result = await search(server, {});
        expect(result.body.results.map((contact: { id: string }) => contact.id)).toEqual(['1', '2', '3', '4']);
    });
});
