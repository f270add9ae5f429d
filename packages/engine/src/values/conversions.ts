import type { FieldTypeIR } from '@segments/ir';
import { parseCivilDate } from '../time/civil-dates.js';
import { parseIsoInstant } from '../time/iso-instants.js';
import type { ZoneClock } from '../time/zone-clock.js';

/** What a conversion returns for a present value that cannot be read as the type (UNKNOWN, and counted). */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/**
 * Converts a raw record value to the engine's representation of a type: `number` for numbers,
 * `string` for text and enumerations, `boolean`, days since 1970-01-01 for dates, epoch
 * milliseconds for datetimes, arrays for lists; `undefined` when missing, {@link UNREADABLE}
 * when present but unreadable. Never throws, whatever the value.
 */
export type Conversion = (raw: unknown) => unknown;

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const EPOCH_MS = /^-?\d+$/;

/** The conversion of raw values to `type`; dates and offset-less datetimes are read in `clock`'s zone. */
export function conversionFor(type: FieldTypeIR, clock: ZoneClock): Conversion {
    switch (type) {
        case 'number':
            return toNumber;
        case 'text':
        case 'enum':
            return toText;
        case 'boolean':
            return toBoolean;
        case 'datetime':
            return (raw) => toInstant(raw, clock);
        case 'date':
            return (raw) => toDate(raw, clock);
        case 'list-of-text':
            return (raw) => toList(raw, toText);
        case 'list-of-number':
            return (raw) => toList(raw, toNumber);
    }
}

/** Numbers as they are (finite only), decimal strings (blank: missing), bigints. */
export function toNumber(raw: unknown): unknown {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : UNREADABLE;
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw === 'string') {
        const text = raw.trim();
        if (text === '') return undefined;
        return NUMERIC.test(text) ? Number(text) : UNREADABLE;
    }
    if (typeof raw === 'bigint') return Number(raw);
    return UNREADABLE;
}

/** Strings as they are; finite numbers and booleans as their text. */
export function toText(raw: unknown): unknown {
    if (typeof raw === 'string') return raw;
    if (raw === undefined || raw === null) return undefined;
    if ((typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
    return UNREADABLE;
}

/** Booleans; the strings `true` and `false` (any case, surrounding blanks ignored; blank: missing). */
export function toBoolean(raw: unknown): unknown {
    if (typeof raw === 'boolean') return raw;
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw === 'string') {
        const text = raw.trim().toLowerCase();
        return text === 'true' ? true : text === 'false' ? false : text === '' ? undefined : UNREADABLE;
    }
    return UNREADABLE;
}

/** Epoch milliseconds (numbers, digit strings), ISO-8601 strings, `Date` objects; as epoch milliseconds. */
export function toInstant(raw: unknown, clock: ZoneClock): unknown {
    if (typeof raw === 'string') {
        const ms = parseIsoInstant(raw, clock);
        if (ms === ms) return ms;
        const text = raw.trim();
        if (text === '') return undefined;
        if (EPOCH_MS.test(text)) return Number(text);
        const trimmed = parseIsoInstant(text, clock);
        return trimmed === trimmed ? trimmed : UNREADABLE;
    }
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : UNREADABLE;
    if (raw === undefined || raw === null) return undefined;
    if (raw instanceof Date) {
        const ms = raw.getTime();
        return ms === ms ? ms : UNREADABLE;
    }
    return UNREADABLE;
}

/**
 * An event's `at` as epoch milliseconds, or `NaN` when it is missing or unreadable: exactly
 * {@link toInstant}, with the common case (an ISO-8601 string) first and no boxing of the result.
 */
export function eventTimeOf(raw: unknown, clock: ZoneClock): number {
    if (typeof raw === 'string') {
        const ms = parseIsoInstant(raw, clock);
        if (ms === ms) return ms;
    }
    const value = toInstant(raw, clock);
    return typeof value === 'number' ? value : NaN;
}

/** `YYYY-MM-DD`; any instant {@link toInstant} reads, as its calendar date in `clock`'s zone. */
export function toDate(raw: unknown, clock: ZoneClock): unknown {
    if (typeof raw === 'string' && raw.length === 10) {
        const days = parseCivilDate(raw);
        if (days !== undefined) return days;
    }
    const ms = toInstant(raw, clock);
    return typeof ms === 'number' ? clock.dateOf(ms) : ms;
}

/** Arrays (element by element; `null` elements are dropped) and `;`-separated strings (blank parts dropped). */
export function toList(raw: unknown, element: (raw: unknown) => unknown): unknown {
    if (raw === undefined || raw === null) return undefined;
    const parts: readonly unknown[] | undefined = typeof raw === 'string' ? raw.split(';') : Array.isArray(raw) ? raw : undefined;
    if (parts === undefined) return UNREADABLE;
    const list: unknown[] = [];
    for (const part of parts) {
        const value = element(typeof part === 'string' ? part.trim() : part);
        if (value === UNREADABLE) return UNREADABLE;
        if (value !== undefined && value !== '') list.push(value);
    }
    return list;
}
