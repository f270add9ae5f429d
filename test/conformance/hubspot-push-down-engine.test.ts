import { describeConformance } from './conformance-suite.js';
import { HubSpotPushDownConformanceEngine } from './hubspot-push-down-engine.js';

/**
 * Every case of the conformance corpus through the HubSpot push-down path: the members must be
 * the case's, so the pushed filters never leave out a member (the engine then decides exactly).
 */
describeConformance(new HubSpotPushDownConformanceEngine());
