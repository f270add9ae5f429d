import { applyEvaluation, compileSegment, type DataQualityReport, type FirstRunPolicy, type ListSource } from '@segments/engine';
import type { SegmentBundleIR } from '@segments/ir';
import type { HubSpotClient } from './hubspot-client.js';
import { contactRecord } from './hubspot-records.js';
import { HUBSPOT_SEARCH_LIMITS, type HubSpotContact, type HubSpotProperty } from './hubspot-types.js';
import { planHubSpotSearch } from './planner/search-planner.js';
import { searchAll } from './search-all.js';

/** One poll of a segment over HubSpot contacts. */
export interface HubSpotSegmentPollOptions {
    client: HubSpotClient;
    /** The compiled bundle (`@segments/language` lowers it). */
    bundle: SegmentBundleIR;
    /** Which segment of the bundle: its own (the default) or one it refers to. */
    segment?: string;
    /** The evaluation instant. */
    now: Date;
    /** Replaces the segments' zones (the engine's `prepare({ timezone })`). */
    timezone?: string;
    /** The snapshot stored after the last complete poll (`encodeSnapshot`), undefined before the first. */
    previous: Uint8Array | undefined;
    /** Spec §8: the first poll records a baseline (default) or emits every member as entered. */
    firstRun?: FirstRunPolicy;
    /** Extra properties to return on emitted contacts. */
    properties?: readonly string[];
    /** The values of the static lists the segment uses. */
    lists?: ListSource;
    /** The account's contact properties, when the caller has them; else the poll reads them (one request). */
    definitions?: readonly HubSpotProperty[];
    /** Search results a page, at most 200 (the default). */
    pageSize?: number;
}

/** A contact that left the segment: still in HubSpot (with its properties), or deleted. */
export interface HubSpotExit {
    id: string;
    contact?: HubSpotContact;
    deleted: boolean;
}

/** What a complete poll found. */
export interface HubSpotSegmentPollResult {
    /** Contacts that became members, in ascending id order (none on a baseline first run). */
    entered: HubSpotContact[];
    /** Contacts that stopped being members. */
    exited: HubSpotExit[];
    /** The membership now (contact ids), to store for the next poll. */
    snapshot: Uint8Array;
    /** How many members the segment has. */
    members: number;
    /** Whether this was the first poll (no previous snapshot). */
    firstRun: boolean;
    /** HubSpot API calls made (not counting the client's retries). */
    requests: number;
    /** What the evaluation could not read in the contacts it tested. */
    quality: DataQualityReport;
}

/**
 * Polls a segment: searches HubSpot with the pushed-down filters (a superset of the members),
 * reads every page, evaluates the whole segment on each contact with the engine, and compares the
 * members (by contact id) with the previous snapshot (spec §8; docs/membership.md). Contacts that
 * exited are read back by id: one not found was deleted.
 *
 * All or nothing: when any request fails for good or the read is not whole, this throws
 * (`HubSpotApiError`, `HubSpotPollError`) and returns nothing, so the caller keeps its previous
 * snapshot and emits no change; the next complete poll reports what happened meanwhile.
 */
export async function pollHubSpotSegment(options: HubSpotSegmentPollOptions): Promise<HubSpotSegmentPollResult> {
    const bundle = bundleFor(options.bundle, options.segment);
    const compiled = compileSegment(bundle, options.lists ? { lists: options.lists } : {});
    let requests = 0;
    let definitions = options.definitions;
    if (!definitions) {
        definitions = await options.client.listContactProperties();
        requests++;
    }
    const plan = planHubSpotSearch(bundle, { definitions, now: options.now, timezone: options.timezone, outputProperties: options.properties, lists: options.lists });
    const evaluator = compiled.prepare({ now: options.now, ...(options.timezone === undefined ? {} : { timezone: options.timezone }) });
    const byName = new Map(definitions.map((d) => [d.name, d]));

    const members = new Map<string, HubSpotContact>();
    if (plan.filterGroups !== 'none') {
        const read = await searchAll(options.client, { filterGroups: plan.filterGroups, properties: plan.properties, pageSize: options.pageSize });
        requests += read.requests;
        for (const contact of read.contacts) {
            if (evaluator.isMember(contactRecord(contact, byName))) members.set(contact.id, contact);
        }
    }

    const transition = applyEvaluation(options.previous, { members: members.keys(), complete: true }, { firstRun: options.firstRun ?? 'baseline' });
    let exited: HubSpotExit[] = [];
    if (transition.exited.length > 0) {
        const found = new Map((await options.client.batchReadContacts(transition.exited, plan.properties)).map((c) => [c.id, c]));
        requests += Math.ceil(transition.exited.length / HUBSPOT_SEARCH_LIMITS.maxBatchReadIds);
        exited = transition.exited.map((id) => {
            const contact = found.get(id);
            return contact ? { id, contact, deleted: false } : { id, deleted: true };
        });
    }
    return {
        entered: transition.entered.map((id) => members.get(id)!),
        exited,
        snapshot: transition.next!,
        members: members.size,
        firstRun: transition.outcome === 'firstRun',
        requests,
        quality: evaluator.quality,
    };
}

/** The bundle evaluating `segment`: the bundle itself, or one made for a segment it refers to. */
function bundleFor(bundle: SegmentBundleIR, segment: string | undefined): SegmentBundleIR {
    if (segment === undefined || segment === bundle.segment.name) return bundle;
    const target = bundle.segments[segment];
    if (!target) throw new RangeError(`the bundle of ${bundle.segment.name} has no segment ${segment}`);
    const others = Object.fromEntries(Object.entries(bundle.segments).filter(([name]) => name !== segment));
    return { ...bundle, segment: target, segments: others };
}
