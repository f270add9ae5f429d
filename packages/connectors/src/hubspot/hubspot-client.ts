import { HubSpotApiError } from './hubspot-errors.js';
import { HUBSPOT_SEARCH_LIMITS, type HubSpotBatchReadRequest, type HubSpotContact, type HubSpotProperty, type HubSpotSearchPage, type HubSpotSearchRequest } from './hubspot-types.js';

/** How to reach HubSpot and how patiently. */
export interface HubSpotClientOptions {
    /** A private-app access token, sent as `Authorization: Bearer ...`. */
    accessToken: string;
    /** Default `https://api.hubapi.com`; tests pass a loopback server's URL. */
    baseUrl?: string;
    /** Default `globalThis.fetch`. */
    fetch?: typeof globalThis.fetch;
    /** Retries of one request after a 429, a 5xx, a timeout, a network error or a cut-off body. Default 5. */
    maxRetries?: number;
    /** Client-side pacing of search requests. HubSpot allows about 5 a second per account; default 4. */
    requestsPerSecond?: number;
    /** How long one attempt may take, body included. Default 30,000 ms. */
    timeoutMs?: number;
    /** Waits between attempts and for pacing; injectable so tests need not wait. */
    sleep?: (ms: number) => Promise<void>;
}

/** The HubSpot CRM calls the connector makes. */
export interface HubSpotClient {
    /** `GET /crm/v3/properties/contacts`: the contact properties of the account. */
    listContactProperties(): Promise<HubSpotProperty[]>;
    /** `POST /crm/v3/objects/contacts/search`: one page. Paced at `requestsPerSecond`. */
    searchContacts(request: HubSpotSearchRequest): Promise<HubSpotSearchPage>;
    /** `POST /crm/v3/objects/contacts/batch/read`: the contacts of these ids (any number, read 100 at a time); ids not found are absent. */
    batchReadContacts(ids: string[], properties: string[]): Promise<HubSpotContact[]>;
}

const DEFAULT_BASE_URL = 'https://api.hubapi.com';
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

/** Creates a client of HubSpot's CRM v3 API over `fetch`. */
export function createHubSpotClient(options: HubSpotClientOptions): HubSpotClient {
    return new FetchHubSpotClient(options);
}

/** Why one attempt failed in a way worth retrying. */
interface RetriableFailure {
    /** Says what happened, for the final error. */
    reason: string;
    status?: number;
    category?: string;
    /** Seconds HubSpot asked to wait (429). */
    retryAfterSeconds?: number;
    cause?: unknown;
}

/** The default {@link HubSpotClient}: retries with backoff, honours `Retry-After`, paces searches. */
export class FetchHubSpotClient implements HubSpotClient {
    private readonly baseUrl: string;
    private readonly fetch: typeof globalThis.fetch;
    private readonly maxRetries: number;
    private readonly intervalMs: number;
    private readonly timeoutMs: number;
    private readonly sleep: (ms: number) => Promise<void>;
    private nextSearchAt = 0;

    constructor(private readonly options: HubSpotClientOptions) {
        this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
        this.fetch = options.fetch ?? globalThis.fetch;
        this.maxRetries = options.maxRetries ?? 5;
        this.intervalMs = 1000 / (options.requestsPerSecond ?? 4);
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    }

    async listContactProperties(): Promise<HubSpotProperty[]> {
        const body = (await this.send('GET', '/crm/v3/properties/contacts', undefined, false)) as { results?: HubSpotProperty[] };
        if (!Array.isArray(body.results)) throw malformed('the property list has no results');
        return body.results;
    }

    async searchContacts(request: HubSpotSearchRequest): Promise<HubSpotSearchPage> {
        const page = (await this.send('POST', '/crm/v3/objects/contacts/search', request, true)) as HubSpotSearchPage;
        if (!Array.isArray(page.results) || typeof page.total !== 'number') throw malformed('a search page has no results or total');
        return page;
    }

