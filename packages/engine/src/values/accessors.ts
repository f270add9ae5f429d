/** Reads the raw value at a path of an object; `undefined` when any step is missing or not an object. */
export type Accessor = (source: Record<string, unknown>) => unknown;

/** Whether reading `name` on a plain object could find something of `Object.prototype` (`constructor`, `__proto__`...). */
function inherited(name: string): boolean {
    return name in Object.prototype;
}

/** The value of own property `name` of `value`, if `value` is an object. */
function step(value: unknown, name: string): unknown {
    return typeof value === 'object' && value !== null && Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * A precomputed reader of `path` (a field's or property's `from`, split at dots), specialised
 * for one and two steps; names inherited from `Object.prototype` are read as own properties only.
 */
export function accessorFor(path: readonly string[]): Accessor {
    if (path.some(inherited)) {
        return (source) => {
            let value: unknown = source;
            for (const name of path) value = step(value, name);
            return value;
        };
    }
    if (path.length === 1) {
        const [first] = path;
        return (source) => source[first];
    }
    if (path.length === 2) {
        const [first, second] = path;
        return (source) => {
            const value = source[first];
            return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[second] : undefined;
        };
    }
    return (source) => {
        let value: unknown = source;
        for (const name of path) {
            if (typeof value !== 'object' || value === null) return undefined;
            value = (value as Record<string, unknown>)[name];
        }
        return value;
    };
}
