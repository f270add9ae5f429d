import { crc32 } from './crc32.js';
import { InvalidMemberKeyError, SnapshotFormatError } from './membership-errors.js';
import { ByteReader, ByteWriter } from './snapshot-bytes.js';
import { compareCodePoints, decodeUtf8, encodeUtf8 } from './utf8.js';

/** The first four bytes of every snapshot: `SGMS` (SeGment Membership Snapshot). */
export const SNAPSHOT_MAGIC: readonly number[] = [0x53, 0x47, 0x4d, 0x53];

/** The byte layout version this module writes and the only one it reads. */
export const SNAPSHOT_FORMAT_VERSION = 1;

/**
 * How a snapshot's keys are stored: `text` front-codes the UTF-8 keys in byte order; `integer`
 * stores keys that are all canonical decimal integers (`0`, or `[1-9][0-9]*` up to 2^53 - 1) as
 * ascending gaps.
 */
export type SnapshotKind = 'text' | 'integer';

/** What the header of a verified snapshot says. */
export interface SnapshotInfo {
    /** The byte layout version ({@link SNAPSHOT_FORMAT_VERSION}). */
    readonly version: number;
    /** How the keys are stored. */
    readonly kind: SnapshotKind;
    /** The number of (distinct) keys. */
    readonly count: number;
}

/** Where the parts of a verified snapshot are. */
export interface SnapshotLayout extends SnapshotInfo {
    /** The offset of the first key entry. */
    readonly bodyStart: number;
    /** The offset just past the last key entry (where the checksum starts). */
    readonly bodyEnd: number;
}

/** Reads the keys of a snapshot one at a time, in the snapshot's order. */
export interface SnapshotCursor {
    /** Moves to the next key; false when there is none (the body is then checked to end exactly there). */
    next(): boolean;
    /** The current key as a string. */
    string(): string;
}

const KIND_CODES: Record<SnapshotKind, number> = { text: 0, integer: 1 };
const MAGIC_LENGTH = 4;
const CHECKSUM_LENGTH = 4;
/** magic, version, kind, a one-byte count (0), checksum. */
const MIN_LENGTH = MAGIC_LENGTH + 3 + CHECKSUM_LENGTH;
/** The longest canonical decimal form of a safe integer (9007199254740991). */
const MAX_INTEGER_DIGITS = 16;
/** Any UTF-16 surrogate: its presence makes code point order differ from `<` order. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Encodes a membership (a set of record keys) as a snapshot: exact, canonical (equal sets give
 * equal bytes) and compact. Duplicates are dropped; the order of `keys` does not matter. Keys must
 * be non-empty, well-formed strings (else {@link InvalidMemberKeyError}).
 */
export function encodeSnapshot(keys: Iterable<string>): Uint8Array {
    const list = Array.from(keys);
    let integers = list.length > 0;
    let surrogates = false;
    let longest = 0;
    for (const key of list) {
        if (typeof key !== 'string') throw new TypeError(`Membership keys must be strings, got ${typeof key}`);
        if (key.length === 0) throw new InvalidMemberKeyError(key, 'keys must not be empty');
        if (integers && !isCanonicalInteger(key)) integers = false;
        if (!surrogates && SURROGATE.test(key)) surrogates = true;
        if (key.length > longest) longest = key.length;
    }
    return integers ? encodeIntegers(list) : encodeTexts(list, surrogates, longest);
}

/** Decodes a snapshot into its keys, in the snapshot's order (ascending numbers for `integer`, UTF-8 byte order for `text`). */
export function decodeSnapshot(bytes: Uint8Array): string[] {
    const cursor = openSnapshot(bytes);
    const keys: string[] = [];
    while (cursor.next()) keys.push(cursor.string());
    return keys;
}

/** Reads and verifies (magic, version, checksum) the header of a snapshot without decoding its keys. */
export function readSnapshotInfo(bytes: Uint8Array): SnapshotInfo {
    const { version, kind, count } = readSnapshotLayout(bytes);
    return { version, kind, count };
}

/** True when `bytes` start with the snapshot magic (an uncompressed snapshot, not yet verified). */
export function hasSnapshotMagic(bytes: Uint8Array): boolean {
    return bytes.length >= MAGIC_LENGTH && SNAPSHOT_MAGIC.every((byte, i) => bytes[i] === byte);
}

