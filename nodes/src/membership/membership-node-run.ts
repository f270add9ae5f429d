import type { FirstRunPolicy } from '@segments/engine';
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { isEmptyItem, readMemberKey } from './member-keys.js';
import { createMembershipStore, type StateStoreKind } from './membership-state-store.js';
import { messageOf } from './membership-store.js';
import { compareMembership, type PendingMembership } from './membership-tracker.js';
import { routeMembers } from './membership-routing.js';
import { staticDataLimitBytes } from './static-data-store.js';

/** The options collection of the Segment Membership node. */
interface MembershipNodeOptions {
    expectedItemCount?: number;
    firstRun?: FirstRunPolicy;
    onIncomplete?: 'outputNothing' | 'error';
    staticDataLimitKiB?: number;
}

/** The static data key of a segment's membership, inside the node's own static data. */
export function membershipStateKey(segment: string): string {
    return `segment:${segment}`;
}

/**
 * One execution of the Segment Membership node: reads the member keys of the input items,
 * compares them with the stored membership, routes the items to Entered / Exited (/ Stayed), and
 * only then stores the new membership — except in manual executions, which compare against the
 * stored membership and never change it.
 */
export async function runSegmentMembership(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const node = context.getNode();
    const items = context.getInputData();
    const segment = (context.getNodeParameter('segment', 0) as string).trim();
    if (segment === '') throw new NodeOperationError(node, 'The segment name is empty', { description: 'Name the segment whose membership this node remembers.' });
    const keyField = (context.getNodeParameter('keyField', 0, 'id') as string).trim() || 'id';
    const outputStayed = context.getNodeParameter('outputStayed', 0, false) as boolean;
    const inputComplete = context.getNodeParameter('inputComplete', 0, true) as boolean;
    const stateStore = context.getNodeParameter('stateStore', 0, 'staticData') as StateStoreKind;
    const options = context.getNodeParameter('options', 0, {}) as MembershipNodeOptions;

    const firstItems = new Map<string, number>();
    let memberItems = 0;
    for (let index = 0; index < items.length; index++) {
        const json = items[index].json;
        if (isEmptyItem(json)) continue;
        memberItems++;
        const read = readMemberKey(json, keyField, index);
        if ('problem' in read) {
            throw new NodeOperationError(node, read.problem, {
                itemIndex: index,
                description: 'Every item must carry its member key: set "Key Field" to the field that holds it. Nothing was changed.',
            });
        }
        if (!firstItems.has(read.key)) firstItems.set(read.key, index);
    }

    const countMatches = options.expectedItemCount === undefined || options.expectedItemCount === memberItems;
    const complete = inputComplete && countMatches;
    if (!complete && options.onIncomplete === 'error') {
        throw new NodeOperationError(node, 'The input is not the whole segment', {
            description: countMatches
                ? '"Input Is Complete" is false. The stored membership was kept.'
                : `Expected ${options.expectedItemCount} member items, got ${memberItems}. The stored membership was kept.`,
        });
    }

    const store = createMembershipStore(context, {
        kind: stateStore,
        staticDataLimitBytes: staticDataLimitBytes(options.staticDataLimitKiB),
        folder: stateStore === 'file' ? (context.getNodeParameter('stateFolder', 0) as string).trim() : undefined,
    });
    const stateKey = membershipStateKey(segment);
    let pending: PendingMembership;
    try {
        pending = await compareMembership(store, stateKey, { members: firstItems.keys(), complete }, { firstRun: options.firstRun ?? 'baseline' });
    } catch (error) {
        throw new NodeOperationError(node, `Cannot compare with the stored membership of "${segment}": ${messageOf(error)}`, {
            description: 'Nothing was changed. If the stored state is damaged, rename the segment (or delete its state) to start a new baseline.',
        });
    }

    const routing = routeMembers(firstItems, pending);
    const entered = routing.entered.map((index) => passThrough(items[index], index));
    const exited = routing.exited.map((key): INodeExecutionData => ({ json: { key, segment, change: 'exited' } as IDataObject, pairedItem: { item: 0 } }));
    const stayed = routing.stayed.map((index) => passThrough(items[index], index));

    if (context.getMode() !== 'manual') {
        try {
            await pending.commit();
        } catch (error) {
            throw new NodeOperationError(node, `Cannot store the membership of "${segment}": ${messageOf(error)}`, {
                description: 'The stored membership was kept; the same changes will be output again by the next run.',
            });
        }
    }
    return outputStayed ? [entered, exited, stayed] : [entered, exited];
}

function passThrough(item: INodeExecutionData, index: number): INodeExecutionData {
    return { json: item.json, ...(item.binary ? { binary: item.binary } : {}), pairedItem: { item: index } };
}
