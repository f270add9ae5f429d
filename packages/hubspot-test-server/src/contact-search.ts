/**
 * `POST /crm/v3/objects/contacts/search`: request validation with HubSpot's limits, filtering, sorting and
 * offset paging up to HubSpot's 10,000-result cap.
 */
import type { StoredContact } from './contact-store.js';
import { contactJson, type ContactJson } from './contact-json.js';
import { comparable, compare, FILTER_OPERATORS, matchesGroups, tokens, type FilterOperator, type SearchFilter, type SearchFilterGroup } from './filter-semantics.js';
import { validationError, type HubSpotErrorResponse } from './hubspot-errors.js';
import type { HubSpotPropertyDefinition } from './property-definitions.js';

/** HubSpot's documented search limits. */
export const SEARCH_LIMITS = {
    /** Filter groups in one request. */
    filterGroups: 5,
    /** Filters in one group. */
    filtersPerGroup: 6,
    /** Filters in all groups together. */
    filters: 18,
    /** Results in one page (`limit`). */
    pageSize: 200,
    /** Page size when the request gives no `limit`. */
    defaultPageSize: 10,
    /** Results one query can page through: an `after` at or past this gets a 400. */
    results: 10_000,
} as const;

/** One sort rule. */
export interface SearchSort {
    propertyName: string;
    direction: 'ASCENDING' | 'DESCENDING';
}

/** A validated search request. */
export interface SearchRequest {
    filterGroups: SearchFilterGroup[];
    sorts: SearchSort[];
    properties: string[] | undefined;
    query: string | undefined;
    limit: number;
    after: number;
}

/** A search response page (the SDK's `CollectionResponseWithTotalSimplePublicObjectForwardPaging`). */
export interface SearchResponse {
    total: number;
    results: ContactJson[];
    paging?: { next: { after: string; link: string } };
}

/** The properties the free-text `query` searches, as HubSpot documents for contacts. */
export const QUERY_PROPERTIES: readonly string[] = ['firstname', 'lastname', 'email', 'phone', 'hs_additional_emails', 'fax', 'mobilephone', 'company', 'hs_marketable_until_renewal'];

const OPERATORS: ReadonlySet<string> = new Set(FILTER_OPERATORS);
const SINGLE_VALUE: ReadonlySet<string> = new Set(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN']);

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function parseFilter(raw: unknown, where: string, definitions: ReadonlyMap<string, HubSpotPropertyDefinition>): SearchFilter | string {
    if (!isRecord(raw) || typeof raw.propertyName !== 'string' || typeof raw.operator !== 'string') {
        return `${where} must have a propertyName and an operator`;
    }
    const { propertyName, operator } = raw;
    if (!OPERATORS.has(operator)) {
        return `${where}: unknown operator ${JSON.stringify(operator)}; expected one of ${FILTER_OPERATORS.join(', ')}`;
    }
    if (!definitions.has(propertyName)) {
        return `${where}: property ${JSON.stringify(propertyName)} does not exist`;
    }
    if (SINGLE_VALUE.has(operator) && !isScalar(raw.value)) {
        return `${where}: operator ${operator} needs a value`;
    }
    if (operator === 'BETWEEN' && (!isScalar(raw.value) || !isScalar(raw.highValue))) {
        return `${where}: operator BETWEEN needs a value and a highValue`;
    }
    if ((operator === 'IN' || operator === 'NOT_IN') && (!Array.isArray(raw.values) || raw.values.length === 0 || !raw.values.every(isScalar))) {
        return `${where}: operator ${operator} needs a non-empty values array`;
    }
    return {
        propertyName,
        operator: operator as FilterOperator,
        ...(raw.value === undefined ? {} : { value: String(raw.value) }),
        ...(raw.highValue === undefined ? {} : { highValue: String(raw.highValue) }),
        ...(Array.isArray(raw.values) ? { values: raw.values.map(String) } : {}),
    };
}

function parseSort(raw: unknown, definitions: ReadonlyMap<string, HubSpotPropertyDefinition>): SearchSort | string {
    // The SDK types sorts as strings ("name" or "-name"); HubSpot's docs send {propertyName, direction}.
    const sort: SearchSort | undefined = typeof raw === 'string'
        ? { propertyName: raw.replace(/^-/, ''), direction: raw.startsWith('-') ? 'DESCENDING' : 'ASCENDING' }
        : isRecord(raw) && typeof raw.propertyName === 'string' && (raw.direction === undefined || raw.direction === 'ASCENDING' || raw.direction === 'DESCENDING')
            ? { propertyName: raw.propertyName, direction: raw.direction ?? 'ASCENDING' }
            : undefined;
    if (!sort) {
        return 'a sort must be a property name or {"propertyName", "direction": "ASCENDING" | "DESCENDING"}';
    }
    return definitions.has(sort.propertyName) ? sort : `sort property ${JSON.stringify(sort.propertyName)} does not exist`;
}

/** Reads and validates a search body; a HubSpot 400 error when it breaks HubSpot's rules or limits. */
export function parseSearchRequest(body: unknown, definitions: ReadonlyMap<string, HubSpotPropertyDefinition>): SearchRequest | HubSpotErrorResponse {
    if (!isRecord(body)) {
        return validationError('Invalid input JSON: the search body must be a JSON object');
    }
    const rawGroups = body.filterGroups ?? [];
    if (!Array.isArray(rawGroups)) {
        return validationError('filterGroups must be an array');
    }
    if (rawGroups.length > SEARCH_LIMITS.filterGroups) {
        return validationError(`Too many filter groups: ${rawGroups.length}. A search can have at most ${SEARCH_LIMITS.filterGroups} filterGroups.`);
    }
    const filterGroups: SearchFilterGroup[] = [];
    let filterCount = 0;
    for (const [groupIndex, rawGroup] of rawGroups.entries()) {
        if (!isRecord(rawGroup) || !Array.isArray(rawGroup.filters)) {
            return validationError(`filterGroups[${groupIndex}] must have a filters array`);
        }
        if (rawGroup.filters.length > SEARCH_LIMITS.filtersPerGroup) {
            return validationError(`Too many filters in filterGroups[${groupIndex}]: ${rawGroup.filters.length}. A filter group can have at most ${SEARCH_LIMITS.filtersPerGroup} filters.`);
        }
        filterCount += rawGroup.filters.length;
        const filters: SearchFilter[] = [];
        for (const [filterIndex, rawFilter] of rawGroup.filters.entries()) {
            const filter = parseFilter(rawFilter, `filterGroups[${groupIndex}].filters[${filterIndex}]`, definitions);
            if (typeof filter === 'string') {
                return validationError(filter);
            }
            filters.push(filter);
        }
        filterGroups.push({ filters });
    }
    if (filterCount > SEARCH_LIMITS.filters) {
        return validationError(`Too many filters: ${filterCount}. A search can have at most ${SEARCH_LIMITS.filters} filters in all its groups.`);
    }
    const rawSorts = body.sorts ?? [];
    if (!Array.isArray(rawSorts) || rawSorts.length > 1) {
        return validationError('sorts must be an array of at most one sort rule');
    }
    const sorts: SearchSort[] = [];
    for (const rawSort of rawSorts) {
        const sort = parseSort(rawSort, definitions);
        if (typeof sort === 'string') {
            return validationError(sort);
        }
        sorts.push(sort);
    }
    const limit = body.limit ?? SEARCH_LIMITS.defaultPageSize;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > SEARCH_LIMITS.pageSize) {
        return validationError(`limit must be an integer from 0 to ${SEARCH_LIMITS.pageSize}, not ${JSON.stringify(limit)}`);
    }
    const rawAfter = body.after ?? '0';
    const after = typeof rawAfter === 'string' && /^\d+$/.test(rawAfter) ? Number(rawAfter) : typeof rawAfter === 'number' && Number.isInteger(rawAfter) && rawAfter >= 0 ? rawAfter : undefined;
    if (after === undefined) {
        return validationError(`after must be the paging.next.after of a previous page, not ${JSON.stringify(rawAfter)}`);
    }
    if (after >= SEARCH_LIMITS.results) {
        return validationError(`The search API returns at most ${SEARCH_LIMITS.results} results for a query: after ${after} is past that limit. Narrow the query (for example filter on hs_object_id above the last id seen) to page further.`);
    }
    const properties = body.properties;
    if (properties !== undefined && (!Array.isArray(properties) || !properties.every((name) => typeof name === 'string'))) {
        return validationError('properties must be an array of property names');
    }
    const query = body.query;
    if (query !== undefined && typeof query !== 'string') {
        return validationError('query must be a string');
    }
    return { filterGroups, sorts, properties, query: query === '' ? undefined : query, limit, after };
}

