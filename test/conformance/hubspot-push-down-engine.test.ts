import { beforeAll, describe, expect, test } from 'vitest';
import { buildCases, type BuiltCase } from './corpus-project.js';
import { loadCorpus } from './corpus.js';
import { HubSpotPushDownConformanceEngine } from './hubspot-push-down-engine.js';

/**
 * Runs every case of the conformance corpus through the HubSpot push-down path: the members must
 * be the case's, so the pushed filters never leave out a member (the engine then decides exactly).
 */

const corpus = loadCorpus();
const engine = new HubSpotPushDownConformanceEngine();

describe(`the conformance corpus on the ${engine.name} engine`, () => {
    const built = new Map<string, BuiltCase>();
    beforeAll(async () => {
        for (const b of await buildCases(corpus)) built.set(b.testCase.id, b);
    });

    test.each(corpus.map((c) => [`${c.file} ${c.id}: ${c.title}`, c] as const))('%s', async (_, testCase) => {
        const { project, problem } = built.get(testCase.id)!;
        expect(problem).toBeUndefined();
        const members = [...new Set(await engine.members(testCase, project!))].sort();
        expect(members, testCase.why).toEqual([...testCase.expected].sort());
    });
});
