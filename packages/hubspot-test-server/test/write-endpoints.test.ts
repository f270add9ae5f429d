import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { HubSpotTestServer } from '../src/index.js';
import { call, idsWhere, startFixtureServer } from './search-test-utils.js';

let server: HubSpotTestServer;
beforeEach(async () => {
    server = await startFixtureServer({ clock: () => new Date('2026-03-01T12:00:00Z') });
});
afterEach(() => server.close());

describe('write endpoints', () => {
    test('POST creates a contact with the next id and normalised values', async () => {
        const created = await call(server, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'eve@example.com', total_revenue: '0042', birthday: '2000-02-29', vip: 'TRUE' } });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
            id: '5', archived: false, createdAt: '2026-03-01T12:00:00.000Z',
            properties: { email: 'eve@example.com', total_revenue: '42', birthday: '2000-02-29', vip: 'true', hs_object_id: '5', createdate: '2026-03-01T12:00:00.000Z' },
        });
        expect(await idsWhere(server, { propertyName: 'total_revenue', operator: 'EQ', value: '42' })).toEqual(['5']);
    });

    test('PATCH changes values and an empty string clears one', async () => {
        const updated = await call(server, 'PATCH', '/crm/v3/objects/contacts/2', { properties: { lifecyclestage: 'customer', firstname: '' } });
        expect(updated.status).toBe(200);
        expect(updated.body.properties).toMatchObject({ lifecyclestage: 'customer', firstname: null });
        expect(server.contacts.get('2')?.properties.firstname).toBeUndefined();
        expect(await idsWhere(server, { propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' })).toEqual(['1', '2']);
    });

    test('PATCH of an unknown contact is a 404 OBJECT_NOT_FOUND', async () => {
        const result = await call(server, 'PATCH', '/crm/v3/objects/contacts/999', { properties: { firstname: 'X' } });
        expect(result.status).toBe(404);
        expect(result.body.category).toBe('OBJECT_NOT_FOUND');
    });

    test('DELETE archives the contact (204) and search no longer finds it', async () => {
        expect((await call(server, 'DELETE', '/crm/v3/objects/contacts/1')).status).toBe(204);
        expect(await idsWhere(server, { propertyName: 'hs_object_id', operator: 'HAS_PROPERTY' })).toEqual(['2', '3', '4']);
        expect((await call(server, 'GET', '/crm/v3/objects/contacts/1')).status).toBe(404);
    });

    test.each([
        ['an unknown property', { nope: 'x' }, 'PROPERTY_DOESNT_EXIST'],
        ['an option that is not defined (options are case-sensitive)', { lifecyclestage: 'Customer' }, 'INVALID_OPTION'],
        ['a multiple checkbox with an unknown option', { interests: 'shoes;socks' }, 'INVALID_OPTION'],
        ['a number that is not one', { total_revenue: 'lots' }, 'INVALID_INTEGER'],
        ['a date that is not midnight UTC', { birthday: '2000-02-29T10:00:00Z' }, 'INVALID_DATE'],
        ['a boolean that is not true or false', { vip: 'yes' }, 'INVALID_BOOLEAN'],
        ['the read-only record id', { hs_object_id: '77' }, 'READ_ONLY_VALUE'],
        ['a value that is not a string, number or boolean', { email: { address: 'x@example.com' } }, 'INVALID_TYPE'],
    ])('a value HubSpot refuses is a 400: %s', async (_name, properties, code) => {
        const result = await call(server, 'POST', '/crm/v3/objects/contacts', { properties });
        expect(result.status).toBe(400);
        expect(result.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: expect.stringMatching(/^Property values were not valid/) });
        expect(result.body.errors[0].code).toBe(code);
        expect(server.contacts.all()).toHaveLength(4);
    });

    test('contacts.upsert arranges data directly and refuses what HubSpot would', () => {
        server.contacts.upsert('10', { email: 'z@example.com', lastmodifieddate: '2026-01-01T00:00:00Z' });
        expect(server.contacts.get('10')?.properties).toMatchObject({ email: 'z@example.com', hs_object_id: '10', lastmodifieddate: '2026-01-01T00:00:00.000Z' });
        expect(() => server.contacts.upsert('10', { lifecyclestage: 'nope' })).toThrow(/not one of the allowed options/);
        server.contacts.remove('10');
        expect(server.contacts.get('10')).toBeUndefined();
    });
});

describe('authentication', () => {
    test.each([['a wrong token', 'wrong'], ['no token', '']])('%s gets HubSpot 401 body on every endpoint', async (_name, token) => {
        for (const [method, path] of [['GET', '/crm/v3/properties/contacts'], ['POST', '/crm/v3/objects/contacts/search'], ['POST', '/crm/v3/objects/contacts/batch/read']]) {
            const result = await call(server, method, path, method === 'POST' ? {} : undefined, token);
            expect(result.status).toBe(401);
            expect(result.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
        }
    });
});
