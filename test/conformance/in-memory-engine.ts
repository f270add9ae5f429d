import { compileSegment, csvListValues, type ListSource } from '@segments/engine';
import type { ListIR } from '@segments/ir';
import type { ConformanceCase, ConformanceEngine, ConformanceProject, Truth } from './corpus.js';

/**
 * The in-memory engine (`@segments/engine`) as a {@link ConformanceEngine}: compiles the case's
 * bundle with a list source over the case's CSV text, prepares it at the case's `now` (each
 * segment in its own zone, as the bundle says) and tests every record, with the case's separately
 * supplied events when it has them.
 */
export class InMemoryConformanceEngine implements ConformanceEngine {
    readonly name = 'in-memory';

    members(testCase: ConformanceCase, project: ConformanceProject): Promise<string[]> {
        const evaluator = this.evaluator(testCase, project);
        const members = testCase.records.filter((record) => evaluator.isMember(record, this.eventsOf(testCase, evaluator.keyOf(record))));
        return Promise.resolve(members.map((record) => evaluator.keyOf(record) ?? '(no key)'));
    }

    truth(testCase: ConformanceCase, project: ConformanceProject): Promise<Record<string, Truth>> {
        const evaluator = this.evaluator(testCase, project);
        const truths: Record<string, Truth> = {};
        for (const record of testCase.records) {
            const key = evaluator.keyOf(record) ?? '(no key)';
            truths[key] = evaluator.trace(record, this.eventsOf(testCase, key)).where.truth;
        }
        return Promise.resolve(truths);
    }

    protected evaluator(testCase: ConformanceCase, project: ConformanceProject) {
        const lists: ListSource = { values: (list: ListIR) => csvListValues(project.csv(list), list.by) };
        return compileSegment(project.bundle, { lists }).prepare({ now: testCase.now });
    }

    /** The record's events when the case supplies them separately (none for a key it omits); else the record's own. */
    protected eventsOf(testCase: ConformanceCase, key: string | undefined): unknown[] | undefined {
        if (testCase.events === undefined) return undefined;
        return (key === undefined ? undefined : testCase.events[key]) ?? [];
    }
}
