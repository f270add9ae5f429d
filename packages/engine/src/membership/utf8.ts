import { InvalidMemberKeyError, SnapshotFormatError } from './membership-errors.js';

/**
 * Strict UTF-8 decoder: invalid bytes raise instead of becoming U+FFFD, and a leading U+FEFF is
 * kept (it is part of the key, not a byte-order mark).
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Writes the UTF-8 form of `key` into `target` from offset 0 and returns its length in bytes.
 * `target` must hold at least `3 * key.length` bytes. A lone surrogate has no UTF-8 form: it is an
 * {@link InvalidMemberKeyError}.
 */
export function encodeUtf8(key: string, target: Uint8Array): number {
    let length = 0;
    for (let i = 0; i < key.length; i++) {
        let code = key.charCodeAt(i);
        if (code < 0x80) {
            target[length++] = code;
        } else if (code < 0x800) {
            target[length++] = 0xc0 | (code >> 6);
            target[length++] = 0x80 | (code & 0x3f);
        } else if (code < 0xd800 || code > 0xdfff) {
            target[length++] = 0xe0 | (code >> 12);
            target[length++] = 0x80 | ((code >> 6) & 0x3f);
            target[length++] = 0x80 | (code & 0x3f);
        } else {
            const low = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
            if (code > 0xdbff || low < 0xdc00 || low > 0xdfff) {
                throw new InvalidMemberKeyError(key, `lone surrogate at index ${i} (not valid Unicode text)`);
            }
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            i++;
            target[length++] = 0xf0 | (code >> 18);
            target[length++] = 0x80 | ((code >> 12) & 0x3f);
            target[length++] = 0x80 | ((code >> 6) & 0x3f);
            target[length++] = 0x80 | (code & 0x3f);
        }
    }
    return length;
}

/**
 * Decodes `bytes[start, end)` as strict UTF-8; invalid UTF-8 is a {@link SnapshotFormatError}. The
 * platform decoder beats hand-built strings even for short ASCII keys, and gives flat strings
 * (cheap to hash in a Map or Set).
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
    try {
        return decoder.decode(bytes.subarray(start, end));
    } catch {
        throw new SnapshotFormatError('a key is not valid UTF-8');
    }
}

/**
 * Compares two strings by Unicode code point, which is the order of their UTF-8 bytes. It differs
 * from JavaScript's `<` (UTF-16 code units) only when a supplementary character (a surrogate pair)
 * meets a character in U+E000..U+FFFF at the first difference.
 */
export function compareCodePoints(a: string, b: string): number {
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
        let x = a.charCodeAt(i);
        let y = b.charCodeAt(i);
        if (x !== y) {
            if (x >= 0xd800 && y >= 0xd800) {
                // Surrogates (D800..DFFF) move above E000..FFFF, as their code points (>= 10000) are.
                x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
                y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
            }
            return x - y;
        }
    }
    return a.length - b.length;
}

/** Compares `a[0, aLength)` and `b[0, bLength)` byte by byte (shorter prefix first). */
export function compareBytes(a: Uint8Array, aLength: number, b: Uint8Array, bLength: number): number {
    const length = Math.min(aLength, bLength);
    for (let i = 0; i < length; i++) {
        if (a[i] !== b[i]) return a[i] - b[i];
    }
    return aLength - bLength;
}
