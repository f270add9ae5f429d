import { diffKeys, type MembershipChange } from './membership-diff.js';
import { compareBytes } from './utf8.js';
import { decodeSnapshot, IntegerSnapshotCursor, openSnapshot, type SnapshotCursor, TextSnapshotCursor } from './snapshot-format.js';

/**
 * The change from the `previous` snapshot to the `current` one, both verified. Snapshots of the
 * same kind are merged linearly, key bytes against key bytes, and only the keys that entered or
 * exited become strings; both lists are in the snapshots' order. Snapshots of different kinds
 * (one all-integer, the other not) are decoded and diffed by lookup.
 */
export function diffSnapshots(previous: Uint8Array, current: Uint8Array): MembershipChange {
    const before = openSnapshot(previous);
    const after = openSnapshot(current);
    // The encoding of a set is unique: equal bytes (checksums verified above) are equal sets.
    if (sameBytes(previous, current)) return { entered: [], exited: [] };
    if (before instanceof TextSnapshotCursor && after instanceof TextSnapshotCursor) {
        return merge(before, after, (a, b) => compareBytes(a.key, a.length, b.key, b.length));
    }
    if (before instanceof IntegerSnapshotCursor && after instanceof IntegerSnapshotCursor) {
        return merge(before, after, (a, b) => a.value - b.value);
    }
    return diffKeys(decodeSnapshot(previous), decodeSnapshot(current));
}

/**
 * The change from the `previous` snapshot to a `current` membership given as keys (for instance
 * straight from an evaluation): entered in the order of `current`, exited in the snapshot's order.
 */
export function diffSnapshotWithKeys(previous: Uint8Array, current: Iterable<string>): MembershipChange {
    return diffKeys(decodeSnapshot(previous), current);
}

/** Merges two ascending cursors of one kind: keys only in `before` exited, keys only in `after` entered. */
function merge<C extends SnapshotCursor>(before: C, after: C, compare: (a: C, b: C) => number): MembershipChange {
    const entered: string[] = [];
    const exited: string[] = [];
    let hasBefore = before.next();
    let hasAfter = after.next();
    while (hasBefore && hasAfter) {
        const order = compare(before, after);
        if (order === 0) {
            hasBefore = before.next();
            hasAfter = after.next();
        } else if (order < 0) {
            exited.push(before.string());
            hasBefore = before.next();
        } else {
            entered.push(after.string());
            hasAfter = after.next();
        }
    }
    for (; hasBefore; hasBefore = before.next()) exited.push(before.string());
    for (; hasAfter; hasAfter = after.next()) entered.push(after.string());
    return { entered, exited };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}
