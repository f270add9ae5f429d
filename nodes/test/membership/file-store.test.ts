import { randomUUID } from 'node:crypto';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SegmentMembership } from '../../nodes/SegmentMembership/SegmentMembership.node.js';
import { type HarnessOptions, runNode } from '../harness/index.js';

// n8n's file helpers read these settings when first used: the one folder n8n may access (the
// state folder, which the node creates), and the n8n folder (always blocked) elsewhere.
// A folder of the test run, removed when it ends (test/support/temporary-folder.ts).
const temporary = import.meta.env['SEGMENTS_TEST_TMPDIR'] ?? import.meta.env.TMPDIR ?? '/tmp';
const folder = `${temporary}/segments-file-store-${randomUUID()}`;
vi.stubEnv('N8N_USER_FOLDER', `${temporary}/segments-n8n-${randomUUID()}`);
vi.stubEnv('N8N_RESTRICT_FILE_ACCESS_TO', folder);

const node = new SegmentMembership();

function members(ids: Iterable<string | number>): INodeExecutionData[] {
    return Array.from(ids, (id) => ({ json: { id } }));
}

/** Each test tracks a segment of its own (so its own files in the shared state folder). */
let segment = '';
beforeEach(() => {
    segment = `customers ${randomUUID()}`;
});

async function run(items: INodeExecutionData[], staticData: IDataObject, parameters: INodeParameters = {}, options: HarnessOptions = {}) {
    return await runNode(node, { segment, stateStore: 'file', stateFolder: folder, ...parameters }, items, { mode: 'trigger', staticData, ...options });
}

/** The pointer the node keeps in its static data. */
function pointerOf(staticData: IDataObject): IDataObject {
    const nodeData = staticData['node:Node under test'] as IDataObject;
    return nodeData[`segment:${segment}`] as IDataObject;
}

/** The static data as n8n would save it and load it again (a copy). */
function copyOf(staticData: IDataObject): IDataObject {
    return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

function keysOf(items: INodeExecutionData[] | undefined): unknown[] {
    return (items ?? []).map((item) => item.json.key ?? item.json.id);
}

describe('Segment Membership with the state file store', () => {
    it('keeps the membership in two alternating files, with only a pointer in static data', async () => {
        const staticData: IDataObject = {};
        const first = await run(members([1, 2, 3]), staticData);
        expect(first.error).toBeUndefined();
        const committed = copyOf(staticData);
        expect(pointerOf(committed)).toMatchObject({ format: 'segments-membership-file/1', slot: 'a', members: 3 });
        expect(pointerOf(committed).file).toMatch(/^segment-customers-[0-9a-f-]+-[0-9a-f]{24}\.a\.sgmz$/);

        const second = await run(members([2, 3, 4]), staticData);
        expect(keysOf(second.outputs[0])).toEqual([4]);
        expect(keysOf(second.outputs[1])).toEqual(['1']);
        expect(pointerOf(staticData)).toMatchObject({ slot: 'b', members: 3 });

        // The previous run's file was not overwritten: had the second run failed before n8n saved
        // its static data, the previous pointer would still find its membership.
        const fromPrevious = await run(members([2, 3, 4]), committed);
        expect(keysOf(fromPrevious.outputs[0])).toEqual([4]);
        expect(keysOf(fromPrevious.outputs[1])).toEqual(['1']);
    });

    it('keeps its state across a restart (the pointer saved as JSON, the file on disk)', async () => {
        const first = await run(members(['x', 'y']), {});
        const afterRestart = await run(members(['y', 'z']), copyOf(first.staticData));
        expect(keysOf(afterRestart.outputs[0])).toEqual(['z']);
        expect(keysOf(afterRestart.outputs[1])).toEqual(['x']);
    });

    it('refuses a state file rewritten behind its pointer (two executions from the same state), and changes nothing', async () => {
        const staticData: IDataObject = {};
        await run(members([1, 2]), staticData);
        const one = copyOf(staticData);
        const other = copyOf(staticData);
        await run(members([1, 2, 3]), one);
        await run(members([2]), other);
        const before = JSON.stringify(one);
        const failed = await run(members([1, 2, 3]), one);
        expect(failed.error?.message).toMatch(/is not the one this workflow saved/);
        expect(JSON.stringify(one)).toBe(before);
    });

    it('stops with a clear error when n8n may not write the folder, and changes nothing', async () => {
        const staticData: IDataObject = {};
        const failed = await run(members([1]), staticData, { stateFolder: `${temporary}/segments-outside-${randomUUID()}` });
        expect(failed.error?.message).toMatch(/^Cannot store the membership of "customers .*": n8n may not access the state file .*N8N_RESTRICT_FILE_ACCESS_TO/);
        expect(JSON.stringify(staticData)).not.toContain(segment);
    });

    it('writes no state in manual executions', async () => {
        const staticData: IDataObject = {};
        const preview = await run(members([1]), staticData, {}, { mode: 'manual' });
        expect(preview.error).toBeUndefined();
        expect(JSON.stringify(staticData)).not.toContain(segment);
        const firstProduction = await run(members([1]), staticData, { options: { firstRun: 'emitAll' } });
        expect(keysOf(firstProduction.outputs[0])).toEqual([1]);
    });

    it('holds 1,000,000 members with UUID keys', async () => {
        const keys = Array.from({ length: 1_000_000 }, () => randomUUID());
        const staticData: IDataObject = {};
        const baseline = await run(members(keys), staticData);
        expect(baseline.error).toBeUndefined();
        expect(pointerOf(staticData)).toMatchObject({ members: 1_000_000 });
        expect(JSON.stringify(staticData).length).toBeLessThan(1024);

        const entering = randomUUID();
        const next = await run(members([...keys.slice(1), entering]), staticData);
        expect(keysOf(next.outputs[0])).toEqual([entering]);
        expect(keysOf(next.outputs[1])).toEqual([keys[0]]);
    }, 60_000);
});
