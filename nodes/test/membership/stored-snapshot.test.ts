import { compressSnapshotSync, decodeSnapshot, decompressSnapshotSync, encodeSnapshot, SnapshotFormatError } from '@segments/engine';
import { describe, expect, it } from 'vitest';
import { packSnapshot, unpackSnapshot } from '../../src/membership/stored-snapshot.js';

const snapshot = encodeSnapshot(['ada@example.com', 'grace@example.com', 'linus@example.com']);

describe('packSnapshot / unpackSnapshot', () => {
    it('round-trips a snapshot through the compressed container', async () => {
        const packed = await packSnapshot(snapshot);
        expect([...packed.subarray(0, 5)]).toEqual([0x53, 0x47, 0x4d, 0x5a, 1]);
        expect(decodeSnapshot(await unpackSnapshot(packed))).toEqual(['ada@example.com', 'grace@example.com', 'linus@example.com']);
    });

    it('writes what the engine reads and reads what the engine writes', async () => {
        expect(decompressSnapshotSync(await packSnapshot(snapshot))).toEqual(snapshot);
        expect(await unpackSnapshot(compressSnapshotSync(snapshot))).toEqual(snapshot);
    });

    it('passes an uncompressed snapshot through', async () => {
        expect(await unpackSnapshot(snapshot)).toBe(snapshot);
    });

    it('refuses wrong magic bytes, brotli, unknown algorithms and a cut-off stream', async () => {
        await expect(unpackSnapshot(new Uint8Array([1, 2, 3, 4, 5, 6]))).rejects.toThrow(SnapshotFormatError);
        await expect(unpackSnapshot(compressSnapshotSync(snapshot, { algorithm: 'brotli' }))).rejects.toThrow(/brotli/);
        const unknown = await packSnapshot(snapshot);
        unknown[4] = 7;
        await expect(unpackSnapshot(unknown)).rejects.toThrow(/unknown compression 7/);
        const packed = await packSnapshot(snapshot);
        await expect(unpackSnapshot(packed.subarray(0, packed.length - 3))).rejects.toThrow(SnapshotFormatError);
    });
});
