/**
 * A contact as HubSpot's object endpoints return it (the SDK's `SimplePublicObject`): every property value a
 * string, null when the requested property is unset.
 */
import type { StoredContact } from './contact-store.js';

/** The JSON of one contact in a response. */
export interface ContactJson {
    id: string;
    properties: Record<string, string | null>;
    createdAt: string;
    updatedAt: string;
    archived: false;
}

/** What HubSpot returns for contacts when a request names no properties. */
export const DEFAULT_RETURNED_PROPERTIES: readonly string[] = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];

/** What HubSpot returns for contacts whatever properties a request names. */
export const ALWAYS_RETURNED_PROPERTIES: readonly string[] = ['createdate', 'hs_object_id', 'lastmodifieddate'];

/**
 * The contact with the requested properties (unknown names are left out, as HubSpot does) or HubSpot's
 * defaults when none are requested.
 */
export function contactJson(contact: StoredContact, requested: readonly string[] | undefined, known: (name: string) => boolean): ContactJson {
    const names = requested && requested.length > 0
        ? [...new Set([...requested.filter(known), ...ALWAYS_RETURNED_PROPERTIES])].sort()
        : DEFAULT_RETURNED_PROPERTIES;
    const properties: Record<string, string | null> = {};
    for (const name of names) {
        properties[name] = contact.properties[name] ?? null;
    }
    return { id: contact.id, properties, createdAt: contact.createdAt, updatedAt: contact.updatedAt, archived: false };
}
