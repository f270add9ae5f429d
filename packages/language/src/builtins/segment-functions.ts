import { DATE, NUMBER, type SegmentType, TEXT, isTemporal, type TypeKind } from '../types/segment-types.js';

/** What a parameter accepts, with the words used in messages. */
export interface ParameterSpec {
    readonly name: string;
    readonly accepts: (type: SegmentType) => boolean;
    readonly expected: string;
}

/** A built-in function of §4 of the specification. */
export interface FunctionSignature {
    readonly name: string;
    readonly parameters: readonly ParameterSpec[];
    /** When true, the last parameter repeats (at least once more). */
    readonly variadic?: boolean;
    /** The result type for the argument types (only called when the arguments are accepted). */
    readonly returns: (args: readonly SegmentType[]) => SegmentType;
    /** How it is written, for hovers, completion and signature help. */
    readonly signature: string;
    readonly documentation: string;
}

const text: ParameterSpec = { name: 'text', accepts: (t) => t.kind === 'text' || t.kind === 'enum', expected: 'text' };
const textOrList: ParameterSpec = { name: 'value', accepts: (t) => t.kind === 'text' || t.kind === 'enum' || t.kind === 'list', expected: 'text or a list' };
const dateLike: ParameterSpec = { name: 'date', accepts: isTemporal, expected: 'a date or a datetime' };
const anyValue: ParameterSpec = { name: 'value', accepts: (t) => t.kind !== 'duration', expected: 'a value' };

const numberOf = (): SegmentType => NUMBER;
const dateFunction = (name: string, documentation: string, returns: () => SegmentType = numberOf): FunctionSignature => ({
    name,
    parameters: [dateLike],
    returns,
    signature: `${name}(date)`,
    documentation,
});

/** The built-in functions by name. All that read time use the segment's time zone. */
export const builtinFunctions: ReadonlyMap<string, FunctionSignature> = new Map(
    ([
        { name: 'lower', parameters: [text], returns: () => TEXT, signature: 'lower(text)', documentation: 'The text in lower case.' },
        { name: 'upper', parameters: [text], returns: () => TEXT, signature: 'upper(text)', documentation: 'The text in upper case.' },
        { name: 'trim', parameters: [text], returns: () => TEXT, signature: 'trim(text)', documentation: 'The text without leading and trailing white space.' },
        {
            name: 'length',
            parameters: [textOrList],
            returns: numberOf,
            signature: 'length(text | list)',
            documentation: 'The number of characters of a text, or of elements of a list.',
        },
        {
            name: 'coalesce',
            parameters: [anyValue, anyValue],
            variadic: true,
            returns: (args: readonly SegmentType[]) => args.find((a: SegmentType) => a.kind !== 'null' && a.kind !== 'error') ?? args[0],
            signature: 'coalesce(value, fallback, ...)',
            documentation: 'The first argument that is set. All arguments must have one type.',
        },
        dateFunction('year', 'The year of a date (for a datetime, of its calendar date in the segment\'s time zone).'),
        dateFunction('month', 'The month of a date, 1 (January) to 12.'),
        dateFunction('day', 'The day of the month of a date, 1 to 31.'),
        dateFunction('weekday', 'The day of the week of a date, 1 (Monday) to 7 (Sunday).'),
        dateFunction('age', 'Whole years from the date until `today`: `age(birthday) >= 21`.'),
        dateFunction('days_since', 'Whole days from the date until `today`; negative for a date in the future.'),
        dateFunction('days_until', 'Whole days from `today` until the date; negative for a date in the past.'),
        dateFunction(
            'anniversary',
            'The month and day of the date in the current year: `anniversary(subscribed_at) = today`. 29 February becomes 28 February in other years.',
            () => DATE,
        ),
    ] satisfies FunctionSignature[]).map((f) => [f.name, f]),
);

/** The result kinds of the built-in functions, for completion filtering. */
export function functionResultKind(signature: FunctionSignature): TypeKind | 'any' {
    return signature.name === 'coalesce' ? 'any' : signature.returns([TEXT]).kind;
}

