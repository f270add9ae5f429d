/**
 * How HubSpot stores and compares property values: everything is a string on the wire; numbers compare as
 * numbers, dates as epoch milliseconds (a `date` property holds midnight UTC), booleans as `true`/`false`.
 */
import { isMultiSelect, type HubSpotPropertyDefinition } from './property-definitions.js';

/** A value a write endpoint (or a test seeding data) gives a property. */
export type PropertyInput = string | number | boolean | null | undefined;

/** Why a value was refused, with HubSpot's error code (as in its `Property values were not valid` errors). */
export interface PropertyValueProblem {
    name: string;
    error: 'PROPERTY_DOESNT_EXIST' | 'INVALID_TYPE' | 'INVALID_INTEGER' | 'INVALID_DATE' | 'INVALID_OPTION' | 'INVALID_BOOLEAN' | 'READ_ONLY_VALUE';
    message: string;
}

/** The result of normalising one value: the stored string (null clears the property) or a problem. */
export type NormalizedValue = { value: string | null } | { problem: PropertyValueProblem };

const DAY_MS = 86_400_000;

/**
 * Reads a HubSpot time value: epoch milliseconds (number or digits) or ISO 8601 (a date or a date-time).
 * Returns undefined when it is neither.
 */
export function parseTimeValue(value: string | number): number | undefined {
    if (typeof value === 'number') {
        return Number.isFinite(value) ? value : undefined;
    }
    const text = value.trim();
    if (/^-?\d+$/.test(text)) {
        return Number(text);
    }
    if (!/^\d{4}-\d{2}-\d{2}/.test(text)) {
        return undefined;
    }
    const parsed = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
    return Number.isNaN(parsed) ? undefined : parsed;
}

/** Reads a HubSpot number value; undefined when the text is not a number. */
export function parseNumberValue(value: string): number | undefined {
    const text = value.trim();
    if (text === '') {
        return undefined;
    }
    const parsed = Number(text);
    return Number.isFinite(parsed) ? parsed : undefined;
}

/** Turns a written value into the string HubSpot stores (and returns) for the property. */
export function normalizePropertyValue(definition: HubSpotPropertyDefinition, input: PropertyInput): NormalizedValue {
    if (input === null || input === undefined || input === '') {
        return { value: null };
    }
    const name = definition.name;
    const problem = (error: PropertyValueProblem['error'], message: string): NormalizedValue => ({ problem: { name, error, message } });
    switch (definition.type) {
        case 'number': {
            const parsed = typeof input === 'number' ? input : typeof input === 'string' ? parseNumberValue(input) : undefined;
            return parsed === undefined || !Number.isFinite(parsed)
                ? problem('INVALID_INTEGER', `${JSON.stringify(String(input))} is not a valid number for property "${name}"`)
                : { value: String(parsed) };
        }
        case 'bool': {
            const text = String(input).trim().toLowerCase();
            return text === 'true' || text === 'false'
                ? { value: text }
                : problem('INVALID_BOOLEAN', `${JSON.stringify(String(input))} is not a valid boolean for property "${name}": use true or false`);
        }
        case 'date':
        case 'datetime': {
            const ms = typeof input === 'boolean' ? undefined : parseTimeValue(input);
            if (ms === undefined || Number.isNaN(new Date(ms).getTime())) {
                return problem('INVALID_DATE', `${JSON.stringify(String(input))} is not a valid date for property "${name}": use epoch milliseconds or ISO 8601`);
            }
            if (definition.type === 'datetime') {
                return { value: new Date(ms).toISOString() };
            }
            return ms % DAY_MS === 0
                ? { value: new Date(ms).toISOString().slice(0, 10) }
                : problem('INVALID_DATE', `${JSON.stringify(String(input))} is not midnight UTC: date property "${name}" holds days only`);
        }
        case 'enumeration': {
            const text = String(input);
            const allowed = new Set((definition.options ?? []).map((option) => option.value));
            const chosen = isMultiSelect(definition) ? text.split(';').filter((part) => part !== '') : [text];
            const unknown = allowed.size === 0 ? undefined : chosen.find((value) => !allowed.has(value));
            return unknown === undefined
                ? { value: chosen.join(';') }
                : problem('INVALID_OPTION', `${JSON.stringify(unknown)} was not one of the allowed options for property "${name}": ${[...allowed].map((value) => JSON.stringify(value)).join(', ')}`);
        }
        default:
            return { value: String(input) };
    }
}

