import { Truth } from '../truth.js';
import type { Fn } from './compiled.js';

/** A comparison operator of the IR. */
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

const { FALSE, UNKNOWN, TRUE } = Truth;

/** The operator with its operands swapped: `a < b` is `b > a`. */
export function flipOperator(operator: ComparisonOperator): ComparisonOperator {
    switch (operator) {
        case '<':
            return '>';
        case '<=':
            return '>=';
        case '>':
            return '<';
        case '>=':
            return '<=';
        default:
            return operator;
    }
}

/** Compares two present values of one representation (numbers, strings or booleans). */
export function compareValues(operator: ComparisonOperator, a: unknown, b: unknown): boolean {
    switch (operator) {
        case '=':
            return a === b;
        case '!=':
            return a !== b;
        case '<':
            return (a as number) < (b as number);
        case '<=':
            return (a as number) <= (b as number);
        case '>':
            return (a as number) > (b as number);
        case '>=':
            return (a as number) >= (b as number);
    }
}

/** `left OPERATOR constant`, specialised per operator; a missing constant makes it UNKNOWN. */
export function compareWithConstant(operator: ComparisonOperator, left: Fn, constant: unknown): Fn<Truth> {
    if (constant === undefined) return () => UNKNOWN;
    const c = constant as number;
    switch (operator) {
        case '=':
            return (s) => {
                const a = left(s);
                return a === undefined ? UNKNOWN : a === c ? TRUE : FALSE;
            };
        case '!=':
            return (s) => {
                const a = left(s);
                return a === undefined ? UNKNOWN : a !== c ? TRUE : FALSE;
            };
        case '<':
            return (s) => {
                const a = left(s) as number | undefined;
                return a === undefined ? UNKNOWN : a < c ? TRUE : FALSE;
            };
        case '<=':
            return (s) => {
                const a = left(s) as number | undefined;
                return a === undefined ? UNKNOWN : a <= c ? TRUE : FALSE;
            };
        case '>':
            return (s) => {
                const a = left(s) as number | undefined;
                return a === undefined ? UNKNOWN : a > c ? TRUE : FALSE;
            };
        case '>=':
            return (s) => {
                const a = left(s) as number | undefined;
                return a === undefined ? UNKNOWN : a >= c ? TRUE : FALSE;
            };
    }
}

/** `left OPERATOR right`, both read per record. */
export function compareClosures(operator: ComparisonOperator, left: Fn, right: Fn): Fn<Truth> {
    return (s) => {
        const a = left(s);
        if (a === undefined) return UNKNOWN;
        const b = right(s);
        if (b === undefined) return UNKNOWN;
        return compareValues(operator, a, b) ? TRUE : FALSE;
    };
}

/** Text equality ignoring case against a constant: an exact match needs no lower-casing. */
export function textEqualsConstant(left: Fn, constant: string | undefined, negated: boolean): Fn<Truth> {
    if (constant === undefined) return () => UNKNOWN;
    const lower = constant.toLowerCase();
    const equal = negated ? FALSE : TRUE;
    const different = negated ? TRUE : FALSE;
    return (s) => {
        const a = left(s) as string | undefined;
        if (a === undefined) return UNKNOWN;
        return a === constant || a.toLowerCase() === lower ? equal : different;
    };
}
