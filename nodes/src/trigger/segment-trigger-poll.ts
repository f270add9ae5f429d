import { HubSpotApiError, HubSpotPollError, pollHubSpotSegment, type HubSpotClient } from '@segments/connectors';
import type { FirstRunPolicy } from '@segments/engine';
import type { SegmentBundleIR } from '@segments/ir';
import { NodeApiError, NodeOperationError, type INode, type INodeExecutionData, type IPollFunctions, type JsonObject } from 'n8n-workflow';
import { membershipStateKey } from '../membership/membership-node-run.js';
import { sameBytes } from '../membership/membership-tracker.js';
import { messageOf } from '../membership/membership-store.js';
import { StaticDataMembershipStore } from '../membership/static-data-store.js';
import { contactChanges, sampleMembers } from './contact-change-items.js';
import { RefreshGate } from './refresh-gate.js';

/** What one poll of the Segment Trigger needs besides its n8n context. */
export interface SegmentPollSettings {
    readonly client: HubSpotClient;
    readonly bundle: SegmentBundleIR;
    /** The segment of the bundle to track. */
    readonly segment: string;
    /** An IANA zone replacing the segment's own (the engine's `prepare({ timezone })`). */
    readonly timezone?: string;
    readonly firstRun: FirstRunPolicy;
    /** Extra contact properties to return on the emitted contacts. */
    readonly properties: readonly string[];
    /** How many current members a manual run shows. */
    readonly sampleSize: number;
    /** The largest membership kept in static data, in bytes. */
    readonly staticDataLimitBytes: number;
}

/**
 * One poll of the Segment Trigger. In production (`trigger` mode) it skips polls that come sooner
 * than the segment's `refresh every` hint ({@link RefreshGate}), reads the stored membership
 * from the node's static data, polls HubSpot, and emits one item per contact that entered or
 * exited; the new membership is written only after the whole poll succeeded, so a failed poll
 * (raised as a `NodeApiError`) keeps the state and emits nothing. A manual (test) run shows up to
 * `sampleSize` current members and never reads or writes the state. Returns null when there is
 * nothing to emit (n8n then starts no execution).
 */
export async function pollSegmentTrigger(context: IPollFunctions, settings: SegmentPollSettings): Promise<INodeExecutionData[][] | null> {
    const node = context.getNode();
    const now = new Date();
    const poll = { client: settings.client, bundle: settings.bundle, segment: settings.segment, now, timezone: settings.timezone, properties: [...settings.properties] };

    if (context.getMode() === 'manual') {
        const result = await pollOrThrow(node, () => pollHubSpotSegment({ ...poll, previous: undefined, firstRun: 'emitAll' }));
        const sample = sampleMembers(result.entered, settings.segment, now, settings.sampleSize);
        return sample.length > 0 ? [sample.map((json) => ({ json }))] : null;
    }

    const staticData = context.getWorkflowStaticData('node');
    const refresh = new RefreshGate(staticData, settings.segment, settings.bundle.segment.refreshMinutes);
    if (!refresh.isDue(now)) return null;
    const store = new StaticDataMembershipStore(staticData, { maxBytes: settings.staticDataLimitBytes });
    const key = membershipStateKey(settings.segment);
    const previous = await store.load(key).catch((error: unknown) => {
        throw new NodeOperationError(node, `Cannot read the stored membership of "${settings.segment}": ${messageOf(error)}`, {
            description: 'Nothing was changed. If the stored state is damaged, deactivate the workflow, rename the segment to start a new baseline, and activate it again.',
        });
    });
    const result = await pollOrThrow(node, () => pollHubSpotSegment({ ...poll, previous, firstRun: settings.firstRun }));
    const changes = contactChanges(result, settings.segment, now);
    if (previous === undefined || !sameBytes(previous, result.snapshot)) {
        await store.save(key, result.snapshot).catch((error: unknown) => {
            throw new NodeOperationError(node, `Cannot store the membership of "${settings.segment}": ${messageOf(error)}`, {
                description: 'The stored membership was kept; the same changes will be emitted by the next poll.',
            });
        });
    }
    refresh.polled(now);
    return changes.length > 0 ? [changes.map((json) => ({ json }))] : null;
}

async function pollOrThrow<T>(node: INode, poll: () => Promise<T>): Promise<T> {
    try {
        return await poll();
    } catch (error) {
        if (error instanceof HubSpotApiError) {
            const response: JsonObject = { message: error.message, ...(error.status !== undefined ? { status: error.status } : {}), ...(error.category ? { category: error.category } : {}) };
            throw new NodeApiError(node, response, {
                message: `HubSpot: ${error.message}`,
                ...(error.status !== undefined ? { httpCode: String(error.status) } : {}),
                description: 'The poll could not read HubSpot whole: no change was emitted and the stored membership was kept. The next poll tries again.',
            });
        }
        if (error instanceof HubSpotPollError) {
            throw new NodeApiError(node, { message: error.message }, {
                message: `HubSpot: ${error.message}`,
                description: 'The poll could not read HubSpot whole: no change was emitted and the stored membership was kept. The next poll tries again.',
            });
        }
        throw new NodeOperationError(node, messageOf(error));
    }
}
