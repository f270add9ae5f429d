#!/usr/bin/env node
/**
 * `hubspot-test-server [--port N] [--token T] [--data contacts.json] [--rate-limit N | --no-rate-limit]`:
 * serves the HubSpot test API until interrupted. The first stdout line is `{"url": "http://127.0.0.1:N"}`.
 *
 * The data file is a JSON array of contacts (`{"id"?, "properties": {...}}`) or an object
 * `{"contacts": [...], "properties"?: [property definitions]}`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startHubSpotTestServer, type HubSpotTestServerOptions } from './hubspot-test-server.js';

const USAGE = 'Usage: hubspot-test-server [--port N] [--token T] [--data contacts.json] [--rate-limit N | --no-rate-limit]';

function readData(file: string): Pick<HubSpotTestServerOptions, 'contacts' | 'properties'> {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(data)) {
        return { contacts: data };
    }
    if (typeof data === 'object' && data !== null && Array.isArray((data as { contacts?: unknown }).contacts)) {
        const { contacts, properties } = data as Pick<HubSpotTestServerOptions, 'contacts' | 'properties'>;
        return properties === undefined ? { contacts } : { contacts, properties };
    }
    throw new Error(`${file}: expected an array of contacts or {"contacts": [...], "properties"?: [...]}`);
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            'port': { type: 'string' },
            'token': { type: 'string' },
            'data': { type: 'string' },
            'rate-limit': { type: 'string' },
            'no-rate-limit': { type: 'boolean' },
            'help': { type: 'boolean' },
        },
    });
    if (values.help) {
        console.log(USAGE);
        return;
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    const rate = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
    if (!Number.isInteger(port) || port < 0 || (rate !== undefined && !(rate > 0))) {
        throw new Error(USAGE);
    }
    const server = await startHubSpotTestServer({
        port,
        ...(values.token === undefined ? {} : { accessToken: values.token }),
        ...(values.data === undefined ? {} : readData(values.data)),
        ...(values['no-rate-limit'] ? { rateLimit: false } : rate === undefined ? {} : { rateLimit: { requestsPerSecond: rate } }),
    });
    console.log(JSON.stringify({ url: server.url }));
    const stop = () => {
        server.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
});
