import { readFileSync } from 'node:fs';
import { startHubSpotTestServer, type HubSpotPropertyDefinition, type HubSpotTestServer, type HubSpotTestServerOptions } from '../src/index.js';

/** The path of the fixture data (the format of the CLI's --data file). */
export const DATA_FILE = new URL('fixtures/hubspot-data.json', import.meta.url);

const DATA = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as { properties: HubSpotPropertyDefinition[]; contacts: NonNullable<HubSpotTestServerOptions['contacts']> };

/** The fixture property definitions: strings, an enumeration, a multiple checkbox, a number, a date, a datetime and a bool. */
export const PROPERTIES = DATA.properties;

/** Four contacts over PROPERTIES (ids 1 to 4), with some values missing. */
export const CONTACTS = DATA.contacts;

/** A server with the fixture data and no rate limit, unless options say otherwise. */
export function startFixtureServer(options: HubSpotTestServerOptions = {}): Promise<HubSpotTestServer> {
    return startHubSpotTestServer({ properties: PROPERTIES, contacts: CONTACTS, rateLimit: false, ...options });
}

/** Calls the server as any HTTP client would; the body is parsed JSON (undefined when empty). */
export async function call(server: HubSpotTestServer, method: string, path: string, body?: unknown, token = server.accessToken): Promise<{ status: number; headers: Headers; body: any }> {
    const response = await fetch(server.url + path, {
        method,
        headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** Searches contacts and returns the status and the body. */
export function search(server: HubSpotTestServer, body: unknown): ReturnType<typeof call> {
    return call(server, 'POST', '/crm/v3/objects/contacts/search', body);
}

/** The ids of the contacts one filter (in one group) matches. */
export async function idsWhere(server: HubSpotTestServer, filter: Record<string, unknown>): Promise<string[]> {
    const result = await search(server, { filterGroups: [{ filters: [filter] }], limit: 200 });
    if (result.status !== 200) {
        throw new Error(`search answered ${result.status}: ${JSON.stringify(result.body)}`);
    }
    return result.body.results.map((contact: { id: string }) => contact.id);
}
