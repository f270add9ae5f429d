/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One event of a contact (spec §6): its name, its instant (ISO-8601 UTC) and its properties,
 * side by side: `{ "event": "Purchased", "at": "2026-11-19T18:02:11Z", "amount": 129, ... }`.
 */
export interface ContactEvent {
    event: string;
    at: string;
    [property: string]: JsonValue;
}

/**
 * One CRM contact as the sample writes it: a JSON object whose fields sit where
 * `examples/contact.segment` says (`properties.total_revenue`, `company.employees`, ...), with
 * its events, oldest first, in `events`. Any field but `id`, `created_at` and `events` may be
 * absent, `null`, or (rarely) malformed.
 */
export interface Contact {
    id: string;
    events: ContactEvent[];
    [field: string]: JsonValue;
}

/** The names of the events of `examples/contact.segment`. */
export const eventNames = [
    'SignedUp',
    'PageViewed',
    'ProductViewed',
    'CartUpdated',
    'CheckoutStarted',
    'Purchased',
    'EmailOpened',
    'EmailClicked',
    'Converted',
] as const;

/** The name of an event of the sample. */
export type EventName = (typeof eventNames)[number];

/** The key of the contact at `index` (0-based): `c0000001`, `c0000002`, ... */
export function contactId(index: number): string {
    return 'c' + String(index + 1).padStart(7, '0');
}
