import { beforeAll, describe, expect, test } from 'vitest';
import { buildCases, type BuiltCase } from './corpus-project.js';
import { type ConformanceEngine, loadCorpus, type Truth } from './corpus.js';

/**
 * Runs every case of the conformance corpus through an engine: its members must be the case's,
 * and, when the engine reports truth values (`truth`), those the case states too. A failure is an
 * engine bug (or a corpus bug, to be argued from the specification): expectations are never
 * copied from an engine's output.
 */
export function describeConformance(engine: ConformanceEngine): void {
    const corpus = loadCorpus();
    describe(`the conformance corpus on the ${engine.name} engine`, () => {
        const built = new Map<string, BuiltCase>();
        beforeAll(async () => {
            for (const b of await buildCases(corpus)) built.set(b.testCase.id, b);
        });

        test.each(corpus.map((c) => [`${c.file} ${c.id}: ${c.title}`, c] as const))('%s', async (_, testCase) => {
            const { project, problem } = built.get(testCase.id)!;
            expect(problem).toBeUndefined();
            const members = [...new Set(await engine.members(testCase, project!))].sort();
            if (!engine.truth) {
                expect(members, testCase.why).toEqual([...testCase.expected].sort());
                return;
            }
            const expectedTruth = testCase.truth ?? {};
            const truths = await engine.truth(testCase, project!);
            const truth: Record<string, Truth | undefined> = Object.fromEntries(Object.keys(expectedTruth).map((key) => [key, truths[key]]));
            expect({ members, truth }, testCase.why).toEqual({ members: [...testCase.expected].sort(), truth: expectedTruth });
        });
    });
}
