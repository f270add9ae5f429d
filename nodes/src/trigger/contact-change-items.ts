import type { HubSpotContact, HubSpotSegmentPollResult } from '@segments/connectors';
import type { IDataObject } from 'n8n-workflow';

/** What the Segment Trigger emits for one contact: one item per contact that entered or exited. */
export interface ContactChange extends IDataObject {
    /** `entered` or `exited`. */
    change: 'entered' | 'exited';
    /** The segment's name. */
    segment: string;
    /** When the poll that saw the change started (ISO 8601, UTC). */
    at: string;
    /** The contact: its id and the properties the poll read (all values are text, as HubSpot sends them). */
    contact: { id: string; properties: Record<string, string | null> };
    /** On an exit: whether the contact no longer exists in HubSpot (deleted or archived). */
    deleted?: boolean;
    /** Only in manual (test) runs: the item is a current member shown as an example, not a change. */
    sample?: boolean;
}

/** The items of one poll: entries first (in the poll's order), then exits. */
export function contactChanges(result: Pick<HubSpotSegmentPollResult, 'entered' | 'exited'>, segment: string, at: Date): ContactChange[] {
    const time = at.toISOString();
    const entered = result.entered.map((contact): ContactChange => ({ change: 'entered', segment, at: time, contact: contactOf(contact) }));
    const exited = result.exited.map(
        (exit): ContactChange => ({
            change: 'exited',
            segment,
            at: time,
            contact: exit.contact ? contactOf(exit.contact) : { id: exit.id, properties: {} },
            deleted: exit.deleted,
        }),
    );
    return [...entered, ...exited];
}

/** Items showing current members in a manual run: shaped like entries, marked `sample: true`. */
export function sampleMembers(members: readonly HubSpotContact[], segment: string, at: Date, size: number): ContactChange[] {
    const time = at.toISOString();
    return members.slice(0, size).map((contact): ContactChange => ({ change: 'entered', segment, at: time, contact: contactOf(contact), sample: true }));
}

function contactOf(contact: HubSpotContact): ContactChange['contact'] {
    return { id: contact.id, properties: { ...contact.properties } };
}
