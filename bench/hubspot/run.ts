/**
 * `npm run bench:hubspot`: what pushing a segment down to HubSpot's search saves. Generated
 * contacts are loaded into the loopback HubSpot test server (rate limit off); each segment is then
 * read twice through the real client, in the same process:
 *
 * - **push-down**: the planner's filter groups (a superset of the members), keyset-paged, then
 *   evaluated exactly by the engine, as the Segment Trigger polls;
 * - **full read** (the baseline): every contact, the same properties, evaluated by the engine.
 *
 * It prints, per segment, the contacts each read transferred, its requests and its time, and the
 * ratios. The two reads must give the same members (else the process exits 1: a push-down that
 * loses a member is a bug, whatever it saves). Against real HubSpot, requests are what counts: at
 * about 5 searches a second per account, each request is 0.2 s of the account's budget.
 *
 * Options: `--contacts N` (default 20,000), `--seed S`, `--now ISO` (default 2026-11-20T12:00:00Z).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contactRecord, createHubSpotClient, type HubSpotClient, type HubSpotProperty, planHubSpotSearch, searchAll } from '@segments/connectors';
import { compileSegment } from '@segments/engine';
import { startHubSpotTestServer } from '@segments/hubspot-test-server';
import type { SegmentBundleIR } from '@segments/ir';
import { compileInMemory } from '@segments/language';
import { SeededRandom } from '@segments/sample-data';

const EXAMPLES = resolve(import.meta.dirname, '../../examples/n8n/hubspot');

/** Segments over the examples' HubSpot schema besides the examples' own: pushable, partly pushable, and not at all. */
const BENCH_SEGMENTS = `
segment us_big_spenders of HubSpotContact {
  where country = "United States" and total_revenue > $2_000
}
segment leads_or_lapsed of HubSpotContact {
  where lifecyclestage in ("lead", "marketingqualifiedlead") or notes_last_contacted more than 1 years ago
}
segment opted_in_customers of HubSpotContact {
  where lifecyclestage = "customer" and not hs_email_optout
}
segment example_addresses of HubSpotContact {
  where email ends with "@example.org"
}
`;

const SCHEMA_EXTRA_FIELDS = `
  /** The contact's country/region of residence. */
  country text
  /** Indicates that the current email address has opted out of all email. */
  hs_email_optout boolean
}`;

const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'customer', 'customer', 'evangelist', 'other'];
const COUNTRIES = ['United States', 'United States', 'Canada', 'Germany', 'France', 'United Kingdom', 'Brazil', 'India'];
const DOMAINS = ['example.com', 'example.org', 'example.net'];

const { values } = parseArgs({
    options: { contacts: { type: 'string', default: '20000' }, seed: { type: 'string', default: '7' }, now: { type: 'string', default: '2026-11-20T12:00:00Z' } },
    strict: true,
});
const contactCount = Number(values.contacts);
const now = new Date(values.now);
if (!Number.isSafeInteger(contactCount) || contactCount < 1 || Number.isNaN(now.getTime())) {
    console.error('usage: node bench/hubspot/run.ts [--contacts N] [--seed S] [--now ISO]');
    process.exit(2);
}

/** Compiles the examples' HubSpot schema and segments with the benchmark's own, as the CLI would. */
async function compileBundles(): Promise<Map<string, SegmentBundleIR>> {
    const schema = readFileSync(resolve(EXAMPLES, 'contact.segment'), 'utf8').replace(/\}\s*$/, SCHEMA_EXTRA_FIELDS);
    const files: Record<string, string> = {
        '/p/segment.config.json': '{ "timezone": "America/New_York" }',
        '/p/contact.segment': schema,
        '/p/high_value_customers.segment': readFileSync(resolve(EXAMPLES, 'high_value_customers.segment'), 'utf8'),
        '/p/active_customers.segment': readFileSync(resolve(EXAMPLES, 'active_customers.segment'), 'utf8'),
        '/p/bench.segment': BENCH_SEGMENTS,
    };
    return compileInMemory(files);
}

