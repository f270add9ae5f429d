import { compileSegment } from '@segments/engine';
import { isSegment } from '@segments/language';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FileListSource } from '../../src/evaluation/list-source.js';
import { DefaultWorkspaceLoader } from '../../src/workspace-loader.js';
import { segment } from '../cli-test-utils.js';

const examples = resolve(import.meta.dirname, '../../../../examples');
const NOW = '2026-03-01T12:00:00Z';

/** The members of an example segment in a data file, evaluated in-process with the engine: what the command must print. */
async function expectedMembers(name: string, data: string): Promise<string[]> {
    const workspace = await new DefaultWorkspaceLoader().load(['.'], examples);
    const declared = workspace.documents.flatMap((d) => d.parseResult.value.declarations.filter(isSegment)).find((s) => s.name === name)!;
    const evaluator = compileSegment(workspace.services.ir.Lowering.lowerSegment(declared), { lists: new FileListSource() }).prepare({ now: NOW });
    return readFileSync(resolve(examples, data), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown)
        .filter((record) => evaluator.isMember(record))
        .map((record) => evaluator.keyOf(record)!);
}

describe('the examples, on the sample data', () => {
    test('eval --format ids lists the members the engine finds, for segments of every kind', async () => {
        for (const name of ['high_value_customers', 'highly_engaged', 'engaged_vips', 'non_purchasing_subscribers', 'top_scored_contacts']) {
            const result = segment(examples, 'eval', name, '--data', 'data/contacts.ndjson', '--now', NOW, '-f', 'ids');
            expect(result.status).toBe(0);
            const expected = await expectedMembers(name, 'data/contacts.ndjson');
            expect(expected.length).toBeGreaterThan(0);
            expect(result.stdout).toBe(expected.map((key) => `${key}\n`).join(''));
        }
    });

    test('eval --explain counts every record for the root condition', () => {
        const result = segment(examples, 'eval', 'high_value_customers', '--data', 'data/contacts.ndjson', '--now', NOW, '-f', 'ids', '--explain');
        const root = result.stderr.split('\n').find((line) => line.startsWith('where '))!;
        const [truths, falses, unknowns] = root.trim().split(/\s+/).slice(-3).map((n) => Number(n.replace(/,/g, '')));
        expect(truths! + falses! + unknowns!).toBe(2000);
        expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(truths!);
    });

    test('changes between the two days of sample data is the difference of the two memberships', async () => {
        const result = segment(examples, 'changes', 'high_value_customers', '--before', 'data/contacts.ndjson', '--after', 'data/contacts-day-2.ndjson', '--now', NOW, '-f', 'ids');
        expect(result.status).toBe(0);
        const before = new Set(await expectedMembers('high_value_customers', 'data/contacts.ndjson'));
        const after = await expectedMembers('high_value_customers', 'data/contacts-day-2.ndjson');
        const entered = after.filter((key) => !before.has(key)).map((key) => `+${key}`);
        const exited = [...before].filter((key) => !after.includes(key)).map((key) => `-${key}`);
        expect(entered.length + exited.length).toBeGreaterThan(0);
        expect(result.stdout.split('\n').filter(Boolean)).toEqual([...entered, ...exited]);
    });
});
