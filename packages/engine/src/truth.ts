/**
 * Three-valued (Kleene) truth, encoded as small integers ordered FALSE < UNKNOWN < TRUE, so that
 * `and` is the minimum, `or` the maximum and `not` is `2 - t`: no branches, no allocation.
 */
export type Truth = 0 | 1 | 2;

/** The three truth values. */
export const Truth = {
    FALSE: 0,
    UNKNOWN: 1,
    TRUE: 2,
} as const satisfies Record<string, Truth>;

/** The name of a truth value, as reports and traces show it. */
export type TruthName = 'TRUE' | 'FALSE' | 'UNKNOWN';

const NAMES: readonly TruthName[] = ['FALSE', 'UNKNOWN', 'TRUE'];

/** `'TRUE'`, `'FALSE'` or `'UNKNOWN'`. */
export function truthName(truth: Truth): TruthName {
    return NAMES[truth];
}

/** Kleene `not`. */
export function not(truth: Truth): Truth {
    return (2 - truth) as Truth;
}

/** Kleene `and` of two values. */
export function and(a: Truth, b: Truth): Truth {
    return a < b ? a : b;
}

/** Kleene `or` of two values. */
export function or(a: Truth, b: Truth): Truth {
    return a > b ? a : b;
}

/** A boolean as a truth value; `undefined` (missing) is UNKNOWN. */
export function truthOf(value: boolean | undefined): Truth {
    return value === undefined ? Truth.UNKNOWN : value ? Truth.TRUE : Truth.FALSE;
}