function matchesQuery(contact: StoredContact, query: string): boolean {
    const wanted = tokens(query);
    const have = QUERY_PROPERTIES.flatMap((name) => tokens(contact.properties[name] ?? ''));
    return wanted.every((token) => have.some((word) => word.startsWith(token)));
}

function order(sorts: readonly SearchSort[], definitions: ReadonlyMap<string, HubSpotPropertyDefinition>): (a: StoredContact, b: StoredContact) => number {
    // Without a sort rule HubSpot returns the oldest records first.
    const sort = sorts[0] ?? { propertyName: 'createdate', direction: 'ASCENDING' };
    const definition = definitions.get(sort.propertyName);
    const sign = sort.direction === 'DESCENDING' ? -1 : 1;
    const key = (contact: StoredContact) => {
        const value = contact.properties[sort.propertyName];
        return value === undefined ? undefined : comparable(definition, value);
    };
    return (a, b) => {
        const left = key(a);
        const right = key(b);
        // Contacts without the value come last, whatever the direction.
        const byValue = left === undefined || right === undefined
            ? (left === undefined ? 1 : 0) - (right === undefined ? 1 : 0)
            : sign * compare(left, right);
        return byValue !== 0 ? byValue : sign * (Number(a.id) - Number(b.id));
    };
}

/** Runs a validated search over the contacts. */
export function runSearch(request: SearchRequest, contacts: readonly StoredContact[], definitions: ReadonlyMap<string, HubSpotPropertyDefinition>): SearchResponse {
    const matching = contacts
        .filter((contact) => matchesGroups(request.filterGroups, contact.properties, definitions))
        .filter((contact) => request.query === undefined || matchesQuery(contact, request.query))
        .sort(order(request.sorts, definitions));
    const end = Math.min(request.after + request.limit, SEARCH_LIMITS.results);
    const results = matching.slice(request.after, end).map((contact) => contactJson(contact, request.properties, (name) => definitions.has(name)));
    const response: SearchResponse = { total: matching.length, results };
    if (end < matching.length && request.limit > 0) {
        response.paging = { next: { after: String(end), link: `?after=${end}` } };
    }
    return response;
}
