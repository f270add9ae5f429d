import { describe, expect, test } from 'vitest';
import { SnapshotFormatError } from '../../src/membership/membership-errors.js';
import {
    compressSnapshot,
    compressSnapshotSync,
    decompressSnapshot,
    decompressSnapshotSync,
    type SnapshotCompression,
} from '../../src/membership/snapshot-compression.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/membership/snapshot-format.js';
import { sparseIds } from './membership-test-utils.js';

const algorithms: SnapshotCompression[] = ['brotli', 'deflate'];
const snapshot = encodeSnapshot(sparseIds(5000, 1_000_000, 5).map((id) => `user${id}@example.com`));

describe('snapshot compression', () => {
    test.each(algorithms)('%s round-trips, sync and async', async (algorithm) => {
        const compressed = compressSnapshotSync(snapshot, { algorithm });
        expect(compressed.length).toBeLessThan(snapshot.length);
        expect(decompressSnapshotSync(compressed)).toEqual(snapshot);
        expect(await decompressSnapshot(await compressSnapshot(snapshot, { algorithm }))).toEqual(snapshot);
    });

    test('an uncompressed snapshot passes through', async () => {
        expect(decompressSnapshotSync(snapshot)).toBe(snapshot);
        expect(await decompressSnapshot(snapshot)).toBe(snapshot);
    });

    test('bytes that are neither are rejected', () => {
        expect(() => decompressSnapshotSync(new Uint8Array([1, 2, 3, 4, 5, 6]))).toThrow(/wrong magic/);
        const unknown = compressSnapshotSync(snapshot);
        unknown[4] = 9;
        expect(() => decompressSnapshotSync(unknown)).toThrow(/unknown compression 9/);
    });

    test.each(algorithms)('a corrupt %s stream is detected (by the stream or by the checksum)', async (algorithm) => {
        const compressed = compressSnapshotSync(snapshot, { algorithm });
        const corrupt = compressed.slice();
        corrupt[Math.floor(corrupt.length / 2)] ^= 0x5a;
        expect(() => decodeSnapshot(decompressSnapshotSync(corrupt))).toThrow(SnapshotFormatError);
        await expect(decompressSnapshot(corrupt).then(decodeSnapshot)).rejects.toThrow(SnapshotFormatError);
    });

    test('a million sparse numeric ids take less than 4 bytes a member, compressed or not', () => {
        const bytes = encodeSnapshot(sparseIds(1_000_000, 10_000_000, 1));
        expect(bytes.length / 1_000_000).toBeLessThan(4);
        expect(compressSnapshotSync(bytes).length / 1_000_000).toBeLessThan(4);
    });
});
