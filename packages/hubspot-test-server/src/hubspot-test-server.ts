/**
 * A HubSpot CRM v3 contacts API on loopback for tests: search with HubSpot's filter semantics and limits,
 * property metadata, batch read and the write endpoints, with a secondly search rate limit and injected
 * faults. Plain node:http, no dependencies.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContactStore, PropertyValuesError, type PropertyWrites, type StoredContact } from './contact-store.js';
import { contactJson, type ContactJson } from './contact-json.js';
import { parseSearchRequest, runSearch } from './contact-search.js';
import { FaultPlan, type HubSpotFault, type HubSpotFaults } from './faults.js';
import { authenticationError, notFoundError, rateLimitError, serverError, validationError, type HubSpotErrorResponse } from './hubspot-errors.js';
import { servedProperties, type HubSpotPropertyDefinition } from './property-definitions.js';
import { RateLimiter } from './rate-limiter.js';

/** How to start a test server. */
export interface HubSpotTestServerOptions {
    /** The private-app token the server accepts (default 'test-token'); other tokens get HubSpot's 401. */
    accessToken?: string;
    /** Port on 127.0.0.1 (default 0: any free port). */
    port?: number;
    /** Contact property definitions (default: a realistic set of HubSpot's standard ones); the system properties are always added. */
    properties?: HubSpotPropertyDefinition[];
    /** Contacts to start with; without an id they get the next free one. */
    contacts?: Array<{ id?: string; properties: PropertyWrites }>;
    /** The secondly limit of the search endpoint (default HubSpot's 5 a second); false for none. */
    rateLimit?: { requestsPerSecond: number } | false;
    /** The clock that stamps createdate and lastmodifieddate (default the system clock). */
    clock?: () => Date;
}

/** The contacts of a running server, for tests to arrange and inspect data without HTTP. */
export interface HubSpotTestContacts {
    /** Creates the contact or changes the given properties (null, undefined or '' clears one); throws on values HubSpot would refuse. */
    upsert(id: string, properties: PropertyWrites): StoredContact;
    /** Deletes (archives) a contact. */
    remove(id: string): void;
    get(id: string): StoredContact | undefined;
    /** All contacts by ascending id. */
    all(): StoredContact[];
    clear(): void;
}

/** A request the server received, for assertions. */
export interface RecordedRequest {
    method: string;
    /** The path without the query string. */
    path: string;
    query: string;
    /** The parsed JSON body (undefined when there was none, or when the token was refused before it was read). */
    body: unknown;
    /** The status answered; undefined when a timeout fault kept the request unanswered. */
    status: number | undefined;
    /** The injected fault, if one struck. */
    fault?: HubSpotFault['kind'];
}

/** A running test server. */
export interface HubSpotTestServer {
    /** Base URL (http://127.0.0.1:port), the `basePath` of HubSpot's SDK. */
    readonly url: string;
    readonly accessToken: string;
    readonly contacts: HubSpotTestContacts;
    readonly faults: HubSpotFaults;
    /** Every request so far, in order. */
    readonly requests: readonly RecordedRequest[];
    /** Stops listening and drops every connection (including requests held by timeout faults). */
    close(): Promise<void>;
}

/** An answer to send: a status, a JSON body (none for 204) and headers. */
interface Answer {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}

const CONTACTS = '/crm/v3/objects/contacts';
const BATCH_READ_LIMIT = 100;

function fromError(error: HubSpotErrorResponse): Answer {
    return { status: error.status, body: error.body, headers: error.headers };
}

