export * from './hubspot-test-server.js';
export type { StoredContact, PropertyWrites } from './contact-store.js';
export { PropertyValuesError } from './contact-store.js';
export type { ContactJson } from './contact-json.js';
export { DEFAULT_RETURNED_PROPERTIES, ALWAYS_RETURNED_PROPERTIES } from './contact-json.js';
export { SEARCH_LIMITS, type SearchRequest, type SearchResponse, type SearchSort } from './contact-search.js';
export type { HubSpotFault, HubSpotFaults, RandomFaultOptions } from './faults.js';
export { FILTER_OPERATORS, matchesFilterGroups, type FilterOperator, type SearchFilter, type SearchFilterGroup } from './filter-semantics.js';
export type { HubSpotErrorBody, HubSpotErrorDetail } from './hubspot-errors.js';
export {
    DEFAULT_CONTACT_PROPERTIES, SYSTEM_PROPERTIES, type HubSpotPropertyDefinition, type HubSpotPropertyOptionDefinition, type HubSpotPropertyType,
} from './property-definitions.js';
export { normalizePropertyValue, parseTimeValue, type PropertyInput } from './property-values.js';
