import { SnapshotFormatError } from './membership-errors.js';

/** The most bytes an unsigned LEB128 varint of a safe integer (< 2^53) takes. */
const MAX_VARINT_BYTES = 8;

/** Copies up to this many bytes with a loop, longer runs with `set` (a subarray costs more than a short loop). */
const SHORT_COPY = 32;

/** A growable byte buffer written front to back, with unsigned LEB128 varints. */
export class ByteWriter {
    private buffer: Uint8Array;
    private length = 0;

    constructor(initialCapacity = 256) {
        this.buffer = new Uint8Array(Math.max(16, initialCapacity));
    }

    /** The number of bytes written so far. */
    get position(): number {
        return this.length;
    }

    /** Makes room for `extra` more bytes. */
    reserve(extra: number): void {
        const needed = this.length + extra;
        if (needed <= this.buffer.length) return;
        let capacity = this.buffer.length * 2;
        while (capacity < needed) capacity *= 2;
        const grown = new Uint8Array(capacity);
        grown.set(this.buffer.subarray(0, this.length));
        this.buffer = grown;
    }

    /** Writes one byte. */
    byte(value: number): void {
        this.reserve(1);
        this.buffer[this.length++] = value;
    }

    /** Writes `source[start, end)`. */
    bytes(source: Uint8Array, start = 0, end = source.length): void {
        this.reserve(end - start);
        const buffer = this.buffer;
        let length = this.length;
        if (end - start > SHORT_COPY) {
            buffer.set(source.subarray(start, end), length);
            length += end - start;
        } else {
            for (let i = start; i < end; i++) buffer[length++] = source[i];
        }
        this.length = length;
    }

    /** Writes a non-negative safe integer as an unsigned LEB128 varint (7 bits a byte, low first). */
    varint(value: number): void {
        this.reserve(MAX_VARINT_BYTES);
        const buffer = this.buffer;
        let length = this.length;
        while (value > 0x7fffffff) {
            // `& 0x7f` keeps the low 7 bits of any safe integer (2^32 is a multiple of 128).
            buffer[length++] = (value & 0x7f) | 0x80;
            value = Math.floor(value / 128);
        }
        while (value > 0x7f) {
            buffer[length++] = (value & 0x7f) | 0x80;
            value >>>= 7;
        }
        buffer[length++] = value;
        this.length = length;
    }

    /** Writes an unsigned 32-bit integer, little-endian. */
    uint32(value: number): void {
        this.reserve(4);
        const buffer = this.buffer;
        buffer[this.length++] = value & 0xff;
        buffer[this.length++] = (value >>> 8) & 0xff;
        buffer[this.length++] = (value >>> 16) & 0xff;
        buffer[this.length++] = value >>> 24;
    }

    /** The bytes written so far, as a view of the internal buffer (valid until the next write). */
    view(): Uint8Array {
        return this.buffer.subarray(0, this.length);
    }

    /** The bytes written so far (a view of the internal buffer when it is exactly full, else a copy). */
    finish(): Uint8Array {
        return this.length === this.buffer.length ? this.buffer : this.buffer.slice(0, this.length);
    }
}

/** Reads bytes and unsigned LEB128 varints from `bytes[offset, end)`; reading past `end` is a {@link SnapshotFormatError}. */
export class ByteReader {
    /** The bytes read. */
    readonly bytes: Uint8Array;
    /** The offset of the next byte to read. */
    offset: number;
    /** The offset where reading must stop. */
    readonly end: number;

    constructor(bytes: Uint8Array, offset: number, end: number) {
        this.bytes = bytes;
        this.offset = offset;
        this.end = end;
    }

    /** Reads one byte. */
    byte(): number {
        if (this.offset >= this.end) throw new SnapshotFormatError('truncated');
        return this.bytes[this.offset++];
    }

    /** Reads an unsigned LEB128 varint that must be a safe integer. */
    varint(): number {
        const bytes = this.bytes;
        const end = this.end;
        let offset = this.offset;
        let result = 0;
        let scale = 1;
        for (let i = 0; i < MAX_VARINT_BYTES; i++) {
            if (offset >= end) throw new SnapshotFormatError('truncated');
            const byte = bytes[offset++];
            result += (byte & 0x7f) * scale;
            if (byte < 0x80) {
                if (result > Number.MAX_SAFE_INTEGER) break;
                this.offset = offset;
                return result;
            }
            scale *= 128;
        }
        throw new SnapshotFormatError(`varint at byte ${this.offset} is too large`);
    }
}
