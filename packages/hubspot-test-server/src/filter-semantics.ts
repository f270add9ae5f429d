/**
 * HubSpot's search filter semantics: `filterGroups` are an OR of groups, each an AND of filters. String
 * comparisons ignore case, enumeration values do not; numbers compare as numbers; dates and date-times as
 * epoch milliseconds; negative operators (NEQ, NOT_IN, NOT_HAS_PROPERTY, NOT_CONTAINS_TOKEN) also match
 * contacts that have no value.
 */
import { isMultiSelect, type HubSpotPropertyDefinition } from './property-definitions.js';
import { parseNumberValue, parseTimeValue } from './property-values.js';

/** The operators HubSpot's search accepts. */
export const FILTER_OPERATORS = [
    'EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN',
] as const;

/** One of HubSpot's filter operators. */
export type FilterOperator = typeof FILTER_OPERATORS[number];

/** A filter as HubSpot's search request carries it (the SDK's `Filter`). */
export interface SearchFilter {
    propertyName: string;
    operator: FilterOperator;
    value?: string;
    highValue?: string;
    values?: string[];
}

/** A group of filters that must all hold (the SDK's `FilterGroup`). */
export interface SearchFilterGroup {
    filters: SearchFilter[];
}

const NEGATIVE_OPERATORS: ReadonlySet<string> = new Set(['NEQ', 'NOT_IN', 'NOT_HAS_PROPERTY', 'NOT_CONTAINS_TOKEN']);

/** How values of one property compare: a key to order by. */
export type Comparable = string | number;

/** The key a value compares by for its property's type (undefined when the value cannot be read as that type). */
export function comparable(definition: HubSpotPropertyDefinition | undefined, value: string): Comparable | undefined {
    switch (definition?.type) {
        case 'number':
            return parseNumberValue(value);
        case 'date':
        case 'datetime':
            return parseTimeValue(value);
        case 'enumeration':
            return value;
        default:
            return value.toLowerCase();
    }
}

/** The words of a text, lower-cased: what CONTAINS_TOKEN and the free-text query match. */
export function tokens(text: string): string[] {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((token) => token !== '');
}

function containsToken(stored: string, wanted: string): boolean {
    if (wanted.includes('*')) {
        const pattern = wanted.toLowerCase().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
        return new RegExp(`^${pattern}$`, 's').test(stored.toLowerCase()) || tokens(stored).some((token) => new RegExp(`^${pattern}$`, 's').test(token));
    }
    const have = new Set(tokens(stored));
    const want = tokens(wanted);
    return want.length > 0 && want.every((token) => have.has(token));
}

/** Orders two comparable keys of the same type. */
export function compare(left: Comparable, right: Comparable): number {
    return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether a present value satisfies a positive comparison with one filter value. */
function holdsFor(operator: FilterOperator, definition: HubSpotPropertyDefinition | undefined, stored: string, filter: SearchFilter): boolean {
    const left = comparable(definition, stored);
    const against = (raw: unknown): Comparable | undefined => raw === undefined || raw === null ? undefined : comparable(definition, String(raw));
    const ordered = (raw: unknown, test: (order: number) => boolean): boolean => {
        const right = against(raw);
        return left !== undefined && right !== undefined && typeof left === typeof right && test(compare(left, right));
    };
    switch (operator) {
        case 'EQ':
        case 'NEQ':
            return ordered(filter.value, (order) => order === 0);
        case 'LT':
            return ordered(filter.value, (order) => order < 0);
        case 'LTE':
            return ordered(filter.value, (order) => order <= 0);
        case 'GT':
            return ordered(filter.value, (order) => order > 0);
        case 'GTE':
            return ordered(filter.value, (order) => order >= 0);
        case 'BETWEEN':
            return ordered(filter.value, (order) => order >= 0) && ordered(filter.highValue, (order) => order <= 0);
        case 'IN':
        case 'NOT_IN':
            return (filter.values ?? []).some((raw) => ordered(raw, (order) => order === 0));
        case 'CONTAINS_TOKEN':
        case 'NOT_CONTAINS_TOKEN':
            return filter.value !== undefined && containsToken(stored, String(filter.value));
        case 'HAS_PROPERTY':
        case 'NOT_HAS_PROPERTY':
            return true;
    }
}

/** Whether one filter holds for a contact's stored property values. */
export function matchesFilter(filter: SearchFilter, properties: Record<string, string | null>, definitions: ReadonlyMap<string, HubSpotPropertyDefinition>): boolean {
    const definition = definitions.get(filter.propertyName);
    const stored = properties[filter.propertyName];
    const negative = NEGATIVE_OPERATORS.has(filter.operator);
    if (stored === null || stored === undefined || stored === '') {
        return negative;
    }
    // A multiple-checkbox enumeration holds several options: a positive filter holds when it holds for one of them.
    const parts = definition && isMultiSelect(definition) && filter.operator !== 'CONTAINS_TOKEN' && filter.operator !== 'NOT_CONTAINS_TOKEN'
        ? stored.split(';')
        : [stored];
    const positive = parts.some((part) => holdsFor(filter.operator, definition, part, filter));
    return negative ? !positive : positive;
}

/** Whether some group has all its filters hold (no groups match every contact), with definitions by name. */
export function matchesGroups(filterGroups: readonly SearchFilterGroup[], properties: Record<string, string | null>, definitions: ReadonlyMap<string, HubSpotPropertyDefinition>): boolean {
    return filterGroups.length === 0 || filterGroups.some((group) => group.filters.every((filter) => matchesFilter(filter, properties, definitions)));
}

/**
 * HubSpot's own filter semantics: true when some group has all its filters hold for the contact (no groups
 * match every contact). `properties` are the stored string values (null or absent when unset); the groups
 * are taken as valid (the search endpoint refuses invalid ones before it filters).
 */
export function matchesFilterGroups(filterGroups: unknown[], properties: Record<string, string | null>, definitions: readonly HubSpotPropertyDefinition[]): boolean {
    return matchesGroups(filterGroups as SearchFilterGroup[], properties, new Map(definitions.map((definition) => [definition.name, definition])));
}
