/**
 * The membership-change benchmark: two memberships of `size` contact keys (`c0000001`, ...)
 * where 1% of the first exited (chosen at random, seeded) and as many new contacts entered,
 * encoded as snapshots; times encoding, decoding and the entry/exit diff of the two snapshots.
 */
import { contactId, hashSeed, SeededRandom } from '@segments/sample-data';
import { decodeSnapshot, diffMemberships, diffSnapshots, diffSnapshotWithKeys, encodeSnapshot } from '@segments/engine';
import { samplePeakRss, timed } from './measure.ts';

/** Results of {@link runMembershipBench}; times are the best of `repetitions`, in milliseconds. */
export interface MembershipResult {
    readonly size: number;
    readonly entered: number;
    readonly exited: number;
    readonly encodeMs: number;
    readonly decodeMs: number;
    /** `diffSnapshots(previous, current)`: checksums verified, linear merge, changed keys as strings. */
    readonly diffMs: number;
    /** `diffSnapshotWithKeys(previous, currentKeys)`: the previous snapshot against the keys of a new evaluation. */
    readonly diffWithKeysMs: number;
    /** `diffMemberships(previousKeys, currentKeys)`: the same change from two in-memory key arrays. */
    readonly diffKeysMs: number;
    readonly bytes: number;
    readonly bytesPerMember: number;
    readonly repetitions: number;
}

/** Builds the two memberships, checks the diff finds exactly the change made, and times each step. */
export function runMembershipBench(size: number, repetitions: number): MembershipResult {
    const changed = Math.max(1, Math.round(size / 100));
    const random = new SeededRandom(hashSeed('bench', 'membership'));
    const exitedIndexes = new Set<number>();
    while (exitedIndexes.size < changed) exitedIndexes.add(random.int(0, size - 1));
    const previous: string[] = [];
    const current: string[] = [];
    for (let i = 0; i < size; i++) {
        const key = contactId(i);
        previous.push(key);
        if (!exitedIndexes.has(i)) current.push(key);
    }
    for (let i = size; i < size + changed; i++) current.push(contactId(i));
    // Evaluation order is not key order: shuffle the current membership as a stream would give it.
    for (let i = current.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        const swap = current[i];
        current[i] = current[j];
        current[j] = swap;
    }

    let encodeMs = Infinity;
    let decodeMs = Infinity;
    let diffMs = Infinity;
    let diffWithKeysMs = Infinity;
    let diffKeysMs = Infinity;
    let bytes = 0;
    for (let r = 0; r < repetitions; r++) {
        const before = encodeSnapshot(previous);
        const encoded = timed(() => encodeSnapshot(current));
        encodeMs = Math.min(encodeMs, encoded.ms);
        bytes = encoded.result.length;
        const decoded = timed(() => decodeSnapshot(encoded.result));
        decodeMs = Math.min(decodeMs, decoded.ms);
        if (decoded.result.length !== current.length) throw new Error(`decoded ${decoded.result.length} keys, encoded ${current.length}`);
        const diff = timed(() => diffSnapshots(before, encoded.result));
        diffMs = Math.min(diffMs, diff.ms);
        checkChange('diffSnapshots', diff.result, size, exitedIndexes);
        const withKeys = timed(() => diffSnapshotWithKeys(before, current));
        diffWithKeysMs = Math.min(diffWithKeysMs, withKeys.ms);
        checkChange('diffSnapshotWithKeys', withKeys.result, size, exitedIndexes);
        const keys = timed(() => diffMemberships(previous, current));
        diffKeysMs = Math.min(diffKeysMs, keys.ms);
        checkChange('diffMemberships', keys.result, size, exitedIndexes);
        samplePeakRss();
    }
    return { size, entered: changed, exited: changed, encodeMs, decodeMs, diffMs, diffWithKeysMs, diffKeysMs, bytes, bytesPerMember: bytes / size, repetitions };
}

/** Checks that a diff found exactly the keys that were moved: exited among `exitedIndexes`, entered the new ones. */
function checkChange(what: string, change: { entered: readonly string[]; exited: readonly string[] }, size: number, exitedIndexes: ReadonlySet<number>): void {
    const index = (key: string): number => Number(key.slice(1)) - 1;
    const enteredRight = change.entered.length === exitedIndexes.size && change.entered.every((key) => index(key) >= size);
    const exitedRight = change.exited.length === exitedIndexes.size && change.exited.every((key) => exitedIndexes.has(index(key)));
    if (!enteredRight || !exitedRight) {
        throw new Error(`${what} found ${change.entered.length} entered and ${change.exited.length} exited, not the ${exitedIndexes.size} of each that were made`);
    }
}
