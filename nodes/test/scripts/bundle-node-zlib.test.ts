import { compressSnapshotSync, decompressSnapshot, decompressSnapshotSync } from '@segments/engine';
import { describe, expect, it } from 'vitest';
import { brotliCompressSync, deflate, deflateSync, inflate, inflateSync } from '../../scripts/bundle-node-zlib.mjs';

/** A snapshot-sized payload with repetition, as membership snapshots have. */
const payload = new Uint8Array(50_000).map((_, index) => (index * 7) % 251 % 17);

/** The engine's compressed snapshot layout: 4 magic bytes, an algorithm byte, the stream. */
const HEADER = 5;

describe('the bundles\' node:zlib (fflate)', () => {
    it('inflates what Node\'s zlib deflated (a snapshot compressed by the engine outside n8n)', () => {
        const stored = compressSnapshotSync(payload);
        expect(inflateSync(stored.subarray(HEADER))).toEqual(payload);
    });

    it('deflates a stream Node\'s zlib inflates (a snapshot the CLI can read)', () => {
        const stored = compressSnapshotSync(payload);
        const rewritten = new Uint8Array([...stored.subarray(0, HEADER), ...deflateSync(payload, { level: 6 })]);
        expect(decompressSnapshotSync(rewritten)).toEqual(payload);
    });

    it('offers the callback forms, errors included', async () => {
        const compressed = await new Promise<Uint8Array>((resolve, reject) => deflate(payload, {}, (error: Error | null, value: Uint8Array) => (error ? reject(error) : resolve(value))));
        const restored = await new Promise<Uint8Array>((resolve, reject) => inflate(compressed, {}, (error: Error | null, value: Uint8Array) => (error ? reject(error) : resolve(value))));
        expect(restored).toEqual(payload);
        const failure = await new Promise<Error | null>((resolve) => inflate(new Uint8Array([1, 2, 3]), {}, (error: Error | null) => resolve(error)));
        expect(failure).toBeInstanceOf(Error);
    });

    it('has no brotli: it fails with a message saying so', () => {
        expect(() => brotliCompressSync()).toThrow('brotli is not available in the n8n package');
    });

    it('round-trips with the engine\'s own reader', async () => {
        const stored = compressSnapshotSync(payload);
        expect(await decompressSnapshot(stored)).toEqual(payload);
    });
});
