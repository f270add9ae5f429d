/** The value at a path of a record (`["properties", "total_revenue"]`), or `undefined` when any step is missing. */
export function valueAt(record: unknown, path: readonly string[]): unknown {
    let value = record;
    for (const name of path) {
        if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) return undefined;
        value = (value as Record<string, unknown>)[name];
    }
    return value;
}

/**
 * A value as one line of text: text as is, numbers and booleans printed, a list's items joined
 * with `;` (the language's list form), an object as JSON, and a missing value (or `null`) empty.
 */
export function valueText(value: unknown): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : valueText(item))).join(';');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
}
