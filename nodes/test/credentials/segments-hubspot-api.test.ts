import { startHubSpotTestServer, type HubSpotTestServer } from '@segments/hubspot-test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentsHubSpotApi } from '../../credentials/SegmentsHubSpotApi.credentials.js';
import { testCredentials } from '../harness/index.js';

describe('Segments HubSpot API credentials', () => {
    let hubspot: HubSpotTestServer;

    beforeAll(async () => {
        hubspot = await startHubSpotTestServer({ accessToken: 'pat-na1-good' });
    });

    afterAll(async () => {
        await hubspot.close();
    });

    it('passes the credential test with a valid token, sent as a Bearer token to the properties endpoint', async () => {
        const result = await testCredentials(new SegmentsHubSpotApi(), { accessToken: 'pat-na1-good', baseUrl: `${hubspot.url}/` });
        expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
        const request = hubspot.requests.at(-1)!;
        expect([request.method, request.path, request.status]).toEqual(['GET', '/crm/v3/properties/contacts', 200]);
    });

    it('fails the credential test with a token HubSpot refuses', async () => {
        const result = await testCredentials(new SegmentsHubSpotApi(), { accessToken: 'pat-na1-revoked', baseUrl: hubspot.url });
        expect(result).toEqual({ status: 'Error', message: 'Received HTTP status code: 401' });
    });

    it('defaults the base URL to HubSpot\'s API', () => {
        const baseUrl = new SegmentsHubSpotApi().properties.find((property) => property.name === 'baseUrl');
        expect(baseUrl?.default).toBe('https://api.hubapi.com');
    });
});