/** Verifies a snapshot's header and checksum and locates its body. */
export function readSnapshotLayout(bytes: Uint8Array): SnapshotLayout {
    if (!hasSnapshotMagic(bytes)) throw new SnapshotFormatError('not a membership snapshot (wrong magic bytes)');
    if (bytes.length < MIN_LENGTH) throw new SnapshotFormatError('truncated');
    const version = bytes[MAGIC_LENGTH];
    if (version !== SNAPSHOT_FORMAT_VERSION) {
        throw new SnapshotFormatError(`format version ${version} is not supported (this engine reads version ${SNAPSHOT_FORMAT_VERSION})`);
    }
    const bodyEnd = bytes.length - CHECKSUM_LENGTH;
    const stored = (bytes[bodyEnd] | (bytes[bodyEnd + 1] << 8) | (bytes[bodyEnd + 2] << 16) | (bytes[bodyEnd + 3] << 24)) >>> 0;
    if (crc32(bytes, 0, bodyEnd) !== stored) throw new SnapshotFormatError('checksum mismatch (the bytes are corrupt)');
    const kindCode = bytes[MAGIC_LENGTH + 1];
    const kind = kindCode === KIND_CODES.text ? 'text' : kindCode === KIND_CODES.integer ? 'integer' : undefined;
    if (kind === undefined) throw new SnapshotFormatError(`unknown key encoding ${kindCode}`);
    const reader = new ByteReader(bytes, MAGIC_LENGTH + 2, bodyEnd);
    const count = reader.varint();
    // Every entry takes at least one byte: a larger count is corrupt (and must not size an allocation).
    if (count > bodyEnd - reader.offset) throw new SnapshotFormatError(`count ${count} exceeds the body`);
    return { version, kind, count, bodyStart: reader.offset, bodyEnd };
}

/** Verifies a snapshot and opens a cursor over its keys. */
export function openSnapshot(bytes: Uint8Array): TextSnapshotCursor | IntegerSnapshotCursor {
    const layout = readSnapshotLayout(bytes);
    return layout.kind === 'text' ? new TextSnapshotCursor(bytes, layout) : new IntegerSnapshotCursor(bytes, layout);
}

/**
 * Walks a `text` snapshot. Each entry is `varint shared, varint suffixLength, suffix bytes`: the
 * key is the first `shared` bytes of the previous key followed by the suffix. The current key is
 * kept as UTF-8 bytes and only turned into a string on demand. Each step checks that the key is
 * non-empty and strictly greater than the previous one with a maximal shared prefix, so the
 * encoding of a set is unique.
 */
export class TextSnapshotCursor implements SnapshotCursor {
    /** The current key's UTF-8 bytes, in `key[0, length)`. */
    key = new Uint8Array(64);
    /** The current key's length in bytes. */
    length = 0;
    private readonly reader: ByteReader;
    private remaining: number;

    constructor(bytes: Uint8Array, layout: SnapshotLayout) {
        this.reader = new ByteReader(bytes, layout.bodyStart, layout.bodyEnd);
        this.remaining = layout.count;
    }

    next(): boolean {
        const reader = this.reader;
        if (this.remaining === 0) return endOfBody(reader);
        this.remaining--;
        const shared = reader.varint();
        const suffix = reader.varint();
        const offset = reader.offset;
        const bytes = reader.bytes;
        if (shared > this.length) throw new SnapshotFormatError(`a key shares ${shared} bytes with a ${this.length}-byte key`);
        if (suffix === 0) throw new SnapshotFormatError('a key is empty or repeats the previous one');
        if (suffix > reader.end - offset) throw new SnapshotFormatError('truncated');
        if (shared < this.length && bytes[offset] <= this.key[shared]) throw new SnapshotFormatError('keys are not in strictly ascending byte order');
        const length = shared + suffix;
        if (length > this.key.length) {
            const grown = new Uint8Array(Math.max(length, this.key.length * 2));
            grown.set(this.key.subarray(0, shared));
            this.key = grown;
        }
        const key = this.key;
        for (let i = 0; i < suffix; i++) key[shared + i] = bytes[offset + i];
        this.length = length;
        reader.offset = offset + suffix;
        return true;
    }

