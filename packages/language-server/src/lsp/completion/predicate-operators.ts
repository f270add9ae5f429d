import type { SegmentType, TypeKind } from '@segments/language';

/** An operator that may follow a value to make a condition, with the snippet it inserts. */
export interface PredicateOperator {
    readonly label: string;
    /** A snippet (LSP snippet syntax) inserted in place of the label. */
    readonly snippet: string;
    readonly documentation: string;
    /** The kinds of subject it applies to. */
    readonly subjects: readonly TypeKind[];
}

const ORDERED: readonly TypeKind[] = ['number', 'date', 'datetime'];
const TEMPORAL: readonly TypeKind[] = ['date', 'datetime'];
const EQUATABLE: readonly TypeKind[] = ['text', 'enum', 'number', 'boolean', 'date', 'datetime'];
const LISTED: readonly TypeKind[] = ['text', 'enum', 'number', 'date', 'datetime'];
const EVERY: readonly TypeKind[] = [...EQUATABLE, 'list'];

/**
 * The predicate suffixes of §2 and §3 of the specification, each with the subject types it is
 * valid for. Ordered comparisons are offered on numbers and dates only: text compares in order
 * too, but that is rarely what a segment means.
 */
export const predicateOperators: readonly PredicateOperator[] = [
    { label: '=', snippet: '= $0', documentation: 'Equal (text ignores case, except on `one of` fields).', subjects: EQUATABLE },
    { label: '!=', snippet: '!= $0', documentation: 'Not equal. A missing value matches neither `=` nor `!=`.', subjects: EQUATABLE },
    { label: '<', snippet: '< $0', documentation: 'Less than (earlier than, for dates).', subjects: ORDERED },
    { label: '<=', snippet: '<= $0', documentation: 'Less than or equal.', subjects: ORDERED },
    { label: '>', snippet: '> $0', documentation: 'Greater than (later than, for dates).', subjects: ORDERED },
    { label: '>=', snippet: '>= $0', documentation: 'Greater than or equal.', subjects: ORDERED },
    { label: 'between', snippet: 'between ${1:low} and ${2:high}', documentation: 'Both ends included: `low <= x and x <= high`.', subjects: ORDERED },
    { label: 'not between', snippet: 'not between ${1:low} and ${2:high}', documentation: 'Outside the range.', subjects: ORDERED },
    { label: 'in', snippet: 'in ($0)', documentation: 'One of a list of values (ignores case for text).', subjects: LISTED },
    { label: 'not in', snippet: 'not in ($0)', documentation: 'None of a list of values.', subjects: LISTED },
    { label: 'contains', snippet: 'contains "$0"', documentation: 'Contains the text, ignoring case.', subjects: ['text'] },
    { label: 'not contains', snippet: 'not contains "$0"', documentation: 'Does not contain the text, ignoring case.', subjects: ['text'] },
    { label: 'starts with', snippet: 'starts with "$0"', documentation: 'Starts with the text, ignoring case.', subjects: ['text'] },
    { label: 'ends with', snippet: 'ends with "$0"', documentation: 'Ends with the text, ignoring case.', subjects: ['text'] },
    { label: 'matches', snippet: 'matches "$0"', documentation: 'Matches a regular expression, case-sensitive (no back-references, no look-around).', subjects: ['text'] },
    { label: 'within last', snippet: 'within last ${1:30} ${2:days}', documentation: 'Between `N units ago` and now.', subjects: TEMPORAL },
    { label: 'within next', snippet: 'within next ${1:30} ${2:days}', documentation: 'Between now and `N units from now`.', subjects: TEMPORAL },
    { label: 'more than … ago', snippet: 'more than ${1:30} ${2:days} ago', documentation: 'Earlier than `N units ago`.', subjects: TEMPORAL },
    { label: 'less than … ago', snippet: 'less than ${1:30} ${2:days} ago', documentation: 'Within the last N units.', subjects: TEMPORAL },
    { label: 'before', snippet: 'before $0', documentation: 'Strictly before a date.', subjects: TEMPORAL },
    { label: 'after', snippet: 'after $0', documentation: 'Strictly after a date.', subjects: TEMPORAL },
    { label: 'includes', snippet: 'includes $0', documentation: 'The list has the value (ignores case for text).', subjects: ['list'] },
    { label: 'not includes', snippet: 'not includes $0', documentation: 'The list does not have the value.', subjects: ['list'] },
    { label: 'includes any of', snippet: 'includes any of ($0)', documentation: 'The list has at least one of the values.', subjects: ['list'] },
    { label: 'includes all of', snippet: 'includes all of ($0)', documentation: 'The list has every one of the values.', subjects: ['list'] },
    { label: 'is set', snippet: 'is set', documentation: 'The value is present.', subjects: EVERY },
    { label: 'is not set', snippet: 'is not set', documentation: 'The value is missing.', subjects: EVERY },
    { label: 'is empty', snippet: 'is empty', documentation: 'Missing, `""` or `[]`.', subjects: ['text', 'list'] },
    { label: 'is not empty', snippet: 'is not empty', documentation: 'Present and neither `""` nor `[]`.', subjects: ['text', 'list'] },
];

/** The operators valid after a value of a type; every operator when the type is unknown. */
export function operatorsFor(type: SegmentType): PredicateOperator[] {
    if (type.kind === 'error' || type.kind === 'null') {
        return [...predicateOperators];
    }
    return predicateOperators.filter((operator) => operator.subjects.includes(type.kind));
}
