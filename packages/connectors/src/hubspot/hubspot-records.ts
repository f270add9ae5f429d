import type { FieldIR } from '@segments/ir';
import type { HubSpotContact, HubSpotProperty } from './hubspot-types.js';

/** The contact's own keys beside its properties; a schema path naming one of them reads the contact, not a property. */
const CONTACT_KEYS: ReadonlySet<string> = new Set(['id', 'properties', 'createdAt', 'updatedAt', 'archived']);

/**
 * The HubSpot property a schema field reads, from its `from` path: `properties.NAME` or a bare
 * `NAME` is the property `NAME`; `id` is the contact's id, which HubSpot also keeps as the
 * property `hs_object_id`. Other paths (`createdAt`, nested paths) read no property.
 */
export function hubSpotPropertyOf(field: Pick<FieldIR, 'path'>): string | undefined {
    const path = field.path;
    if (path.length === 2 && path[0] === 'properties') return path[1];
    if (path.length !== 1) return undefined;
    if (path[0] === 'id') return 'hs_object_id';
    return CONTACT_KEYS.has(path[0]) ? undefined : path[0];
}

const DAY_MS = 86_400_000;

/**
 * Turns a contact into the record the engine reads: its properties both at the top level and
 * under `properties` (so `from "email"` and `from "properties.email"` both work), beside `id`,
 * `createdAt`, `updatedAt` and `archived`. `""` and `null` are left out (HubSpot's "no value").
 * A `date` property's value becomes its calendar date (`YYYY-MM-DD`): HubSpot means a day at
 * midnight UTC, which read as an instant would fall on the previous day in a zone west of UTC.
 * Anything else is passed as HubSpot sent it, so a value the engine cannot read is counted in its
 * data-quality report.
 */
export function contactRecord(contact: HubSpotContact, definitions: ReadonlyMap<string, HubSpotProperty>): Record<string, unknown> {
    const properties: Record<string, string> = {};
    for (const [name, value] of Object.entries(contact.properties ?? {})) {
        if (value === null || value === undefined || value === '') continue;
        properties[name] = definitions.get(name)?.type === 'date' ? calendarDate(value) : value;
    }
    return { ...properties, properties, id: contact.id, createdAt: contact.createdAt, updatedAt: contact.updatedAt, archived: contact.archived };
}

/** A `date` property's value as `YYYY-MM-DD`: from epoch milliseconds or an ISO date(-time) at midnight UTC; anything else unchanged. */
function calendarDate(value: string): string {
    const text = value.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
    const ms = /^-?\d+$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
    if (!Number.isSafeInteger(ms) || ms % DAY_MS !== 0) return value;
    return new Date(ms).toISOString().slice(0, 10);
}
