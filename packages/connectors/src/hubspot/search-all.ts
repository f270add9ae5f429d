import type { HubSpotClient } from './hubspot-client.js';
import { HubSpotPollError } from './hubspot-errors.js';
import { HUBSPOT_SEARCH_LIMITS, type HubSpotContact, type HubSpotFilterGroup, type HubSpotSearchRequest } from './hubspot-types.js';

/** The property every contact has: its id, as a number. Pages are sorted on it. */
export const HUBSPOT_ID_PROPERTY = 'hs_object_id';

/** What {@link searchAll} reads. */
export interface SearchAllOptions {
    /**
     * The groups to match (ORed), or none for every contact. Each group must leave room for one
     * more filter ({@link HUBSPOT_SEARCH_LIMITS}): paging adds `hs_object_id > last id` to each.
     */
    filterGroups: HubSpotFilterGroup[];
    /** The properties to return. */
    properties: string[];
    /** Results a page, at most 200 (the default). */
    pageSize?: number;
}

/** Every contact a search matches, in ascending id order. */
export interface SearchAllResult {
    contacts: HubSpotContact[];
    /** Search requests made (not counting the client's retries). */
    requests: number;
}

/**
 * Reads every contact the filter groups match. Pages by keyset: each page is its own query, sorted
 * on `hs_object_id` ascending with `hs_object_id > the last id read` added to every group. Unlike
 * HubSpot's offset cursor (`after`), this cannot skip a contact when another one is deleted
 * between two pages, and it never meets the 10,000-results cap of one query.
 *
 * Throws a {@link HubSpotPollError} when the answers are not a whole read: a short page while
 * HubSpot's `total` says more results match, a short page that offers a next page, or results
 * out of order. Errors of the client (`HubSpotApiError`) pass through.
 */
export async function searchAll(client: HubSpotClient, options: SearchAllOptions): Promise<SearchAllResult> {
    const pageSize = options.pageSize ?? HUBSPOT_SEARCH_LIMITS.maxPageSize;
    checkRoomForPaging(options.filterGroups);
    const contacts: HubSpotContact[] = [];
    let lastId: number | undefined;
    let requests = 0;
    for (;;) {
        const request: HubSpotSearchRequest = {
            sorts: [{ propertyName: HUBSPOT_ID_PROPERTY, direction: 'ASCENDING' }],
            properties: options.properties,
            limit: pageSize,
        };
        const filterGroups = lastId === undefined ? options.filterGroups : afterId(options.filterGroups, lastId);
        if (filterGroups.length > 0) request.filterGroups = filterGroups;
        const page = await client.searchContacts(request);
        requests++;
        for (const contact of page.results) {
            const id = Number(contact.id);
            if (!Number.isSafeInteger(id) || (lastId !== undefined && id <= lastId)) {
                throw new HubSpotPollError(`HubSpot returned contact ${JSON.stringify(contact.id)} out of id order (after ${lastId ?? 'the start'})`);
            }
            lastId = id;
            contacts.push(contact);
        }
        if (page.results.length >= pageSize && page.results.length < page.total) continue;
        if (page.results.length < page.total) {
            throw new HubSpotPollError(`HubSpot's search ended short: a page of ${page.results.length} results when ${page.total} match`);
        }
        if (page.results.length < pageSize && page.paging?.next !== undefined) {
            throw new HubSpotPollError(`HubSpot's search is inconsistent: a short page of ${page.results.length} results offers a next page`);
        }
        return { contacts, requests };
    }
}

/** Adds `hs_object_id > id` to every group (or makes it the one group when there are none). */
function afterId(groups: HubSpotFilterGroup[], id: number): HubSpotFilterGroup[] {
    const filter = { propertyName: HUBSPOT_ID_PROPERTY, operator: 'GT' as const, value: String(id) };
    if (groups.length === 0) return [{ filters: [filter] }];
    return groups.map((group) => ({ filters: [...group.filters, filter] }));
}

function checkRoomForPaging(groups: HubSpotFilterGroup[]): void {
    const { maxGroups, maxFiltersPerGroup, maxFilters } = HUBSPOT_SEARCH_LIMITS;
    const total = groups.reduce((sum, group) => sum + group.filters.length + 1, 0);
    if (groups.length > maxGroups || groups.some((g) => g.filters.length + 1 > maxFiltersPerGroup) || total > maxFilters) {
        throw new RangeError(`searchAll needs room for one paging filter a group: at most ${maxGroups} groups, ${maxFiltersPerGroup - 1} filters a group and ${maxFilters} filters in all counting one per group`);
    }
}
