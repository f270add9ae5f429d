import type { JsonValue } from './contact.js';
import type { Random } from './random.js';

/**
 * How often each field is missing (absent, or `null` a third of the time), on top of the
 * fields a contact has no value for by nature (no `last_purchase` for a contact who never bought).
 * Paths are the record paths of `examples/contact.segment`.
 */
export const missingRates: ReadonlyArray<readonly [path: string, rate: number]> = [
    ['email', 0.03],
    ['phone', 0.1],
    ['first_name', 0.02],
    ['last_name', 0.03],
    ['birthday', 0.08],
    ['country', 0.03],
    ['state', 0.05],
    ['timezone', 0.04],
    ['product_interest', 0.06],
    ['budget', 0.09],
    ['tags', 0.05],
    ['tier', 0.04],
    ['lifecycle_stage', 0.03],
    ['journey_phase', 0.06],
    ['subscription_status', 0.03],
    ['lifetime_points', 0.04],
    ['current_points', 0.05],
    ['visits', 0.03],
    ['cart_value', 0.03],
    ['cart_items', 0.03],
    ['first_visit', 0.05],
    ['last_visit', 0.04],
    ['last_activity', 0.03],
    ['last_purchase', 0.03],
    ['subscribed_at', 0.03],
    ['welcome_email_sent', 0.06],
    ['properties.jobtitle', 0.07],
    ['properties.total_revenue', 0.03],
    ['properties.num_orders', 0.03],
    ['company.employees', 0.06],
];

/**
 * Values no reader can convert to the field's type (spec §5: they are UNKNOWN and counted in
 * the data-quality report). A contact gets at most one, with probability {@link MALFORMED_RATE}.
 */
export const malformedValues: ReadonlyArray<readonly [path: string, value: JsonValue]> = [
    ['properties.total_revenue', 'n/a'],
    ['properties.num_orders', 'n/a'],
    ['company.employees', 'unknown'],
    ['birthday', '1987-02-30'],
    ['birthday', '31/12/1985'],
    ['budget', '10k'],
    ['last_visit', 'yesterday'],
    ['lifetime_points', 'N/A'],
    ['tier', 'Platinum'],
    ['cart_items', 'two'],
    ['subscribed_at', '2025-13-01T09:00:00Z'],
    ['welcome_email_sent', 'maybe'],
];

/** The share of contacts with one malformed value. */
export const MALFORMED_RATE = 0.006;

/** The share of contacts whose `properties` values are strings, as HubSpot exports them. */
export const STRING_PROPERTIES_RATE = 0.1;

/** The share of contacts whose `created_at` is epoch milliseconds instead of ISO-8601. */
export const EPOCH_CREATED_AT_RATE = 0.03;

/** The share of contacts with two tags or more whose `tags` is one `;`-separated string. */
export const JOINED_TAGS_RATE = 0.05;

/** The imperfections drawn for one contact, applied while its record is built. */
export interface Imperfections {
    /** `properties` values as strings, as HubSpot exports them. */
    readonly stringProperties: boolean;
    /** `created_at` as epoch milliseconds. */
    readonly epochCreatedAt: boolean;
    /** `tags` as one `;`-separated string (when two tags or more). */
    readonly joinedTags: boolean;
    /** Missing fields by path: `null` written, or `undefined` (left out). */
    readonly missing: ReadonlyMap<string, null | undefined>;
    /** The malformed value of this contact, if any. */
    readonly malformed: readonly [path: string, value: JsonValue] | undefined;
}

/** No imperfection at all: the hand-made personas. */
export const noImperfections: Imperfections = {
    stringProperties: false,
    epochCreatedAt: false,
    joinedTags: false,
    missing: new Map(),
    malformed: undefined,
};

/**
 * Draws what makes a clean record look like a real CRM export: other valid encodings of some
 * values (numeric strings, epoch milliseconds, `;`-joined lists), missing fields, and rarely
 * one malformed value.
 */
export function drawImperfections(random: Random): Imperfections {
    const stringProperties = random.chance(STRING_PROPERTIES_RATE);
    const epochCreatedAt = random.chance(EPOCH_CREATED_AT_RATE);
    const joinedTags = random.chance(JOINED_TAGS_RATE);
    const missing = new Map<string, null | undefined>();
    for (const [path, rate] of missingRates) {
        if (random.chance(rate)) {
            missing.set(path, random.chance(1 / 3) ? null : undefined);
        }
    }
    const malformed = random.chance(MALFORMED_RATE) ? random.pick(malformedValues) : undefined;
    return { stringProperties, epochCreatedAt, joinedTags, missing, malformed };
}

/**
 * Builds a record field by field, in order, applying {@link Imperfections}: a missing field is
 * `null` or left out, the malformed one gets its bad value. Never deletes a key, so records
 * keep a fast shape.
 */
export class RecordBuilder {
    constructor(private readonly imperfections: Imperfections) {}

    /**
     * Sets `target[key]`, the field at `path`; `undefined` (no value by nature) leaves it out.
     * @param path the field's record path (`properties.total_revenue`), `key` being its last part
     */
    set(target: { [key: string]: JsonValue }, path: string, key: string, value: JsonValue | undefined): void {
        const { missing, malformed } = this.imperfections;
        let written = value;
        if (malformed !== undefined && malformed[0] === path) {
            written = malformed[1];
        } else if (missing.has(path)) {
            written = missing.get(path);
        }
        if (written !== undefined) {
            target[key] = written;
        }
    }
}

/** Whether `value` is a JSON object (not an array). */
export function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
