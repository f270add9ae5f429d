import { describe, expect, test } from 'vitest';
import { crc32 } from '../../src/membership/crc32.js';
import { InvalidMemberKeyError, SnapshotFormatError } from '../../src/membership/membership-errors.js';
import { decodeSnapshot, encodeSnapshot, readSnapshotInfo, SNAPSHOT_FORMAT_VERSION } from '../../src/membership/snapshot-format.js';
import { byCodePoint, random, sparseIds } from './membership-test-utils.js';

/** A snapshot built by hand: header fields, body bytes and a correct checksum (to test the rules past the checksum). */
function handMade(body: number[], options: { count: number; kind?: number; version?: number }): Uint8Array {
    const bytes = [0x53, 0x47, 0x4d, 0x53, options.version ?? SNAPSHOT_FORMAT_VERSION, options.kind ?? 0, options.count, ...body];
    const crc = crc32(Uint8Array.from(bytes));
    return Uint8Array.from([...bytes, crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24]);
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('snapshot round trip', () => {
    test('no members', () => {
        const bytes = encodeSnapshot([]);
        expect(decodeSnapshot(bytes)).toEqual([]);
        expect(readSnapshotInfo(bytes)).toEqual({ version: 1, kind: 'text', count: 0 });
        expect(bytes.length).toBe(11);
    });

    test('one member', () => {
        expect(decodeSnapshot(encodeSnapshot(['contact-1']))).toEqual(['contact-1']);
        expect(decodeSnapshot(encodeSnapshot(['42']))).toEqual(['42']);
    });

    test('text keys come back sorted by UTF-8 bytes', () => {
        const keys = ['b@x.io', 'a@x.io', 'ab', 'a', 'B', 'aa@x.io'];
        expect(decodeSnapshot(encodeSnapshot(keys))).toEqual(['B', 'a', 'aa@x.io', 'ab', 'a@x.io', 'b@x.io'].sort());
    });

    test('unicode keys, including astral characters, a leading U+FEFF, NUL and combining marks', () => {
        const keys = ['\u00E9', 'e\u0301', 'Ω', '日本', '😀', '\uFEFFbom', '\uFFFD', 'a\u0000b', 'a', '\uE000', '𝔘𝔫𝔦', 'zürich@例え.jp'];
        const decoded = decodeSnapshot(encodeSnapshot(keys));
        expect(decoded).toEqual([...keys].sort(byCodePoint));
        // Code point order puts U+E000 and U+FFFD before the astral characters, unlike `<`.
        expect(decoded.indexOf('\uFFFD')).toBeLessThan(decoded.indexOf('😀'));
    });

    test('duplicates are dropped', () => {
        const bytes = encodeSnapshot(['a', 'b', 'a', 'a', 'b']);
        expect(decodeSnapshot(bytes)).toEqual(['a', 'b']);
        expect(readSnapshotInfo(bytes).count).toBe(2);
        expect(decodeSnapshot(encodeSnapshot(['7', '7', '3']))).toEqual(['3', '7']);
    });

    test('the encoding is canonical: the same set in any order gives the same bytes', () => {
        const keys = ['x', 'y', 'aa', 'a', 'ä', '😀'];
        const reversed = [...keys].reverse();
        expect(encodeSnapshot(reversed)).toEqual(encodeSnapshot([...keys, ...keys]));
        expect(encodeSnapshot(['3', '1', '2'])).toEqual(encodeSnapshot(['1', '2', '3', '2']));
    });

    test('does not reorder the caller’s array', () => {
        const keys = ['b', 'a'];
        encodeSnapshot(keys);
        expect(keys).toEqual(['b', 'a']);
    });

    test('random text keys round-trip exactly', () => {
        const next = random(3);
        const alphabet = ['a', 'b', 'z', '0', '-', '@', 'é', 'ß', '中', '😀', '\uFFEE', '\uE001'];
        const keys = Array.from({ length: 5000 }, () =>
            Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
        );
        expect(decodeSnapshot(encodeSnapshot(keys))).toEqual([...new Set(keys)].sort(byCodePoint));
    });
});

describe('integer keys', () => {
    test('canonical decimal integers use the integer encoding and come back in numeric order', () => {
        const bytes = encodeSnapshot(['10', '9', '0', '100', '9007199254740991']);
        expect(readSnapshotInfo(bytes).kind).toBe('integer');
        expect(decodeSnapshot(bytes)).toEqual(['0', '9', '10', '100', '9007199254740991']);
    });

    test.each([['007'], ['-1'], ['1.5'], ['1e3'], ['+1'], ['9007199254740992'], ['12345678901234567'], [' 1'], ['١']])(
        '%j is not a canonical integer: the set is stored as text, exactly',
        (odd) => {
            const bytes = encodeSnapshot(['1', odd, '2']);
            expect(readSnapshotInfo(bytes).kind).toBe('text');
            expect(decodeSnapshot(bytes)).toEqual(['1', odd, '2'].sort(byCodePoint));
        },
    );
});

describe('invalid keys', () => {
    test('an empty key is rejected', () => {
        expect(() => encodeSnapshot(['a', ''])).toThrow(InvalidMemberKeyError);
        expect(() => encodeSnapshot(['a', ''])).toThrow(/must not be empty/);
    });

    test.each([['\uD800'], ['a\uDC00'], ['\uDBFFx'], ['😀'.slice(0, 1)]])('a lone surrogate (%j) is rejected', (key) => {
        expect(() => encodeSnapshot(['ok', key])).toThrow(InvalidMemberKeyError);
        expect(() => encodeSnapshot(['ok', key])).toThrow(/lone surrogate/);
    });

    test('a key that is not a string is rejected', () => {
        expect(() => encodeSnapshot([1 as unknown as string])).toThrow(TypeError);
    });
});

describe('corruption is detected', () => {
    const bytes = encodeSnapshot(['alpha', 'beta', 'gamma', 'delta']);

    test('every single flipped bit', () => {
        for (let i = 0; i < bytes.length; i++) {
            for (let bit = 0; bit < 8; bit++) {
                const corrupt = bytes.slice();
                corrupt[i] ^= 1 << bit;
                expect(() => decodeSnapshot(corrupt), `byte ${i} bit ${bit}`).toThrow(SnapshotFormatError);
            }
        }
    });

    test('every truncation', () => {
        for (let length = 0; length < bytes.length; length++) {
            expect(() => decodeSnapshot(bytes.subarray(0, length)), `length ${length}`).toThrow(SnapshotFormatError);
        }
    });

    test('wrong magic, unknown version, unknown encoding', () => {
        expect(() => decodeSnapshot(new TextEncoder().encode('{"members":[]}'))).toThrow(/wrong magic/);
        expect(() => decodeSnapshot(handMade([], { count: 0, version: 2 }))).toThrow(/format version 2 is not supported/);
        expect(() => decodeSnapshot(handMade([], { count: 0, kind: 7 }))).toThrow(/unknown key encoding 7/);
    });

    test('the hand-made snapshot helper writes valid snapshots', () => {
        expect(decodeSnapshot(handMade([0, 1, ...utf8('a'), 1, 1, ...utf8('b')], { count: 2 }))).toEqual(['a', 'ab']);
        expect(decodeSnapshot(handMade([5, 0, 9], { count: 3, kind: 1 }))).toEqual(['5', '6', '16']);
    });

    test('rules past the checksum: order, empty keys, prefix, count, trailing bytes, UTF-8', () => {
        expect(() => decodeSnapshot(handMade([0, 1, ...utf8('b'), 0, 1, ...utf8('a')], { count: 2 }))).toThrow(/strictly ascending/);
        expect(() => decodeSnapshot(handMade([0, 1, ...utf8('a'), 0, 1, ...utf8('a')], { count: 2 }))).toThrow(/strictly ascending/);
        expect(() => decodeSnapshot(handMade([0, 1, ...utf8('a'), 1, 0], { count: 2 }))).toThrow(/empty or repeats/);
        expect(() => decodeSnapshot(handMade([0, 0], { count: 1 }))).toThrow(/empty or repeats/);
        expect(() => decodeSnapshot(handMade([2, 1, ...utf8('a')], { count: 1 }))).toThrow(/shares 2 bytes/);
        expect(() => decodeSnapshot(handMade([0, 1, ...utf8('a')], { count: 9 }))).toThrow(/exceeds the body/);
        expect(() => decodeSnapshot(handMade([0, 1, ...utf8('a'), 0], { count: 1 }))).toThrow(/after the last key/);
        expect(() => decodeSnapshot(handMade([0, 1, 0xff], { count: 1 }))).toThrow(/not valid UTF-8/);
        expect(() => decodeSnapshot(handMade([0, 5, ...utf8('a')], { count: 1 }))).toThrow(/truncated/);
        expect(() => decodeSnapshot(handMade([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], { count: 1, kind: 1 }))).toThrow(/too large/);
    });
});

describe('a million members', () => {
    test('sparse numeric ids round-trip exactly', () => {
        const keys = sparseIds(1_000_000, 10_000_000, 1);
        const bytes = encodeSnapshot(keys);
        expect(readSnapshotInfo(bytes)).toEqual({ version: 1, kind: 'integer', count: 1_000_000 });
        // Joined: vitest's deep equality on a million elements is slower than the code under test.
        expect(decodeSnapshot(bytes).join(',')).toBe(keys.map(Number).sort((a, b) => a - b).join(','));
    });

    test('text keys round-trip exactly', () => {
        // Descending input (order is covered above): the sorts stay linear, the test stays quick.
        const ascending = Array.from({ length: 1_000_000 }, (_, i) => `user-${String(i * 7).padStart(8, '0')}@example.com`);
        const decoded = decodeSnapshot(encodeSnapshot([...ascending].reverse()));
        expect(decoded.length).toBe(1_000_000);
        expect(decoded.join('\n')).toBe(ascending.join('\n'));
    });
});
