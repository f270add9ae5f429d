import type { IExecuteFunctions } from 'n8n-workflow';
import { FileMembershipStore } from './file-store.js';
import type { MembershipStore } from './membership-store.js';
import { StaticDataMembershipStore } from './static-data-store.js';

/** Where a node keeps its memberships: `staticData` (the default) or `file` (large segments). */
export type StateStoreKind = 'staticData' | 'file';

/** Options of {@link createMembershipStore}. */
export interface MembershipStoreSettings {
    readonly kind: StateStoreKind;
    /** The largest static data entry, in bytes (static data store). */
    readonly staticDataLimitBytes?: number;
    /** The state folder (file store). */
    readonly folder?: string;
}

/**
 * The store of an executing node: node-scoped workflow static data, or state files whose pointers
 * live in that static data (named by workflow id and node id, so nodes never share files).
 */
export function createMembershipStore(context: IExecuteFunctions, settings: MembershipStoreSettings): MembershipStore {
    const staticData = context.getWorkflowStaticData('node');
    if (settings.kind === 'staticData') return new StaticDataMembershipStore(staticData, { maxBytes: settings.staticDataLimitBytes });
    return new FileMembershipStore(context.helpers, {
        folder: settings.folder ?? '',
        namespace: `${context.getWorkflow().id ?? ''}:${context.getNode().id}`,
        pointers: staticData,
    });
}
