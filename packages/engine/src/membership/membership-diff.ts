/** What changed between two memberships of a segment (spec §8). */
export interface MembershipChange {
    /** Keys in the current membership and not in the previous one. */
    readonly entered: string[];
    /** Keys in the previous membership and not in the current one (including records deleted at the source). */
    readonly exited: string[];
}

/**
 * What the first evaluation (no previous membership) emits: `baseline` records the membership and
 * emits nothing (the default); `emitAll` emits every member as entered.
 */
export type FirstRunPolicy = 'baseline' | 'emitAll';

/** Options of a membership diff. */
export interface MembershipDiffOptions {
    /** What the first evaluation emits; `baseline` when not set. */
    readonly firstRun?: FirstRunPolicy;
}

/**
 * The change from `previous` to `current`. `previous` is undefined on the first run, which emits
 * according to `options.firstRun`. `entered` follows the order of `current` and `exited` the order
 * of `previous` (first occurrences; duplicates count once). Runs in time linear in the two sizes.
 */
export function diffMemberships(previous: Iterable<string> | undefined, current: Iterable<string>, options: MembershipDiffOptions = {}): MembershipChange {
    if (previous !== undefined) return diffKeys(previous, current);
    return { entered: options.firstRun === 'emitAll' ? [...new Set(current)] : [], exited: [] };
}

/** The change from `previous` to `current`, both given: entered in the order of `current`, exited in the order of `previous`. */
export function diffKeys(previous: Iterable<string>, current: Iterable<string>): MembershipChange {
    const positions = new Map<string, number>();
    const order: string[] = [];
    for (const key of previous) {
        if (positions.get(key) === undefined) {
            positions.set(key, order.length);
            order.push(key);
        }
    }
    const seen = new Uint8Array(order.length);
    const entered: string[] = [];
    let enteredSet: Set<string> | undefined;
    for (const key of current) {
        const position = positions.get(key);
        if (position !== undefined) {
            seen[position] = 1;
        } else {
            enteredSet ??= new Set();
            if (!enteredSet.has(key)) {
                enteredSet.add(key);
                entered.push(key);
            }
        }
    }
    const exited: string[] = [];
    for (let i = 0; i < order.length; i++) if (seen[i] === 0) exited.push(order[i]);
    return { entered, exited };
}
