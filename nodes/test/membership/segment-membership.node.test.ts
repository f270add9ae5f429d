import { randomUUID } from 'node:crypto';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { SegmentMembership } from '../../nodes/SegmentMembership/SegmentMembership.node.js';
import { type HarnessOptions, runNode } from '../harness/index.js';

const node = new SegmentMembership();

function members(...ids: Array<string | number>): INodeExecutionData[] {
    return ids.map((id) => ({ json: { id, name: `member ${id}` } }));
}

/** A production run (an activated workflow), unless the options say otherwise. */
async function run(items: INodeExecutionData[], staticData: IDataObject, parameters: INodeParameters = {}, options: HarnessOptions = {}) {
    return await runNode(node, { segment: 'vip', ...parameters }, items, { mode: 'trigger', staticData, ...options });
}

function jsonOf(items: INodeExecutionData[] | undefined): IDataObject[] {
    return (items ?? []).map((item) => item.json);
}

function idsOf(items: INodeExecutionData[] | undefined): unknown[] {
    return (items ?? []).map((item) => item.json.id);
}

/** The static data as n8n would store it in the database and load it in a new process. */
function reloaded(staticData: IDataObject): IDataObject {
    return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

describe('Segment Membership', () => {
    it('records a baseline on the first run, then outputs who entered, exited and stayed', async () => {
        const staticData: IDataObject = {};
        const first = await run(members(1, 2, 3), staticData, { outputStayed: true });
        expect(first.error).toBeUndefined();
        expect(first.outputs).toEqual([[], [], []]);

        const second = await run(members(2, 3, 4), staticData, { outputStayed: true });
        expect(second.outputs[0]).toEqual([{ json: { id: 4, name: 'member 4' }, pairedItem: { item: 2 } }]);
        expect(second.outputs[1]).toEqual([{ json: { key: '1', segment: 'vip', change: 'exited' }, pairedItem: { item: 0 } }]);
        expect(jsonOf(second.outputs[2])).toEqual([{ id: 2, name: 'member 2' }, { id: 3, name: 'member 3' }]);
        expect(second.outputs[2]!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);

        staticData.__dataChanged = false;
        const third = await run(members(4, 3, 2, 2), staticData, { outputStayed: true });
        expect(third.outputs.map((output) => output.length)).toEqual([0, 0, 3]);
        // The same members: the stored membership is not rewritten, so n8n has nothing to save.
        expect(staticData.__dataChanged).toBe(false);
    });

    it('has two outputs unless Stayed is asked for', async () => {
        const staticData: IDataObject = {};
        await run(members(1), staticData);
        const second = await run(members(2), staticData);
        expect(second.outputs.map(idsOf)).toEqual([[2], [undefined]]);
        expect(jsonOf(second.outputs[1])).toEqual([{ key: '1', segment: 'vip', change: 'exited' }]);
    });

    it('outputs every member as entered on a first run with "Output All as Entered"', async () => {
        const result = await run(members('b', 'a'), {}, { options: { firstRun: 'emitAll' } });
        expect(idsOf(result.outputs[0])).toEqual(['b', 'a']);
        expect(result.outputs[1]).toEqual([]);
    });

    it('keeps its state across a restart (static data saved as JSON and loaded again)', async () => {
        const first = await run(members(10, 20), {});
        const afterRestart = await run(members(20, 30), reloaded(first.staticData));
        expect(idsOf(afterRestart.outputs[0])).toEqual([30]);
        expect(jsonOf(afterRestart.outputs[1])).toEqual([{ key: '10', segment: 'vip', change: 'exited' }]);
    });

    it('keeps one membership per segment name in the node', async () => {
        const staticData: IDataObject = {};
        await run(members(1), staticData, { segment: 'vip' });
        await run(members(2), staticData, { segment: 'lapsed' });
        const vip = await run(members(1, 3), staticData, { segment: 'vip' });
        expect(idsOf(vip.outputs[0])).toEqual([3]);
        expect(vip.outputs[1]).toEqual([]);
    });

    it('reads keys as text: numbers and their decimal text are one member, duplicates count once, a dotted path reads a nested field', async () => {
        const staticData: IDataObject = {};
        await run([{ json: { contact: { id: 7 } } }, { json: { contact: { id: 8 } } }], staticData, { keyField: 'contact.id' });
        const second = await run(
            [{ json: { contact: { id: '7' } } }, { json: { contact: { id: 9 } } }, { json: { contact: { id: 9 }, copy: true } }],
            staticData,
            { keyField: 'contact.id' },
        );
        expect(second.outputs[0]).toEqual([{ json: { contact: { id: 9 } }, pairedItem: { item: 1 } }]);
        expect(jsonOf(second.outputs[1])).toEqual([{ key: '8', segment: 'vip', change: 'exited' }]);
    });

    it('takes an empty item (what "Always Output Data" sends for no data) as no member: everyone exits', async () => {
        const staticData: IDataObject = {};
        await run(members(1, 2), staticData);
        const emptied = await run([{ json: {} }], staticData);
        expect(emptied.outputs[0]).toEqual([]);
        expect(jsonOf(emptied.outputs[1]).map((json) => json.key)).toEqual(['1', '2']);
    });

    it('stops on an item without a key and changes nothing', async () => {
        const staticData: IDataObject = {};
        await run(members(1, 2), staticData);
        const before = JSON.stringify(staticData);
        const failed = await run([...members(3), { json: { name: 'no id' } }], staticData);
        expect(failed.error?.message).toBe('Item 1 has no field "id" to use as its key');
        expect(JSON.stringify(staticData)).toBe(before);
        const next = await run(members(2, 3), staticData);
        expect(idsOf(next.outputs[0])).toEqual([3]);
        expect(jsonOf(next.outputs[1]).map((json) => json.key)).toEqual(['1']);
    });

    it('with "Continue On Fail", returns the error as an item on the first output and changes nothing', async () => {
        const staticData: IDataObject = {};
        await run(members(1), staticData);
        const before = JSON.stringify(staticData);
        const failed = await run([...members(2), { json: { id: true } }], staticData, {}, { node: { continueOnFail: true } });
        expect(failed.error).toBeUndefined();
        expect(failed.outputs[0]).toEqual([{ json: { error: 'Item 1 has a boolean in "id", not a text or number key' }, pairedItem: { item: 1 } }]);
        expect(failed.outputs[1]).toEqual([]);
        expect(JSON.stringify(staticData)).toBe(before);
    });

    it('changes nothing and outputs nothing when the input is marked incomplete', async () => {
        const staticData: IDataObject = {};
        await run(members(1, 2), staticData);
        const before = JSON.stringify(staticData);
        const partial = await run(members(2, 3), staticData, { inputComplete: false });
        expect(partial.outputs).toEqual([[], []]);
        const shortCount = await run(members(2, 3), staticData, { options: { expectedItemCount: 3 } });
        expect(shortCount.outputs).toEqual([[], []]);
        expect(JSON.stringify(staticData)).toBe(before);
        const loud = await run(members(2, 3), staticData, { options: { expectedItemCount: 3, onIncomplete: 'error' } });
        expect(loud.error?.message).toBe('The input is not the whole segment');
        expect(JSON.stringify(staticData)).toBe(before);
        const whole = await run(members(2, 3), staticData, { inputComplete: '={{ $input.all().length === 2 }}', options: { expectedItemCount: 2 } });
        expect(idsOf(whole.outputs[0])).toEqual([3]);
        expect(jsonOf(whole.outputs[1]).map((json) => json.key)).toEqual(['1']);
    });

    it('previews changes in manual executions without changing the stored membership', async () => {
        const staticData: IDataObject = {};
        await run(members(1), staticData);
        const before = JSON.stringify(staticData);
        const preview = await run(members(2), staticData, {}, { mode: 'manual' });
        expect(idsOf(preview.outputs[0])).toEqual([2]);
        expect(jsonOf(preview.outputs[1]).map((json) => json.key)).toEqual(['1']);
        expect(JSON.stringify(staticData)).toBe(before);
        const firstManual = await run(members(1), {}, {}, { mode: 'manual' });
        expect(JSON.stringify(firstManual.staticData)).not.toContain('segment:vip');
    });

    it('refuses a membership over the static data limit, names the file store, and keeps the previous state', async () => {
        const staticData: IDataObject = {};
        await run(members(1), staticData);
        const before = JSON.stringify(staticData);
        const large = Array.from({ length: 2000 }, () => ({ json: { id: randomUUID() } }));
        const failed = await run(large, staticData, { options: { staticDataLimitKiB: 1 } });
        expect(failed.error?.message).toMatch(/^Cannot store the membership of "vip": The membership \(2000 members\) needs .* over the limit of 1\.0 KiB.*State Store: File/);
        expect(JSON.stringify(staticData)).toBe(before);
    });

    it('stops with a clear error on a stored membership it cannot read, never taking it for a first run', async () => {
        const staticData: IDataObject = {};
        await run(members(1), staticData);
        const nodeData = Object.values(staticData).find((value) => typeof value === 'object' && value !== null && 'segment:vip' in value) as IDataObject;
        (nodeData['segment:vip'] as IDataObject).snapshot = 'U0dNWgEAAAA=';
        const failed = await run(members(1), staticData);
        expect(failed.error?.message).toMatch(/^Cannot compare with the stored membership of "vip": The stored membership "segment:vip" in workflow static data is unreadable/);
    });
});