    string(): string {
        return decodeUtf8(this.key, 0, this.length);
    }
}

/**
 * Walks an `integer` snapshot. The first entry is the smallest key; each next entry is the gap to
 * the previous key minus one (keys are distinct, so gaps are at least one).
 */
export class IntegerSnapshotCursor implements SnapshotCursor {
    /** The current key as a number. */
    value = -1;
    private readonly reader: ByteReader;
    private remaining: number;

    constructor(bytes: Uint8Array, layout: SnapshotLayout) {
        this.reader = new ByteReader(bytes, layout.bodyStart, layout.bodyEnd);
        this.remaining = layout.count;
    }

    next(): boolean {
        if (this.remaining === 0) return endOfBody(this.reader);
        this.remaining--;
        const value = this.reader.varint() + this.value + 1;
        if (value > Number.MAX_SAFE_INTEGER) throw new SnapshotFormatError('an integer key exceeds 2^53 - 1');
        this.value = value;
        return true;
    }

    string(): string {
        return String(this.value);
    }
}

/** Checks that the last entry ended exactly at the end of the body; always false (no more keys). */
function endOfBody(reader: ByteReader): false {
    if (reader.offset !== reader.end) throw new SnapshotFormatError('bytes after the last key');
    return false;
}

/** True for `0` and `[1-9][0-9]*` whose value is a safe integer: the keys that `String(Number(key))` gives back unchanged. */
function isCanonicalInteger(key: string): boolean {
    const length = key.length;
    if (length > MAX_INTEGER_DIGITS) return false;
    const first = key.charCodeAt(0);
    if (first === 0x30) return length === 1;
    if (first < 0x31 || first > 0x39) return false;
    for (let i = 1; i < length; i++) {
        const code = key.charCodeAt(i);
        if (code < 0x30 || code > 0x39) return false;
    }
    return length < MAX_INTEGER_DIGITS || Number(key) <= Number.MAX_SAFE_INTEGER;
}

/** The snapshot of `count` keys of `kind` whose entries are `body`: header, body, checksum. */
function assemble(kind: SnapshotKind, count: number, body: Uint8Array): Uint8Array {
    const writer = new ByteWriter(body.length + MIN_LENGTH + 8);
    for (const byte of SNAPSHOT_MAGIC) writer.byte(byte);
    writer.byte(SNAPSHOT_FORMAT_VERSION);
    writer.byte(KIND_CODES[kind]);
    writer.varint(count);
    writer.bytes(body);
    writer.uint32(crc32(writer.view()));
    return writer.finish();
}

function encodeIntegers(keys: string[]): Uint8Array {
    const values = new Float64Array(keys.length);
    for (let i = 0; i < keys.length; i++) values[i] = Number(keys[i]);
    values.sort();
    const body = new ByteWriter(keys.length * 2);
    let count = 0;
    let previous = -1;
    for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value === previous) continue;
        body.varint(value - previous - 1);
        previous = value;
        count++;
    }
    return assemble('integer', count, body.view());
}

function encodeTexts(keys: string[], surrogates: boolean, longest: number): Uint8Array {
    // `<` order is UTF-8 byte order unless a surrogate pair is involved: only then pay for the comparator.
    if (surrogates) keys.sort(compareCodePoints);
    else keys.sort();
    const body = new ByteWriter(keys.length * 8);
    let count = 0;
    let previous = new Uint8Array(longest * 3);
    let current = new Uint8Array(longest * 3);
    let previousLength = 0;
    for (let i = 0; i < keys.length; i++) {
        const length = encodeUtf8(keys[i], current);
        const limit = Math.min(length, previousLength);
        let shared = 0;
        while (shared < limit && current[shared] === previous[shared]) shared++;
        // Sorted, so a duplicate follows its twin: same bytes, same length.
        if (shared === length && length === previousLength) continue;
        body.varint(shared);
        body.varint(length - shared);
        body.bytes(current, shared, length);
        const swap = previous;
        previous = current;
        current = swap;
        previousLength = length;
        count++;
    }
    return assemble('text', count, body.view());
}
