import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodesThatRan, outputItems, parseRunOutput, runError } from './run-data.ts';

/** Real outputs of `n8n execute --rawOutput` (n8n 2.40.7): lines of n8n's services, then the run. */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('parseRunOutput', () => {
    it('reads the run after the lines n8n prints first', () => {
        const run = parseRunOutput(fixture('execute-success.txt'));
        expect(run.status).toBe('success');
        expect(nodesThatRan(run)).toEqual(['Start', 'Probe']);
        expect(runError(run)).toBeUndefined();
    });

    it('reads the run of a failed workflow, after its error lines', () => {
        const run = parseRunOutput(fixture('execute-node-error.txt'));
        expect(runError(run)).toBe('segment.segment:3:5: Unknown field `nope` in this schema.: segment.segment:3:5 error unknown-field: Unknown field `nope` in this schema.');
    });

    it('throws when n8n printed no run', () => {
        expect(() => parseRunOutput('n8n Task Broker ready on 127.0.0.1, port 5679\nError: workflow not found\n')).toThrow(/printed no run JSON/);
    });
});

describe('outputItems', () => {
    it("gives the items of a node's output", () => {
        const run = parseRunOutput(fixture('execute-success.txt'));
        expect(outputItems(run, 'Probe').map((item) => item.json)).toEqual([{ probed: true }]);
        expect(outputItems(run, 'Probe', 1)).toEqual([]);
    });

    it('throws for a node that did not run, or failed', () => {
        const run = parseRunOutput(fixture('execute-success.txt'));
        expect(() => outputItems(run, 'Segment')).toThrow('node "Segment" did not run (nodes that ran: Start, Probe)');
        expect(() => outputItems(parseRunOutput(fixture('execute-node-error.txt')), 'Segment')).toThrow(/node "Segment" failed: segment\.segment:3:5/);
    });
});