    async batchReadContacts(ids: string[], properties: string[]): Promise<HubSpotContact[]> {
        const contacts: HubSpotContact[] = [];
        for (let start = 0; start < ids.length; start += HUBSPOT_SEARCH_LIMITS.maxBatchReadIds) {
            const request: HubSpotBatchReadRequest = { inputs: ids.slice(start, start + HUBSPOT_SEARCH_LIMITS.maxBatchReadIds).map((id) => ({ id })), properties, propertiesWithHistory: [] };
            const body = (await this.send('POST', '/crm/v3/objects/contacts/batch/read', request, false)) as { results?: HubSpotContact[] };
            if (!Array.isArray(body.results)) throw malformed('a batch read has no results');
            contacts.push(...body.results);
        }
        return contacts;
    }

    /** Sends one request, retrying what is worth retrying; returns the parsed JSON body. */
    private async send(method: 'GET' | 'POST', path: string, body: unknown, paced: boolean): Promise<unknown> {
        let failure: RetriableFailure | undefined;
        for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
            if (failure) await this.sleep(this.delayBefore(attempt, failure));
            if (paced) await this.pace();
            const outcome = await this.attempt(method, path, body);
            if (!('reason' in outcome)) return outcome.json;
            failure = outcome;
        }
        throw giveUp(failure!, this.maxRetries);
    }

    /** One attempt: the parsed body, or a retriable failure. Throws a non-retriable {@link HubSpotApiError}. */
    private async attempt(method: string, path: string, body: unknown): Promise<{ json: unknown } | RetriableFailure> {
        let response: Response;
        let text: string;
        try {
            response = await this.fetch(`${this.baseUrl}${path}`, {
                method,
                headers: {
                    authorization: `Bearer ${this.options.accessToken}`,
                    accept: 'application/json',
                    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                },
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(this.timeoutMs),
            });
            text = await response.text();
        } catch (error) {
            const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
            return { reason: timedOut ? `timed out after ${this.timeoutMs} ms` : `network error (${(error as Error).message})`, cause: error };
        }
        const parsed = parseJson(text);
        const status = response.status;
        if (status === 429) {
            const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
            return { reason: 'rate limit', status, category: errorField(parsed, 'category') ?? 'RATE_LIMITS', ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
        }
        if (status >= 500) return { reason: `server error ${status}`, status, category: errorField(parsed, 'category') };
        if (status >= 400) {
            const message = errorField(parsed, 'message') ?? (text.trim().slice(0, 200) || response.statusText);
            const category = errorField(parsed, 'category');
            throw new HubSpotApiError(`HubSpot API error ${status}${category ? ` (${category})` : ''}: ${message}`, { status, category, retriable: false });
        }
        if (parsed === undefined) return { reason: `an unreadable or cut-off response body (${text.length} characters)`, status };
        return { json: parsed };
    }

    /** Milliseconds to wait before `attempt`: HubSpot's `Retry-After`, else exponential backoff with jitter. */
    private delayBefore(attempt: number, failure: RetriableFailure): number {
        if (failure.retryAfterSeconds !== undefined) return failure.retryAfterSeconds * 1000;
        const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
        return ceiling / 2 + Math.random() * (ceiling / 2);
    }

    /** Waits for the next free slot of the search pace. */
    private async pace(): Promise<void> {
        const now = Date.now();
        const at = Math.max(now, this.nextSearchAt);
        this.nextSearchAt = at + this.intervalMs;
        if (at > now) await this.sleep(at - now);
    }
}

function parseJson(text: string): unknown {
    if (text.trim() === '') return undefined;
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return undefined;
    }
}

/** `Retry-After` in seconds: a number of seconds or an HTTP date. */
function parseRetryAfter(header: string | null): number | undefined {
    if (header === null || header.trim() === '') return undefined;
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function errorField(body: unknown, name: 'message' | 'category'): string | undefined {
    const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
}

function malformed(what: string): HubSpotApiError {
    return new HubSpotApiError(`HubSpot answered with an unexpected body: ${what}`, { retriable: false });
}

function giveUp(failure: RetriableFailure, retries: number): HubSpotApiError {
    const details = { status: failure.status, category: failure.category, retriable: true, cause: failure.cause };
    if (failure.status === 429) {
        const last = failure.retryAfterSeconds === undefined ? 'no Retry-After' : `last Retry-After ${failure.retryAfterSeconds} s`;
        return new HubSpotApiError(`HubSpot rate limit: gave up after ${retries} retries (${last})`, details);
    }
    return new HubSpotApiError(`HubSpot request failed: gave up after ${retries} retries (last: ${failure.reason})`, details);
}