function propertyValuesAnswer(error: PropertyValuesError): Answer {
    return fromError(validationError(`Property values were not valid: ${JSON.stringify(error.problems.map((problem) => ({ isValid: false, message: problem.message, error: problem.error, name: problem.name })))}`,
        error.problems.map((problem) => ({ message: problem.message, code: problem.error, context: { propertyName: [problem.name] } }))));
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

/** Starts a HubSpot test server on 127.0.0.1. */
export async function startHubSpotTestServer(options: HubSpotTestServerOptions = {}): Promise<HubSpotTestServer> {
    const accessToken = options.accessToken ?? 'test-token';
    const served = servedProperties(options.properties);
    const definitions = new Map<string, HubSpotPropertyDefinition>(served.map((property) => [property.name, property]));
    const clock = options.clock ?? (() => new Date());
    const store = new ContactStore(definitions, clock);
    for (const contact of options.contacts ?? []) {
        store.create(contact.properties, 'test', contact.id);
    }
    const faults = new FaultPlan();
    const limit = options.rateLimit ?? { requestsPerSecond: 5 };
    const limiter = limit === false ? undefined : new RateLimiter(limit.requestsPerSecond);
    const requests: RecordedRequest[] = [];
    const known = (name: string) => definitions.has(name);

    const requestedProperties = (query: URLSearchParams): string[] => query.getAll('properties').flatMap((value) => value.split(',')).filter((name) => name !== '');

    function batchRead(body: unknown): Answer {
        if (!isRecord(body) || !Array.isArray(body.inputs) || !body.inputs.every((input) => isRecord(input) && typeof input.id === 'string')) {
            return fromError(validationError('inputs must be an array of {"id": string}'));
        }
        if (body.inputs.length > BATCH_READ_LIMIT) {
            return fromError(validationError(`Too many inputs: ${body.inputs.length}. A batch can read at most ${BATCH_READ_LIMIT} objects.`));
        }
        const idProperty = typeof body.idProperty === 'string' && body.idProperty !== 'hs_object_id' ? body.idProperty : undefined;
        const properties = Array.isArray(body.properties) ? body.properties.filter((name): name is string => typeof name === 'string') : undefined;
        const ids = [...new Set((body.inputs as Array<{ id: string }>).map((input) => input.id))];
        const find = (id: string): StoredContact | undefined => idProperty === undefined
            ? store.get(id)
            : store.all().find((contact) => (contact.properties[idProperty] ?? '').toLowerCase() === id.toLowerCase());
        const results: ContactJson[] = [];
        const missing: string[] = [];
        for (const id of ids) {
            const contact = find(id);
            if (contact) {
                results.push(contactJson(contact, properties, known));
            } else {
                missing.push(id);
            }
        }
        const now = new Date().toISOString();
        const answer = { status: 'COMPLETE', results, startedAt: now, completedAt: now };
        if (missing.length === 0) {
            return { status: 200, body: answer };
        }
        return {
            status: 207,
            body: {
                ...answer, numErrors: 1,
                errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.', context: { ids: missing } }],
            },
        };
    }

    function write(body: unknown, change: (writes: PropertyWrites) => StoredContact | undefined, created: boolean): Answer {
        if (!isRecord(body) || !isRecord(body.properties)) {
            return fromError(validationError('The body must be {"properties": {name: value}}'));
        }
        const writes = body.properties as PropertyWrites;
        try {
            const contact = change(writes);
            return contact
                ? { status: created ? 201 : 200, body: contactJson(contact, Object.keys(writes), known) }
                : fromError(notFoundError());
        } catch (error) {
            if (error instanceof PropertyValuesError) {
                return propertyValuesAnswer(error);
            }
            throw error;
        }
    }

    /** The answer to a read request, or undefined when the route is not a read. */
    function read(method: string, path: string, query: URLSearchParams, body: unknown): Answer | undefined {
        if (method === 'GET' && path === '/crm/v3/properties/contacts') {
            return { status: 200, body: { results: served } };
        }
        if (method === 'POST' && path === `${CONTACTS}/search`) {
            const search = parseSearchRequest(body, definitions);
            return 'status' in search ? fromError(search) : { status: 200, body: runSearch(search, store.all(), definitions) };
        }
        if (method === 'POST' && path === `${CONTACTS}/batch/read`) {
            return batchRead(body);
        }
        const single = method === 'GET' ? /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path) : null;
        if (single) {
            const contact = store.get(decodeURIComponent(single[1]));
            return contact ? { status: 200, body: contactJson(contact, requestedProperties(query), known) } : fromError(notFoundError());
        }
        return undefined;
    }

    /** The answer to a write request (or a 404 for any other route). */
    function change(method: string, path: string, body: unknown): Answer {
        if (method === 'POST' && path === CONTACTS) {
            return write(body, (writes) => store.create(writes, 'api'), true);
        }
        const single = /^\/crm\/v3\/objects\/contacts\/([^/]+)$/.exec(path);
        if (single && method === 'PATCH') {
            const id = decodeURIComponent(single[1]);
            return write(body, (writes) => store.update(id, writes, 'api'), false);
        }
        if (single && method === 'DELETE') {
            store.remove(decodeURIComponent(single[1]));
            return { status: 204 };
        }
        return fromError(notFoundError(`No route for ${method} ${path}`));
    }

    function send(response: ServerResponse, answer: Answer, recorded: RecordedRequest, truncate = false): void {
        recorded.status = answer.status;
        const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
        response.writeHead(answer.status, {
            ...(text === '' ? {} : { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }),
            ...answer.headers,
        });
        if (truncate) {
            response.write(text.slice(0, Math.floor(text.length / 2)), () => response.socket?.destroy());
        } else {
            response.end(text);
        }
    }

    async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const method = request.method ?? 'GET';
        const text = await readBody(request);
        const recorded: RecordedRequest = { method, path: url.pathname, query: url.search, body: undefined, status: undefined };
        requests.push(recorded);
        if (request.headers.authorization !== `Bearer ${accessToken}`) {
            send(response, fromError(authenticationError()), recorded);
            return;
        }
        if (text !== '') {
            try {
                recorded.body = JSON.parse(text);
            } catch {
                send(response, fromError(validationError('Invalid input JSON: the body is not valid JSON')), recorded);
                return;
            }
        }
        const isRead = (method === 'GET' && url.pathname.startsWith('/crm/v3/')) || (method === 'POST' && (url.pathname === `${CONTACTS}/search` || url.pathname === `${CONTACTS}/batch/read`));
        const fault = isRead ? faults.take() : undefined;
        if (fault) {
            recorded.fault = fault.kind;
        }
        switch (fault?.kind) {
            case 'rate-limit':
                send(response, fromError(rateLimitError(fault.retryAfterSeconds ?? 1)), recorded);
                return;
            case 'server-error':
                send(response, fromError(serverError(fault.status ?? 500)), recorded);
                return;
            case 'timeout':
                return;
        }
        if (limiter && method === 'POST' && url.pathname === `${CONTACTS}/search`) {
            const wait = limiter.admit();
            if (wait !== undefined) {
                send(response, fromError(rateLimitError(wait)), recorded);
                return;
            }
        }
        const answer = read(method, url.pathname, url.searchParams, recorded.body) ?? change(method, url.pathname, recorded.body);
        send(response, answer, recorded, fault?.kind === 'truncated');
    }

    const server = createServer((request, response) => {
        handle(request, response).catch((error: unknown) => {
            if (!response.headersSent) {
                response.writeHead(500, { 'Content-Type': 'application/json;charset=utf-8' });
            }
            response.end(JSON.stringify(serverError(500).body));
            console.error(error);
        });
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;

    return {
        url: `http://127.0.0.1:${port}`,
        accessToken,
        contacts: {
            upsert: (id, properties) => store.upsert(id, properties, 'test'),
            remove: (id) => {
                store.remove(id);
            },
            get: (id) => store.get(id),
            all: () => store.all(),
            clear: () => store.clear(),
        },
        faults,
        requests,
        close: () => new Promise<void>((resolve, reject) => {
            server.close((error) => (error ? reject(error) : resolve()));
            server.closeAllConnections();
        }),
    };
}
