/**
 * The JSON shapes of HubSpot's CRM v3 API that the connector reads and writes, as HubSpot documents
 * them (https://developers.hubspot.com/docs/api/crm/search). The request shapes are checked against
 * the types of HubSpot's official Node SDK (`@hubspot/api-client`) by a type-level test.
 */

/** An operator of a search filter (the SDK's `FilterOperatorEnum`, as its string values). */
export type HubSpotFilterOperator =
    | 'EQ'
    | 'NEQ'
    | 'LT'
    | 'LTE'
    | 'GT'
    | 'GTE'
    | 'BETWEEN'
    | 'IN'
    | 'NOT_IN'
    | 'HAS_PROPERTY'
    | 'NOT_HAS_PROPERTY'
    | 'CONTAINS_TOKEN'
    | 'NOT_CONTAINS_TOKEN';

/** One filter of a search: `value` for comparisons, `value` and `highValue` for BETWEEN, `values` for IN / NOT_IN. */
export interface HubSpotFilter {
    propertyName: string;
    operator: HubSpotFilterOperator;
    value?: string;
    highValue?: string;
    values?: string[];
}

/** The filters of one group, all of which must match (AND). */
export interface HubSpotFilterGroup {
    filters: HubSpotFilter[];
}

/** A sort of a search, as HubSpot documents it (the SDK types `sorts` as strings; HubSpot reads these objects). */
export interface HubSpotSort {
    propertyName: string;
    direction: 'ASCENDING' | 'DESCENDING';
}

/** The body of `POST /crm/v3/objects/contacts/search`. Groups are ORed. */
export interface HubSpotSearchRequest {
    filterGroups?: HubSpotFilterGroup[];
    sorts?: HubSpotSort[];
    query?: string;
    properties?: string[];
    /** At most 200. */
    limit?: number;
    /** The paging cursor of the previous page (`paging.next.after`). */
    after?: string;
}

/** The body of `POST /crm/v3/objects/contacts/batch/read`: at most 100 ids. */
export interface HubSpotBatchReadRequest {
    inputs: Array<{ id: string }>;
    properties: string[];
    propertiesWithHistory: string[];
}

/** A contact as the CRM API returns it: every property value is a string, or `null` when unset. */
export interface HubSpotContact {
    id: string;
    properties: Record<string, string | null>;
    createdAt: string;
    updatedAt: string;
    archived: boolean;
}

/** One page of search results. `total` is the number of results the query matches. */
export interface HubSpotSearchPage {
    total: number;
    results: HubSpotContact[];
    paging?: { next?: { after: string; link?: string } };
}

/** An option of an enumeration property. */
export interface HubSpotPropertyOption {
    label: string;
    value: string;
    description?: string;
    displayOrder?: number;
    hidden?: boolean;
}

/** A contact property, as `GET /crm/v3/properties/contacts` returns it (one of `results`). */
export interface HubSpotProperty {
    name: string;
    label: string;
    description?: string;
    groupName: string;
    type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';
    /** How the property is edited: `text`, `textarea`, `number`, `date`, `select`, `radio`, `checkbox`, `booleancheckbox`... */
    fieldType: string;
    options: HubSpotPropertyOption[];
    hidden?: boolean;
    calculated?: boolean;
    hubspotDefined?: boolean;
}

/** The limits HubSpot's search endpoint enforces (a request over them gets a 400). */
export const HUBSPOT_SEARCH_LIMITS = {
    /** Filter groups in one request. */
    maxGroups: 5,
    /** Filters in one group. */
    maxFiltersPerGroup: 6,
    /** Filters in all groups together. */
    maxFilters: 18,
    /** Values of one IN / NOT_IN filter. */
    maxValuesPerFilter: 100,
    /** Results of one page. */
    maxPageSize: 200,
    /** Ids of one batch read. */
    maxBatchReadIds: 100,
} as const;
