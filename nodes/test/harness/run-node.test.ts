import { type IExecuteFunctions, type INodeType, type INodeTypeDescription, type IPollFunctions, LoggerProxy, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { runNode, runPoll } from './index.js';

/** A polling node that counts its polls in the node's static data and emits the count (unless silent). */
class CountingPoller implements INodeType {
    description: INodeTypeDescription = {
        displayName: 'Counting Poller',
        name: 'countingPoller',
        group: ['trigger'],
        version: 1,
        description: 'Counts its polls',
        defaults: { name: 'Counting Poller' },
        polling: true,
        inputs: [],
        outputs: [NodeConnectionTypes.Main],
        properties: [
            { displayName: 'Step', name: 'step', type: 'number', default: 1 },
            { displayName: 'Silent', name: 'silent', type: 'boolean', default: false },
        ],
    };

    async poll(this: IPollFunctions) {
        const state = this.getWorkflowStaticData('node');
        const polls = ((state.polls as number | undefined) ?? 0) + (this.getNodeParameter('step') as number);
        if (this.getMode() !== 'manual') state.polls = polls;
        if (this.getNodeParameter('silent')) return null;
        return [[{ json: { polls, mode: this.getMode(), activation: this.getActivationMode() } }]];
    }
}

describe('runPoll', () => {
    it('polls with n8n-core\'s PollContext, keeping the node\'s static data in the given object', async () => {
        const staticData = {};
        const first = await runPoll(new CountingPoller(), { step: 2 }, { staticData });
        const second = await runPoll(new CountingPoller(), { step: 2 }, { staticData });
        expect(first.outputs).toEqual([[{ json: { polls: 2, mode: 'trigger', activation: 'init' } }]]);
        expect(second.outputs).toEqual([[{ json: { polls: 4, mode: 'trigger', activation: 'init' } }]]);
        expect(staticData).toEqual({ 'node:Node under test': { polls: 4 } });
        expect(second.savedStaticData).toEqual({ 'node:Node under test': { polls: 4 } });
    });

    it('saves static data as n8n does: only when a poll emits', async () => {
        const staticData = {};
        const silent = await runPoll(new CountingPoller(), { silent: true }, { staticData });
        expect(silent.outputs).toBeNull();
        expect(silent.savedStaticData).toBeUndefined();
        expect(staticData).toEqual({ 'node:Node under test': { polls: 1 } });
        const emitting = await runPoll(new CountingPoller(), {}, { staticData });
        expect(emitting.savedStaticData).toEqual({ 'node:Node under test': { polls: 2 } });
    });

    it('runs a manual poll (a test event) in manual mode, saving nothing', async () => {
        const { outputs, savedStaticData } = await runPoll(new CountingPoller(), {}, { mode: 'manual' });
        expect(outputs).toEqual([[{ json: { polls: 1, mode: 'manual', activation: 'manual' } }]]);
        expect(savedStaticData).toBeUndefined();
    });
});

/** A node that counts its runs in the node's static data, and fails when asked to after counting. */
class CountingNode implements INodeType {
    description: INodeTypeDescription = {
        displayName: 'Counting Node',
        name: 'countingNode',
        group: ['transform'],
        version: 1,
        description: 'Counts its runs',
        defaults: { name: 'Counting Node' },
        usableAsTool: true,
        inputs: [NodeConnectionTypes.Main],
        outputs: [NodeConnectionTypes.Main],
        properties: [{ displayName: 'Fail', name: 'fail', type: 'boolean', default: false }],
    };

    async execute(this: IExecuteFunctions) {
        const state = this.getWorkflowStaticData('node');
        state.runs = ((state.runs as number | undefined) ?? 0) + 1;
        if (this.getNodeParameter('fail', 0)) throw new NodeOperationError(this.getNode(), 'failed after counting');
        return [this.getInputData().map((item, index) => ({ json: { ...item.json, runs: state.runs as number }, pairedItem: { item: index } }))];
    }
}

describe('runNode', () => {
    it('shares one n8n-workflow with n8n-core (the config\'s alias): n8n-core logs through the LoggerProxy our code sees', async () => {
        const logged: string[] = [];
        LoggerProxy.init({ error() {}, warn() {}, info() {}, debug: (message: string) => logged.push(message) });
        try {
            await runNode(new CountingNode(), {}, [{ json: {} }]);
        } finally {
            LoggerProxy.init({ error() {}, warn() {}, info() {}, debug() {} });
        }
        expect(logged).toContain('Workflow execution finished successfully');
    });

    it('feeds the pinned items to the node through n8n-core and returns its outputs', async () => {
        const { outputs, error } = await runNode(new CountingNode(), {}, [{ json: { a: 1 } }, { json: { a: 2 } }]);
        expect(error).toBeUndefined();
        expect(outputs).toEqual([[{ json: { a: 1, runs: 1 }, pairedItem: { item: 0 } }, { json: { a: 2, runs: 1 }, pairedItem: { item: 1 } }]]);
    });

    it('saves static data as n8n does: not in manual mode, and in other modes even when the execution failed', async () => {
        const manual = await runNode(new CountingNode(), {}, [{ json: {} }]);
        expect(manual.savedStaticData).toBeUndefined();
        const staticData = {};
        const failed = await runNode(new CountingNode(), { fail: true }, [{ json: {} }], { mode: 'trigger', staticData });
        expect(failed.error?.message).toBe('failed after counting');
        expect(failed.savedStaticData).toEqual({ 'node:Node under test': { runs: 1 } });
        const next = await runNode(new CountingNode(), {}, [{ json: {} }], { mode: 'trigger', staticData });
        expect(next.outputs[0]![0]!.json.runs).toBe(2);
    });
});
