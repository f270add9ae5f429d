import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompress, brotliDecompressSync, constants, deflate, deflateSync, inflate, inflateSync } from 'node:zlib';
import { SnapshotFormatError } from './membership-errors.js';
import { hasSnapshotMagic } from './snapshot-format.js';

/** The compression of a stored snapshot. */
export type SnapshotCompression = 'brotli' | 'deflate';

/** Options of {@link compressSnapshot}. */
export interface SnapshotCompressionOptions {
    /**
     * `deflate` (zlib format; the default: as small as brotli within a few percent on snapshots,
     * and several times faster) or `brotli`.
     */
    readonly algorithm?: SnapshotCompression;
    /** Deflate level 0..9 (default 6) or brotli quality 0..11 (default 5; higher levels gain little and cost much). */
    readonly level?: number;
}

/** The first four bytes of a compressed snapshot: `SGMZ`; a fifth byte names the algorithm. */
export const COMPRESSED_SNAPSHOT_MAGIC: readonly number[] = [0x53, 0x47, 0x4d, 0x5a];

const ALGORITHM_CODES: Record<SnapshotCompression, number> = { deflate: 1, brotli: 2 };
const HEADER_LENGTH = COMPRESSED_SNAPSHOT_MAGIC.length + 1;
const DEFAULT_LEVELS: Record<SnapshotCompression, number> = { deflate: 6, brotli: 5 };

const brotliCompressAsync = promisify(brotliCompress);
const brotliDecompressAsync = promisify(brotliDecompress);
const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/** Compresses a snapshot for storage (`SGMZ`, an algorithm byte, the compressed bytes), off the main thread. */
export async function compressSnapshot(snapshot: Uint8Array, options: SnapshotCompressionOptions = {}): Promise<Uint8Array> {
    const algorithm = options.algorithm ?? 'deflate';
    const level = options.level ?? DEFAULT_LEVELS[algorithm];
    const payload = algorithm === 'brotli' ? await brotliCompressAsync(snapshot, brotliOptions(snapshot, level)) : await deflateAsync(snapshot, { level });
    return wrap(algorithm, payload);
}

/** {@link compressSnapshot}, synchronously. */
export function compressSnapshotSync(snapshot: Uint8Array, options: SnapshotCompressionOptions = {}): Uint8Array {
    const algorithm = options.algorithm ?? 'deflate';
    const level = options.level ?? DEFAULT_LEVELS[algorithm];
    const payload = algorithm === 'brotli' ? brotliCompressSync(snapshot, brotliOptions(snapshot, level)) : deflateSync(snapshot, { level });
    return wrap(algorithm, payload);
}

/**
 * Restores the snapshot of {@link compressSnapshot}; an uncompressed snapshot is returned as it is.
 * The snapshot itself is verified (checksum) when it is decoded or diffed.
 */
export async function decompressSnapshot(stored: Uint8Array): Promise<Uint8Array> {
    if (hasSnapshotMagic(stored)) return stored;
    const algorithm = compressionOf(stored);
    const payload = stored.subarray(HEADER_LENGTH);
    try {
        return view(algorithm === 'brotli' ? await brotliDecompressAsync(payload) : await inflateAsync(payload));
    } catch (error) {
        throw corrupt(algorithm, error);
    }
}

/** {@link decompressSnapshot}, synchronously. */
export function decompressSnapshotSync(stored: Uint8Array): Uint8Array {
    if (hasSnapshotMagic(stored)) return stored;
    const algorithm = compressionOf(stored);
    const payload = stored.subarray(HEADER_LENGTH);
    try {
        return view(algorithm === 'brotli' ? brotliDecompressSync(payload) : inflateSync(payload));
    } catch (error) {
        throw corrupt(algorithm, error);
    }
}

function brotliOptions(snapshot: Uint8Array, quality: number) {
    return {
        params: {
            [constants.BROTLI_PARAM_QUALITY]: quality,
            [constants.BROTLI_PARAM_SIZE_HINT]: snapshot.length,
        },
    };
}

function wrap(algorithm: SnapshotCompression, payload: Uint8Array): Uint8Array {
    const stored = new Uint8Array(HEADER_LENGTH + payload.length);
    stored.set(COMPRESSED_SNAPSHOT_MAGIC);
    stored[COMPRESSED_SNAPSHOT_MAGIC.length] = ALGORITHM_CODES[algorithm];
    stored.set(payload, HEADER_LENGTH);
    return stored;
}

function compressionOf(stored: Uint8Array): SnapshotCompression {
    if (stored.length < HEADER_LENGTH || !COMPRESSED_SNAPSHOT_MAGIC.every((byte, i) => stored[i] === byte)) {
        throw new SnapshotFormatError('neither a snapshot nor a compressed snapshot (wrong magic bytes)');
    }
    const code = stored[COMPRESSED_SNAPSHOT_MAGIC.length];
    if (code === ALGORITHM_CODES.brotli) return 'brotli';
    if (code === ALGORITHM_CODES.deflate) return 'deflate';
    throw new SnapshotFormatError(`unknown compression ${code}`);
}

function corrupt(algorithm: SnapshotCompression, error: unknown): SnapshotFormatError {
    return new SnapshotFormatError(`the ${algorithm} stream is corrupt (${error instanceof Error ? error.message : String(error)})`);
}

/** A plain Uint8Array over a Buffer's bytes. */
function view(buffer: Uint8Array): Uint8Array {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
