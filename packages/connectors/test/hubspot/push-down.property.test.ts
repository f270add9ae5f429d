import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileSegment, csvListValues, type ListSource } from '@segments/engine';
import type { ListIR, SegmentBundleIR } from '@segments/ir';
import { hashSeed, SeededRandom } from '@segments/sample-data';
import { startHubSpotTestServer } from '@segments/hubspot-test-server';
import { contactRecord, createHubSpotClient, planHubSpotSearch, pollHubSpotSegment, searchAll } from '../../src/index.js';
import { buildCases } from '../../../../test/conformance/corpus-project.js';
import { loadCorpus } from '../../../../test/conformance/corpus.js';
import { literalsOf, propertiesForSchema, RandomContactValues, type PropertyOverride } from './random-contacts.js';
import { compileBundles } from './segment-bundles.js';

/**
 * The push-down property: for random HubSpot data, the members the poller finds (the pushed-down
 * search through the test server, then the engine) are exactly the members the engine finds in
 * every contact. Segments: every case of the conformance corpus and every example segment.
 */

const CONTACTS = 150;
/** Fields typed against the grain, so that the traps are exercised: text over a case-sensitive enumeration, a number over text. */
const OVERRIDES: Record<string, PropertyOverride> = {
    state: { type: 'enumeration', fieldType: 'select' },
    lifetime_points: { type: 'string', fieldType: 'text' },
    job_title: { type: 'phone_number', fieldType: 'phonenumber' },
};

interface Subject {
    name: string;
    bundle: SegmentBundleIR;
    now: string;
    lists?: ListSource;
}

const EXAMPLES = new URL('../../../../examples/', import.meta.url).pathname;

function exampleFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== 'invalid') walk(path);
            else if (entry.name.endsWith('.segment') || entry.name === 'segment.config.json' || entry.name.endsWith('.csv')) files[`/examples/${relative(EXAMPLES, path)}`] = readFileSync(path, 'utf8');
        }
    };
    walk(EXAMPLES);
    return files;
}

async function subjects(): Promise<Subject[]> {
    const all: Subject[] = [];
    for (const { testCase, project } of await buildCases(loadCorpus())) {
        if (!project) continue;
        all.push({ name: `corpus ${testCase.id}`, bundle: project.bundle, now: testCase.now, lists: { values: (list: ListIR) => csvListValues(project.csv(list), list.by) } });
    }
    const files = exampleFiles();
    const lists: ListSource = { values: (list: ListIR) => csvListValues(files[new URL(list.uri).pathname], list.by) };
    for (const [name, bundle] of await compileBundles(files)) all.push({ name: `example ${name}`, bundle, now: '2026-11-20T12:00:00Z', lists });
    return all;
}

describe('push-down on random HubSpot data', () => {
    let all: Subject[] = [];
    beforeAll(async () => {
        all = await subjects();
    }, 120_000);

    test('the pushed-down poll finds exactly the members the engine finds in every contact', async () => {
        expect(all.length).toBeGreaterThan(250);
        let narrowed = 0;
        const mismatches: string[] = [];
        for (const subject of all) {
            const random = new SeededRandom(hashSeed(subject.name));
            const definitions = propertiesForSchema(subject.bundle.schema, OVERRIDES);
            const values = new RandomContactValues(random, definitions, literalsOf([subject.bundle]));
            const now = new Date(subject.now);
            const server = await startHubSpotTestServer({ properties: definitions, rateLimit: false });
            try {
                for (let i = 1; i <= CONTACTS; i++) server.contacts.upsert(String(i), values.contact(now.getTime()));
                const client = createHubSpotClient({ accessToken: server.accessToken, baseUrl: server.url, requestsPerSecond: 10_000 });
                const served = await client.listContactProperties();
                const plan = planHubSpotSearch(subject.bundle, { definitions: served, now });
                const everyone = await searchAll(client, { filterGroups: [], properties: plan.properties });
                const evaluator = compileSegment(subject.bundle, subject.lists ? { lists: subject.lists } : {}).prepare({ now });
                const byName = new Map(served.map((d) => [d.name, d]));
                const truth = everyone.contacts.filter((c) => evaluator.isMember(contactRecord(c, byName))).map((c) => c.id);

                const poll = await pollHubSpotSegment({ client, bundle: subject.bundle, now, previous: undefined, firstRun: 'emitAll', lists: subject.lists, definitions: served });
                const found = poll.entered.map((c) => c.id);
                if (JSON.stringify(found) !== JSON.stringify(truth)) {
                    mismatches.push(`${subject.name}: missed ${truth.filter((id) => !found.includes(id)).join(',')}; spurious ${found.filter((id) => !truth.includes(id)).join(',')}; groups ${JSON.stringify(plan.filterGroups)}`);
                }
                const searched = server.requests.filter((r) => r.path.endsWith('/search')).length;
                if (plan.filterGroups === 'none' || (plan.filterGroups.length > 0 && searched > 0)) narrowed++;
            } finally {
                await server.close();
            }
        }
        expect(mismatches).toEqual([]);
        // Most segments push something down (else the property would hold trivially).
        expect(narrowed).toBeGreaterThan(all.length / 2);
    }, 300_000);
});
