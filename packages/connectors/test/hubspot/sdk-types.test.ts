import { describe, expectTypeOf, test } from 'vitest';
import type {
    BatchReadInputSimplePublicObjectId,
    CollectionResponseWithTotalSimplePublicObjectForwardPaging,
    Filter,
    FilterGroup,
    FilterOperatorEnum,
    PublicObjectSearchRequest,
    SimplePublicObject,
} from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import type { HubSpotBatchReadRequest, HubSpotContact, HubSpotFilter, HubSpotFilterGroup, HubSpotFilterOperator, HubSpotSearchPage, HubSpotSearchRequest } from '../../src/index.js';

/**
 * Type-level checks (run by `npm run typecheck`, `tsc -p tsconfig.test.json`) that the connector's
 * request and response shapes are those of HubSpot's official Node SDK, `@hubspot/api-client`.
 * Two documented differences: the SDK's operators are a TypeScript enum (its string values are
 * ours), and it types `sorts` as strings while HubSpot reads `{ propertyName, direction }` objects
 * (HubSpot/hubspot-api-nodejs#559), which is what the connector sends.
 */

/** The SDK's class with its enum operators replaced by their string values. */
type SdkFilter = Omit<Filter, 'operator'> & { operator: `${FilterOperatorEnum}` };
type SdkSearchRequest = Omit<PublicObjectSearchRequest, 'filterGroups' | 'sorts'> & { filterGroups?: Array<Omit<FilterGroup, 'filters'> & { filters: SdkFilter[] }> };

describe("the connector's HubSpot shapes match @hubspot/api-client", () => {
    test('operators are the SDK enum\'s values, filters and groups its models', () => {
        expectTypeOf<HubSpotFilterOperator>().toEqualTypeOf<`${FilterOperatorEnum}`>();
        expectTypeOf<HubSpotFilter>().toExtend<SdkFilter>();
        expectTypeOf<HubSpotFilterGroup>().toExtend<{ filters: SdkFilter[] }>();
    });

    test('a search request, without its sorts, is a PublicObjectSearchRequest', () => {
        expectTypeOf<Omit<HubSpotSearchRequest, 'sorts'>>().toExtend<SdkSearchRequest>();
    });

    test('a batch read request is a BatchReadInputSimplePublicObjectId', () => {
        expectTypeOf<HubSpotBatchReadRequest>().toExtend<BatchReadInputSimplePublicObjectId>();
    });

    test('responses read fields the SDK models have, with their JSON types', () => {
        expectTypeOf<Pick<HubSpotContact, 'id' | 'properties' | 'archived'>>().toExtend<Pick<SimplePublicObject, 'id' | 'properties'> & { archived?: boolean }>();
        expectTypeOf<keyof HubSpotContact>().toExtend<keyof SimplePublicObject>();
        expectTypeOf<Pick<HubSpotSearchPage, 'total'>>().toEqualTypeOf<Pick<CollectionResponseWithTotalSimplePublicObjectForwardPaging, 'total'>>();
        expectTypeOf<keyof HubSpotSearchPage>().toExtend<keyof CollectionResponseWithTotalSimplePublicObjectForwardPaging>();
        expectTypeOf<NonNullable<HubSpotSearchPage['paging']>['next']>().toExtend<CollectionResponseWithTotalSimplePublicObjectForwardPaging['paging'] extends infer P ? (P extends { next?: infer N } ? N | undefined : never) : never>();
    });
});
