import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startHubSpotTestServer, type HubSpotTestServer } from '../src/index.js';

/** HubSpot's official SDK against the test server: if the shapes were not HubSpot's, its deserializer would fail or lose fields. */
describe('the test server through @hubspot/api-client', () => {
    let server: HubSpotTestServer;
    let client: Client;

    beforeEach(async () => {
        server = await startHubSpotTestServer({
            rateLimit: false,
            contacts: [
                { properties: { email: 'ada@example.com', firstname: 'Ada', lifecyclestage: 'customer', total_revenue: 1200 } },
                { properties: { email: 'bob@example.org', firstname: 'Bob', lifecyclestage: 'lead' } },
            ],
        });
        client = new Client({ accessToken: server.accessToken, basePath: server.url });
    });

    afterEach(() => server.close());

    test('doSearch returns total, results with string properties and paging', async () => {
        const page = await client.crm.contacts.searchApi.doSearch({
            filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: FilterOperatorEnum.Eq, value: 'customer' }] }],
            properties: ['email', 'total_revenue'],
            limit: 1,
        });
        expect(page.total).toBe(1);
        expect(page.paging).toBeUndefined();
        expect(page.results).toHaveLength(1);
        const [ada] = page.results;
        expect(ada.id).toBe('1');
        expect(ada.createdAt).toBeInstanceOf(Date);
        expect(ada.properties).toEqual({
            email: 'ada@example.com', total_revenue: '1200', hs_object_id: '1',
            createdate: ada.createdAt.toISOString(), lastmodifieddate: ada.updatedAt.toISOString(),
        });
    });

    test('doSearch pages with paging.next.after', async () => {
        const first = await client.crm.contacts.searchApi.doSearch({ limit: 1, properties: ['email'] });
        expect(first.total).toBe(2);
        expect(first.paging?.next?.after).toBe('1');
        const second = await client.crm.contacts.searchApi.doSearch({ limit: 1, properties: ['email'], after: first.paging?.next?.after });
        expect(second.results.map((contact) => contact.properties.email)).toEqual(['bob@example.org']);
        expect(second.paging).toBeUndefined();
    });

    test('properties.coreApi.getAll lists Property objects with enumeration options', async () => {
        const { results } = await client.crm.properties.coreApi.getAll('contacts');
        const lifecycle = results.find((property) => property.name === 'lifecyclestage');
        expect(lifecycle).toMatchObject({ label: 'Lifecycle Stage', type: 'enumeration', fieldType: 'radio', groupName: 'contactinformation', hidden: false });
        expect(lifecycle?.options.map((option) => option.value)).toContain('customer');
        expect(lifecycle?.options[0]).toMatchObject({ label: 'Subscriber', value: 'subscriber', displayOrder: 0, hidden: false });
        expect(results.map((property) => property.name)).toEqual(expect.arrayContaining(['hs_object_id', 'createdate', 'lastmodifieddate', 'email']));
    });

    test('batchApi.read returns the contacts found and reports the missing ones', async () => {
        const complete = await client.crm.contacts.batchApi.read({ inputs: [{ id: '2' }, { id: '1' }], properties: ['firstname'], propertiesWithHistory: [] });
        expect(complete.status).toBe('COMPLETE');
        expect(complete.results.map((contact) => contact.properties.firstname).sort()).toEqual(['Ada', 'Bob']);
        const partial = await client.crm.contacts.batchApi.read({ inputs: [{ id: '1' }, { id: '99' }], properties: ['firstname'], propertiesWithHistory: [] });
        expect(partial.results.map((contact) => contact.id)).toEqual(['1']);
        expect('errors' in partial && partial.errors?.[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['99'] } });
    });

    test('basicApi.create, update and archive change what search sees', async () => {
        const created = await client.crm.contacts.basicApi.create({ properties: { email: 'cy@example.com', lifecyclestage: 'lead' }, associations: [] });
        expect(created.id).toBe('3');
        expect(created.properties).toMatchObject({ email: 'cy@example.com', lifecyclestage: 'lead', hs_object_id: '3' });
        const updated = await client.crm.contacts.basicApi.update(created.id, { properties: { lifecyclestage: 'customer' } });
        expect(updated.properties.lifecyclestage).toBe('customer');
        const customers = () => client.crm.contacts.searchApi.doSearch({
            filterGroups: [{ filters: [{ propertyName: 'lifecyclestage', operator: FilterOperatorEnum.Eq, value: 'customer' }] }],
        });
        expect((await customers()).results.map((contact) => contact.id)).toEqual(['1', '3']);
        await client.crm.contacts.basicApi.archive(created.id);
        expect((await customers()).results.map((contact) => contact.id)).toEqual(['1']);
        expect(server.contacts.get('3')).toBeUndefined();
    });

    test('basicApi.getById returns the requested properties', async () => {
        const contact = await client.crm.contacts.basicApi.getById('2', ['email', 'lifecyclestage']);
        expect(contact.properties).toMatchObject({ email: 'bob@example.org', lifecyclestage: 'lead' });
    });

    test('a wrong token is refused with HubSpot 401 body', async () => {
        const stranger = new Client({ accessToken: 'not-the-token', basePath: server.url });
        await expect(stranger.crm.contacts.searchApi.doSearch({})).rejects.toMatchObject({
            code: 401,
            body: { status: 'error', category: 'INVALID_AUTHENTICATION' },
        });
    });

    test('a search over HubSpot limits is refused with a VALIDATION_ERROR the SDK reads', async () => {
        const filters = [{ propertyName: 'email', operator: FilterOperatorEnum.HasProperty }];
        await expect(client.crm.contacts.searchApi.doSearch({ filterGroups: Array.from({ length: 6 }, () => ({ filters })) })).rejects.toMatchObject({
            code: 400,
            body: { status: 'error', category: 'VALIDATION_ERROR' },
        });
    });
});
