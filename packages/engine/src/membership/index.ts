export { diffMemberships, type FirstRunPolicy, type MembershipChange, type MembershipDiffOptions } from './membership-diff.js';
export * from './membership-errors.js';
export * from './membership-state.js';
export * from './snapshot-compression.js';
export { diffSnapshots, diffSnapshotWithKeys } from './snapshot-diff.js';
export {
    decodeSnapshot,
    encodeSnapshot,
    readSnapshotInfo,
    SNAPSHOT_FORMAT_VERSION,
    SNAPSHOT_MAGIC,
    type SnapshotInfo,
    type SnapshotKind,
} from './snapshot-format.js';
