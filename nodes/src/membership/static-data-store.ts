import { readSnapshotInfo } from '@segments/engine';
import { MembershipStoreError, storeFailure, type MembershipStore } from './membership-store.js';
import { packSnapshot, unpackSnapshot } from './stored-snapshot.js';

/** The limit of one entry in static data from a node's "Static Data Limit (KiB)" option (default 1 MiB). */
export function staticDataLimitBytes(kibibytes: number | undefined): number {
    return kibibytes === undefined ? DEFAULT_STATIC_DATA_LIMIT_BYTES : kibibytes * 1024;
}

/** The format tag of an entry this store writes. */
export const STATIC_DATA_ENTRY_FORMAT = 'segments-membership/1';

/** The default ceiling of one entry's encoded size: 1 MiB of base64 (see docs/n8n-nodes.md, "State stores"). */
export const DEFAULT_STATIC_DATA_LIMIT_BYTES = 1024 * 1024;

/** One membership as it is kept in workflow static data (JSON). */
export interface StaticDataEntry {
    /** {@link STATIC_DATA_ENTRY_FORMAT}. */
    readonly format: string;
    /** The compressed snapshot (engine container `SGMZ`), base64. */
    readonly snapshot: string;
    /** How many members the snapshot holds (informative: the snapshot is the truth). */
    readonly members: number;
}

/** Options of {@link StaticDataMembershipStore}. */
export interface StaticDataStoreOptions {
    /** The largest entry (base64 characters) the store writes; larger ones raise {@link StaticDataLimitError}. */
    readonly maxBytes?: number;
}

/** A membership too large for workflow static data. */
export class StaticDataLimitError extends MembershipStoreError {
    constructor(
        readonly bytes: number,
        readonly limit: number,
        readonly members: number,
    ) {
        super(
            `The membership (${members} members) needs ${formatBytes(bytes)} of workflow static data, over the limit of ${formatBytes(limit)}. ` +
                'Keep large segments in a state file (State Store: File), or raise the static data limit.',
        );
        this.name = 'StaticDataLimitError';
    }
}

/**
 * Keeps memberships in an n8n workflow static data object (`this.getWorkflowStaticData('node')`),
 * one JSON entry per key holding the compressed snapshot in base64. n8n writes static data to the
 * workflow's database row after an execution (see docs/n8n-nodes.md for when it does, and why
 * entries are capped).
 */
export class StaticDataMembershipStore implements MembershipStore {
    private readonly maxBytes: number;

    constructor(
        private readonly data: Record<string, unknown>,
        options: StaticDataStoreOptions = {},
    ) {
        this.maxBytes = options.maxBytes ?? DEFAULT_STATIC_DATA_LIMIT_BYTES;
    }

    async load(key: string): Promise<Uint8Array | undefined> {
        const entry = this.data[key];
        if (entry === undefined) return undefined;
        if (!isEntry(entry)) {
            throw new MembershipStoreError(`The stored membership "${key}" in workflow static data is not one this node wrote (unknown format).`);
        }
        return await unpackSnapshot(Buffer.from(entry.snapshot, 'base64')).catch(storeFailure(`The stored membership "${key}" in workflow static data is unreadable`));
    }

    async save(key: string, snapshot: Uint8Array): Promise<void> {
        const members = readSnapshotInfo(snapshot).count;
        const encoded = Buffer.from(await packSnapshot(snapshot)).toString('base64');
        if (encoded.length > this.maxBytes) throw new StaticDataLimitError(encoded.length, this.maxBytes, members);
        const entry: StaticDataEntry = { format: STATIC_DATA_ENTRY_FORMAT, snapshot: encoded, members };
        this.data[key] = entry;
    }
}

function isEntry(value: unknown): value is StaticDataEntry {
    if (typeof value !== 'object' || value === null) return false;
    const entry = value as Partial<StaticDataEntry>;
    return entry.format === STATIC_DATA_ENTRY_FORMAT && typeof entry.snapshot === 'string';
}

/** A size for messages: bytes, KiB or MiB. */
export function formatBytes(bytes: number): string {
    if (bytes < 1024) return `${bytes} bytes`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
