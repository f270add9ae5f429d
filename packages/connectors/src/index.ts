export * from './hubspot/hubspot-types.js';
export * from './hubspot/hubspot-errors.js';
export * from './hubspot/hubspot-client.js';
export * from './hubspot/search-all.js';
export * from './hubspot/hubspot-records.js';
export * from './hubspot/planner/search-planner.js';
export * from './hubspot/segment-poller.js';
export * from './hubspot/hubspot-schema.js';
