import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A HubSpot private app's access token, sent as `Authorization: Bearer ...`, and the API's base
 * URL (HubSpot's by default; tests and proxies give another). The app needs the scope
 * `crm.objects.contacts.read`.
 */
export class SegmentsHubSpotApi implements ICredentialType {
    name = 'segmentsHubSpotApi';

    displayName = 'Segments HubSpot API';

    icon: Icon = { light: 'file:segmentsHubSpot.svg', dark: 'file:segmentsHubSpot.dark.svg' };

    documentationUrl = 'https://developers.hubspot.com/docs/api/private-apps';

    properties: INodeProperties[] = [
        {
            displayName: 'Access Token',
            name: 'accessToken',
            type: 'string',
            typeOptions: { password: true },
            default: '',
            required: true,
            description: 'The access token of a HubSpot private app with the crm.objects.contacts.read scope',
        },
        {
            displayName: 'Base URL',
            name: 'baseUrl',
            type: 'string',
            default: 'https://api.hubapi.com',
            description: 'The HubSpot API\'s base URL. Change it only for a proxy or a test server.',
        },
    ];

    authenticate: IAuthenticateGeneric = {
        type: 'generic',
        properties: {
            headers: {
                Authorization: '=Bearer {{$credentials.accessToken}}',
            },
        },
    };

    test: ICredentialTestRequest = {
        request: {
            baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
            url: '/crm/v3/properties/contacts',
            method: 'GET',
        },
    };
}