/** Contacts with HubSpot's property values: some properties missing, as in a real account. */
function generateContacts(count: number, random: SeededRandom): Array<{ properties: Record<string, string | number | boolean> }> {
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random.next() * values.length)]!;
    const contacts = [];
    for (let i = 0; i < count; i++) {
        const properties: Record<string, string | number | boolean> = { email: `contact${i}@${pick(DOMAINS)}`, firstname: `Contact${i}` };
        if (random.next() < 0.95) properties['lifecyclestage'] = pick(STAGES);
        if (random.next() < 0.7) properties['total_revenue'] = Math.round(random.next() * random.next() * 10_000 * 100) / 100;
        if (random.next() < 0.8) properties['notes_last_contacted'] = new Date(now.getTime() - random.next() * 2 * 365 * 86_400_000).toISOString();
        if (random.next() < 0.9) properties['country'] = pick(COUNTRIES);
        if (random.next() < 0.9) properties['hs_email_optout'] = random.next() < 0.2;
        contacts.push({ properties });
    }
    return contacts;
}

interface Read {
    contacts: number;
    requests: number;
    ms: number;
    members: string[];
}

/** Reads with `filterGroups` (none: every contact) and evaluates every contact read with the engine. */
async function read(client: HubSpotClient, bundle: SegmentBundleIR, definitions: ReadonlyMap<string, HubSpotProperty>, filterGroups: Parameters<typeof searchAll>[1]['filterGroups'] | 'none', properties: string[]): Promise<Read> {
    const evaluator = compileSegment(bundle).prepare({ now });
    const started = performance.now();
    const result = filterGroups === 'none' ? { contacts: [], requests: 0 } : await searchAll(client, { filterGroups, properties });
    const members = result.contacts.filter((contact) => evaluator.isMember(contactRecord(contact, definitions))).map((contact) => contact.id);
    return { contacts: result.contacts.length, requests: result.requests, ms: performance.now() - started, members };
}

const numbers = new Intl.NumberFormat('en-US');
const ratio = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

const bundles = await compileBundles();
const server = await startHubSpotTestServer({ rateLimit: false, contacts: generateContacts(contactCount, new SeededRandom(Number(values.seed))) });
let disagreements = 0;
try {
    const client = createHubSpotClient({ accessToken: server.accessToken, baseUrl: server.url, requestsPerSecond: 1_000 });
    const definitionList = await client.listContactProperties();
    const definitions = new Map(definitionList.map((definition) => [definition.name, definition]));
    console.log(`HubSpot push-down on ${numbers.format(contactCount)} generated contacts (loopback test server), now = ${now.toISOString()}\n`);
    console.log(`${'segment'.padEnd(22)} ${'members'.padStart(8)}   ${'push-down: contacts  requests     ms'.padEnd(38)} ${'full read: contacts  requests     ms'.padEnd(38)} share read  share requests`);
    for (const [name, bundle] of bundles) {
        const plan = planHubSpotSearch(bundle, { definitions: definitionList, now });
        const pushed = await read(client, bundle, definitions, plan.filterGroups, plan.properties);
        const full = await read(client, bundle, definitions, [], plan.properties);
        const same = pushed.members.length === full.members.length && pushed.members.every((id, i) => id === full.members[i]);
        if (!same) disagreements++;
        const cells = (r: Read) => `${numbers.format(r.contacts).padStart(19)} ${String(r.requests).padStart(9)} ${r.ms.toFixed(0).padStart(6)}`;
        console.log(
            `${name.padEnd(22)} ${numbers.format(full.members.length).padStart(8)}   ${cells(pushed).padEnd(38)} ${cells(full).padEnd(38)} ${ratio(pushed.contacts, full.contacts).padStart(10)}  ${ratio(pushed.requests, full.requests).padStart(14)}${same ? '' : '  DIFFERENT MEMBERS'}`,
        );
    }
} finally {
    await server.close();
}
if (disagreements > 0) {
    console.error(`\n${disagreements} segment(s) with different members: the push-down lost or added members`);
    process.exit(1);
}
console.log('\nBoth reads gave the same members for every segment. Against HubSpot (about 5 searches a second per account), requests are the cost that matters.');
