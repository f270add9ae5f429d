/**
 * Tables of the reflected CRC-32 polynomial 0xEDB88320 (IEEE 802.3, as in zlib and PNG) for
 * slicing by four: `tables[k][b]` is the CRC of byte `b` followed by `k` zero bytes.
 */
const tables = (() => {
    const result = [new Int32Array(256), new Int32Array(256), new Int32Array(256), new Int32Array(256)];
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        result[0][n] = c;
    }
    for (let n = 0; n < 256; n++) {
        for (let k = 1; k < 4; k++) result[k][n] = (result[k - 1][n] >>> 8) ^ result[0][result[k - 1][n] & 0xff];
    }
    return result;
})();

/** The CRC-32 (IEEE, as zlib computes it) of `bytes[start, end)`, as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
    const [t0, t1, t2, t3] = tables;
    let crc = -1;
    let i = start;
    for (; i + 4 <= end; i += 4) {
        crc ^= bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
        crc = t3[crc & 0xff] ^ t2[(crc >>> 8) & 0xff] ^ t1[(crc >>> 16) & 0xff] ^ t0[crc >>> 24];
    }
    for (; i < end; i++) crc = t0[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ -1) >>> 0;
}
