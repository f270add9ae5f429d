import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileSegment, decodeSnapshot } from '@segments/engine';
import type { SegmentBundleIR } from '@segments/ir';
import { SeededRandom } from '@segments/sample-data';
import { startHubSpotTestServer, type HubSpotTestServer } from '@segments/hubspot-test-server';
import {
    contactRecord,
    createHubSpotClient,
    HubSpotApiError,
    HubSpotPollError,
    pollHubSpotSegment,
    type HubSpotClient,
    type HubSpotContact,
    type HubSpotProperty,
} from '../../src/index.js';
import { CONTACT_PROPERTIES } from './fixtures/contact-properties.js';
import { compileSegments } from './segment-bundles.js';

/**
 * The fault-injection suite: 1,000 polls of a segment over the HubSpot test server, with random
 * data changes between polls (created, updated and deleted contacts, through HubSpot's write
 * endpoints) and random 429s, 500s, timeouts and truncated pages injected into the reads. After
 * every poll, the changes it emitted are checked against the truth computed by the engine from the
 * server's data directly: nothing spurious, nothing missed. A failed poll emits nothing and keeps
 * the previous snapshot; the next successful one catches up.
 */

const POLLS = 1_000;
const HOUR = 3_600_000;
const schema = readFileSync(new URL('fixtures/contact.segment', import.meta.url), 'utf8');
const SEGMENT = `
segment engaged_buyers of Contact {
  where (revenue > 500 and country in ("US", "CA"))
     or (lifecyclestage = "lead" and last_contacted within last 3 days)
     or (opted_out = false and birthday after 1990-01-01 and visits >= 3)
  exclude lead_status = "bad" or email ends with "@competitor.com"
}`;

describe('polling HubSpot under injected faults', () => {
    let server: HubSpotTestServer;
    let client: HubSpotClient;
    let bundle: SegmentBundleIR;
    beforeAll(async () => {
        bundle = (await compileSegments(schema, SEGMENT, 'Europe/Paris')).get('engaged_buyers')!;
        server = await startHubSpotTestServer({ rateLimit: false, properties: CONTACT_PROPERTIES.filter((p) => p.name !== 'hs_object_id') });
        client = createHubSpotClient({ accessToken: server.accessToken, baseUrl: server.url, maxRetries: 2, timeoutMs: 40, requestsPerSecond: 10_000, sleep: () => Promise.resolve() });
    });
    afterAll(() => server.close());

    test(`${POLLS} polls: zero spurious and zero missed entries and exits`, async () => {
        const random = new SeededRandom(20_261_115);
        const changes = new DataChanges(server, random);
        for (let i = 0; i < 120; i++) await changes.create();
        const definitions = (await client.listContactProperties()) as HubSpotProperty[];
        const byName = new Map(definitions.map((d) => [d.name, d]));
        const truthAt = (now: Date): Set<string> => {
            const evaluator = compileSegment(bundle).prepare({ now });
            return new Set(server.contacts.all().filter((c) => evaluator.isMember(contactRecord(asContact(c), byName))).map((c) => c.id));
        };

        // A timeout costs its real `timeoutMs`, so it is drawn less often than the other faults.
        server.faults.random({ seed: 7, probability: 0.2, kinds: ['rate-limit', 'server-error', 'truncated', 'rate-limit', 'server-error', 'truncated', 'timeout'] });
        let snapshot: Uint8Array | undefined;
        let believed = new Set<string>();
        const totals = { polls: 0, failed: 0, entries: 0, exits: 0, spurious: 0, missed: 0 };
        let now = new Date('2026-03-01T00:00:00Z');
        for (let poll = 0; poll < POLLS; poll++) {
            await changes.applySome(random.int(0, 5), now);
            now = new Date(now.getTime() + random.int(0, 6) * HOUR);
            totals.polls++;
            let result;
            try {
                result = await pollHubSpotSegment({ client, bundle, now, previous: snapshot, properties: ['email'], pageSize: 40 });
            } catch (error) {
                expect(error instanceof HubSpotApiError || error instanceof HubSpotPollError, String(error)).toBe(true);
                totals.failed++;
                continue;
            }
            const truth = truthAt(now);
            if (snapshot === undefined) {
                expect(result.firstRun).toBe(true);
                believed = new Set(decodeSnapshot(result.snapshot));
            } else {
                for (const contact of result.entered) {
                    if (!truth.has(contact.id) || believed.has(contact.id)) totals.spurious++;
                    believed.add(contact.id);
                }
                for (const exit of result.exited) {
                    if (truth.has(exit.id) || !believed.has(exit.id)) totals.spurious++;
                    if (exit.deleted !== (server.contacts.get(exit.id) === undefined) || exit.deleted === (exit.contact !== undefined)) totals.spurious++;
                    believed.delete(exit.id);
                }
                totals.entries += result.entered.length;
                totals.exits += result.exited.length;
            }
            totals.missed += [...truth].filter((id) => !believed.has(id)).length;
            totals.spurious += [...believed].filter((id) => !truth.has(id)).length;
            believed = new Set(truth);
            snapshot = result.snapshot;
        }
        server.faults.clear();
        console.log(`fault injection: ${totals.polls} polls, ${totals.failed} failed polls, ${totals.entries} entries, ${totals.exits} exits (${changes.deleted} contacts deleted), spurious ${totals.spurious}, missed ${totals.missed}`);
        expect({ spurious: totals.spurious, missed: totals.missed }).toEqual({ spurious: 0, missed: 0 });
        // The suite means something only if faults did fail polls and memberships did change.
        expect(totals.failed).toBeGreaterThan(5);
        expect(totals.entries).toBeGreaterThan(80);
        expect(totals.exits).toBeGreaterThan(80);
        const kinds = new Set(server.requests.map((r) => r.fault).filter((f) => f !== undefined));
        expect([...kinds].sort()).toEqual(['rate-limit', 'server-error', 'timeout', 'truncated']);
    }, 120_000);
});

