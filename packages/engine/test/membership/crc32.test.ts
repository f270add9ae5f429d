import { crc32 as zlibCrc32 } from 'node:zlib';
import { expect, test } from 'vitest';
import { crc32 } from '../../src/membership/crc32.js';
import { random } from './membership-test-utils.js';

test('the CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
});

test('agrees with zlib on every length and offset of random bytes', () => {
    const next = random(8);
    const bytes = Uint8Array.from({ length: 300 }, () => Math.floor(next() * 256));
    for (let start = 0; start < 5; start++) {
        for (let end = start; end <= bytes.length; end++) {
            expect(crc32(bytes, start, end), `[${start}, ${end})`).toBe(zlibCrc32(bytes.subarray(start, end)));
        }
    }
});
