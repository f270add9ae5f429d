/**
 * The types of the segment language. Every expression has one; conditions are `boolean`.
 * `error` marks an expression whose type could not be found (an unknown name, a type mismatch
 * below it), so that one mistake is reported once, not again by every operator above it.
 */
export type SegmentType =
    | { readonly kind: 'text' }
    | { readonly kind: 'number' }
    | { readonly kind: 'boolean' }
    | { readonly kind: 'date' }
    | { readonly kind: 'datetime' }
    | { readonly kind: 'duration'; readonly unit: CanonicalTimeUnit }
    | { readonly kind: 'list'; readonly element: 'text' | 'number' }
    | { readonly kind: 'enum'; readonly values: readonly string[] }
    | { readonly kind: 'null' }
    | { readonly kind: 'error' };

export type TypeKind = SegmentType['kind'];

/** Time units in their canonical, plural form. */
export type CanonicalTimeUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

export const TEXT: SegmentType = { kind: 'text' };
export const NUMBER: SegmentType = { kind: 'number' };
export const BOOLEAN: SegmentType = { kind: 'boolean' };
export const DATE: SegmentType = { kind: 'date' };
export const DATETIME: SegmentType = { kind: 'datetime' };
export const NULL: SegmentType = { kind: 'null' };
export const ERROR: SegmentType = { kind: 'error' };

/** The canonical unit of a written unit: `day` and `Days` are `days`. */
export function canonicalUnit(unit: string): CanonicalTimeUnit {
    const lower = unit.toLowerCase();
    return (lower.endsWith('s') ? lower : `${lower}s`) as CanonicalTimeUnit;
}

/** Whether a unit is finer than a day (so it needs a time of day). */
export function isSubDayUnit(unit: CanonicalTimeUnit): boolean {
    return unit === 'minutes' || unit === 'hours';
}

/** Types ordered in time: a calendar date or an instant. */
export function isTemporal(type: SegmentType): boolean {
    return type.kind === 'date' || type.kind === 'datetime';
}

/** Types that read as text: text and enumerations. */
export function isTextual(type: SegmentType): boolean {
    return type.kind === 'text' || type.kind === 'enum';
}

/** How a type is written in a schema, for messages and hovers. */
export function typeToString(type: SegmentType): string {
    switch (type.kind) {
        case 'list':
            return `list of ${type.element}`;
        case 'enum':
            return `one of (${type.values.map((v) => JSON.stringify(v)).join(', ')})`;
        case 'duration':
            return 'duration';
        case 'error':
            return 'unknown';
        default:
            return type.kind;
    }
}

/** A short phrase with an article, for messages: "a number", "an enumeration". */
export function describeType(type: SegmentType): string {
    switch (type.kind) {
        case 'text':
            return 'text';
        case 'enum':
            return 'a `one of` value';
        case 'list':
            return `a list of ${type.element}`;
        case 'null':
            return 'null';
        case 'error':
            return 'an unknown value';
        default:
            return `a ${type.kind}`;
    }
}

/**
 * Whether two values can be compared with `=` and `!=` (and, when `ordered`, `<`, `between`...):
 * numbers with numbers, text with text or enumerations, dates with dates or datetimes (a datetime
 * compared with a date compares its calendar date), booleans with booleans for equality.
 */
export function areComparable(left: SegmentType, right: SegmentType, ordered: boolean): boolean {
    if (left.kind === 'error' || right.kind === 'error' || left.kind === 'null' || right.kind === 'null') {
        return true;
    }
    if (isTemporal(left) && isTemporal(right)) {
        return true;
    }
    if (isTextual(left) && isTextual(right)) {
        return !(ordered && (left.kind === 'enum' || right.kind === 'enum'));
    }
    if (left.kind === 'number' && right.kind === 'number') {
        return true;
    }
    return !ordered && left.kind === 'boolean' && right.kind === 'boolean';
}
