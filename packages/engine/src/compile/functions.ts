import type { ValueTypeIR } from '@segments/ir';
import { SegmentEngineError } from '../errors.js';
import { anniversaryInYear, dayOfMonthOfDays, monthOfDays, weekdayOfDays, yearOfDays } from '../time/civil-dates.js';
import type { ZoneClock } from '../time/zone-clock.js';
import type { Fn } from './compiled.js';

/** What a built-in function is compiled with: its arguments, already converted to the function's needs. */
export interface FunctionContext {
    /** The arguments' closures. */
    args: readonly Fn[];
    /** The arguments' types. */
    argTypes: readonly ValueTypeIR[];
    /** The call's type. */
    type: ValueTypeIR;
    clock: ZoneClock;
    /** `today`, in days since 1970-01-01. */
    today: number;
}

/** Reads an argument as a calendar date (days): a datetime stands for its date in the zone. */
function dateArgument(context: FunctionContext, index: number): Fn<number | undefined> {
    const arg = context.args[index] as Fn<number | undefined>;
    if (context.argTypes[index] !== 'datetime') return arg;
    const clock = context.clock;
    return (s) => {
        const ms = arg(s);
        return ms === undefined ? undefined : clock.dateOf(ms);
    };
}

/** Converts a date or datetime argument of `coalesce` to the call's type. */
function coalesceArgument(context: FunctionContext, index: number): Fn {
    const arg = context.args[index];
    const from = context.argTypes[index];
    const clock = context.clock;
    if (from === 'datetime' && context.type === 'date') return dateArgument(context, index);
    if (from === 'date' && context.type === 'datetime') {
        return (s) => {
            const days = arg(s) as number | undefined;
            return days === undefined ? undefined : clock.startOfDay(days);
        };
    }
    return arg;
}

/** The number of characters (code points) of a string. */
function codePoints(text: string): number {
    let count = text.length;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff) count--;
    }
    return count;
}

/** A function of one date argument. */
function ofDate(context: FunctionContext, compute: (days: number) => number): Fn<number | undefined> {
    const arg = dateArgument(context, 0);
    return (s) => {
        const days = arg(s);
        return days === undefined ? undefined : compute(days);
    };
}

/** A function of one string argument. */
function ofText(context: FunctionContext, compute: (text: string) => unknown): Fn {
    const arg = context.args[0] as Fn<string | undefined>;
    return (s) => {
        const text = arg(s);
        return text === undefined ? undefined : compute(text);
    };
}

/** Compiles a call of a built-in function (spec §4); a missing argument gives `undefined` (UNKNOWN), except for `coalesce`. */
export function compileFunction(name: string, context: FunctionContext): Fn {
    const today = context.today;
    const thisYear = yearOfDays(today);
    switch (name) {
        case 'lower':
            return ofText(context, (t) => t.toLowerCase());
        case 'upper':
            return ofText(context, (t) => t.toUpperCase());
        case 'trim':
            return ofText(context, (t) => t.trim());
        case 'length': {
            const arg = context.args[0];
            return (s) => {
                const value = arg(s);
                return typeof value === 'string' ? codePoints(value) : Array.isArray(value) ? value.length : undefined;
            };
        }
        case 'coalesce': {
            const args = context.args.map((_, i) => coalesceArgument(context, i));
            return (s) => {
                for (const arg of args) {
                    const value = arg(s);
                    if (value !== undefined) return value;
                }
                return undefined;
            };
        }
        case 'year':
            return ofDate(context, yearOfDays);
        case 'month':
            return ofDate(context, monthOfDays);
        case 'day':
            return ofDate(context, dayOfMonthOfDays);
        case 'weekday':
            return ofDate(context, weekdayOfDays);
        case 'age':
            return ofDate(context, (d) => thisYear - yearOfDays(d) - (anniversaryInYear(d, thisYear) > today ? 1 : 0));
        case 'days_since':
            return ofDate(context, (d) => today - d);
        case 'days_until':
            return ofDate(context, (d) => d - today);
        case 'anniversary':
            return ofDate(context, (d) => anniversaryInYear(d, thisYear));
        default:
            throw new SegmentEngineError(`Unknown function ${JSON.stringify(name)} in the segment IR.`);
    }
}
