import { COMPRESSED_SNAPSHOT_MAGIC, SNAPSHOT_MAGIC, SnapshotFormatError } from '@segments/engine';

/** The algorithm byte of the engine's compressed container for deflate (zlib format). */
const DEFLATE_CODE = 1;
/** The algorithm byte of the engine's compressed container for brotli. */
const BROTLI_CODE = 2;
const HEADER_LENGTH = COMPRESSED_SNAPSHOT_MAGIC.length + 1;

/**
 * Compresses a membership snapshot for storage, in the engine's container format (`SGMZ`, the
 * deflate algorithm byte, a zlib stream: what `compressSnapshot` of `@segments/engine` writes with
 * its default algorithm), so a stored state can be read by the CLI and the engine alike.
 *
 * It uses the runtime's `CompressionStream` rather than `node:zlib`, which n8n's community
 * package scanner does not allow a node to import.
 */
export async function packSnapshot(snapshot: Uint8Array): Promise<Uint8Array> {
    const payload = await pipe(snapshot, new CompressionStream('deflate'));
    const stored = new Uint8Array(HEADER_LENGTH + payload.length);
    stored.set(COMPRESSED_SNAPSHOT_MAGIC);
    stored[COMPRESSED_SNAPSHOT_MAGIC.length] = DEFLATE_CODE;
    stored.set(payload, HEADER_LENGTH);
    return stored;
}

/**
 * Restores the snapshot of {@link packSnapshot}; an uncompressed snapshot (`SGMS`) is returned as
 * it is. The snapshot's own checksum is verified when it is decoded or diffed. Raises
 * `SnapshotFormatError` for anything else, including a corrupt or truncated stream, and for
 * brotli, which this runtime-neutral reader does not inflate.
 */
export async function unpackSnapshot(stored: Uint8Array): Promise<Uint8Array> {
    if (startsWith(stored, SNAPSHOT_MAGIC)) return stored;
    if (stored.length < HEADER_LENGTH || !startsWith(stored, COMPRESSED_SNAPSHOT_MAGIC)) {
        throw new SnapshotFormatError('neither a snapshot nor a compressed snapshot (wrong magic bytes)');
    }
    const code = stored[COMPRESSED_SNAPSHOT_MAGIC.length];
    if (code === BROTLI_CODE) {
        throw new SnapshotFormatError('brotli-compressed state cannot be read here; store it with deflate (the default)');
    }
    if (code !== DEFLATE_CODE) throw new SnapshotFormatError(`unknown compression ${code}`);
    return await pipe(stored.subarray(HEADER_LENGTH), new DecompressionStream('deflate')).catch((error: unknown) => {
        throw new SnapshotFormatError(`the deflate stream is corrupt (${error instanceof Error ? error.message : String(error)})`);
    });
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
    const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
    return new Uint8Array(await new Response(output).arrayBuffer());
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
    return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}