/** A stored contact as the API returns it. */
function asContact(stored: { id: string; properties: Readonly<Record<string, string>>; createdAt: string; updatedAt: string }): HubSpotContact {
    return { id: stored.id, properties: { ...stored.properties }, createdAt: stored.createdAt, updatedAt: stored.updatedAt, archived: false };
}

/** Random creates, updates and deletes through HubSpot's write endpoints. */
class DataChanges {
    deleted = 0;
    constructor(
        private readonly server: HubSpotTestServer,
        private readonly random: SeededRandom,
    ) {}

    async applySome(count: number, now: Date): Promise<void> {
        for (let i = 0; i < count; i++) {
            const ids = this.server.contacts.all().map((c) => c.id);
            const roll = this.random.next();
            if (roll < 0.2 || ids.length < 20) await this.create(now);
            else if (roll < 0.3) {
                await this.call('DELETE', `/${this.random.pick(ids)}`);
                this.deleted++;
            } else await this.call('PATCH', `/${this.random.pick(ids)}`, { properties: this.properties(now, true) });
        }
    }

    async create(now = new Date('2026-03-01T00:00:00Z')): Promise<void> {
        await this.call('POST', '', { properties: this.properties(now, false) });
    }

    /** Values around the segment's thresholds; an update changes two to four properties (sometimes clearing one). */
    private properties(now: Date, partial: boolean): Record<string, string | null> {
        const r = this.random;
        const all: Record<string, () => string | null> = {
            total_revenue: () => String(r.pick([100, 499, 500, 501, 2000])),
            country: () => r.pick(['US', 'us', 'CA', 'FR', 'Ca']),
            lifecyclestage: () => r.pick(['lead', 'customer', 'subscriber']),
            notes_last_contacted: () => new Date(now.getTime() - r.int(0, 6 * 24) * HOUR).toISOString(),
            hs_email_optout: () => r.pick(['true', 'false']),
            date_of_birth: () => r.pick(['1985-06-01', '1990-01-01', '1990-01-02', '2001-12-31']),
            hs_analytics_num_visits: () => String(r.int(0, 6)),
            hs_lead_status: () => r.pick(['NEW', 'OPEN', 'bad']),
            email: () => `${r.pick(['ada', 'bob', 'eve'])}${r.int(1, 999)}@${r.pick(['example.com', 'competitor.com', 'COMPETITOR.com'])}`,
        };
        const names = partial ? Array.from({ length: r.int(2, 4) }, () => r.pick(Object.keys(all))) : Object.keys(all).filter(() => r.chance(0.8));
        return Object.fromEntries(names.map((name) => [name, partial && r.chance(0.1) ? null : all[name]()]));
    }

    private async call(method: string, path: string, body?: unknown): Promise<void> {
        const response = await fetch(`${this.server.url}/crm/v3/objects/contacts${path}`, {
            method,
            headers: { authorization: `Bearer ${this.server.accessToken}`, 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
    }
}
