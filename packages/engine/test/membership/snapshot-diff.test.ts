import { describe, expect, test } from 'vitest';
import { diffMemberships } from '../../src/membership/membership-diff.js';
import { SnapshotFormatError } from '../../src/membership/membership-errors.js';
import { diffSnapshots, diffSnapshotWithKeys } from '../../src/membership/snapshot-diff.js';
import { encodeSnapshot } from '../../src/membership/snapshot-format.js';
import { byCodePoint, random, sparseIds } from './membership-test-utils.js';

/** The expected change, computed with plain sets, both lists sorted with `order`. */
function expected(previous: string[], current: string[], order: (a: string, b: string) => number) {
    const before = new Set(previous);
    const after = new Set(current);
    return {
        entered: [...after].filter((key) => !before.has(key)).sort(order),
        exited: [...before].filter((key) => !after.has(key)).sort(order),
    };
}

const numerically = (a: string, b: string) => Number(a) - Number(b);

describe('diffSnapshots', () => {
    test('text snapshots: entered and exited in byte order', () => {
        const change = diffSnapshots(encodeSnapshot(['carol', 'alice', 'bob', 'dave']), encodeSnapshot(['erin', 'bob', 'alice', 'aaron']));
        expect(change).toEqual({ entered: ['aaron', 'erin'], exited: ['carol', 'dave'] });
    });

    test('integer snapshots: entered and exited in numeric order', () => {
        const change = diffSnapshots(encodeSnapshot(['100', '9', '20', '3']), encodeSnapshot(['3', '1000', '20', '10']));
        expect(change).toEqual({ entered: ['10', '1000'], exited: ['9', '100'] });
    });

    test('snapshots of different kinds', () => {
        expect(diffSnapshots(encodeSnapshot(['1', '2']), encodeSnapshot(['2', 'x']))).toEqual({ entered: ['x'], exited: ['1'] });
        expect(diffSnapshots(encodeSnapshot(['2', 'x']), encodeSnapshot(['10', '2']))).toEqual({ entered: ['10'], exited: ['x'] });
        expect(diffSnapshots(encodeSnapshot([]), encodeSnapshot(['1']))).toEqual({ entered: ['1'], exited: [] });
        expect(diffSnapshots(encodeSnapshot(['1']), encodeSnapshot([]))).toEqual({ entered: [], exited: ['1'] });
    });

    test('equal snapshots do not change', () => {
        expect(diffSnapshots(encodeSnapshot(['a', 'b']), encodeSnapshot(['b', 'a']))).toEqual({ entered: [], exited: [] });
        expect(diffSnapshots(encodeSnapshot([]), encodeSnapshot([]))).toEqual({ entered: [], exited: [] });
    });

    test('prefixes and unicode keys merge in code point order', () => {
        const previous = ['a', 'ab', 'abc', '\uFFFD', '😀', 'é', 'z'];
        const current = ['ab', 'abcd', '\uE000', '😀x', '😀', 'e\u0301', 'z'];
        expect(diffSnapshots(encodeSnapshot(previous), encodeSnapshot(current))).toEqual(expected(previous, current, byCodePoint));
    });

    test.each([1, 2, 3, 4, 5])('random text memberships agree with a set difference (seed %i)', (seed) => {
        const next = random(seed);
        const universe = Array.from({ length: 400 }, (_, i) => `${['a', 'ab', 'b', 'é', '😀'][i % 5]}${Math.floor(next() * 50)}`);
        const previous = universe.filter(() => next() < 0.5);
        const current = universe.filter(() => next() < 0.5);
        expect(diffSnapshots(encodeSnapshot(previous), encodeSnapshot(current))).toEqual(expected(previous, current, byCodePoint));
    });

    test.each([1, 2, 3])('random integer memberships agree with a set difference (seed %i)', (seed) => {
        const previous = sparseIds(3000, 10_000, seed);
        const current = sparseIds(3000, 10_000, seed + 100);
        expect(diffSnapshots(encodeSnapshot(previous), encodeSnapshot(current))).toEqual(expected(previous, current, numerically));
    });

    test('a corrupt snapshot raises instead of reading as a shrunken membership', () => {
        const previous = encodeSnapshot(['a', 'b', 'c']);
        const corrupt = previous.slice();
        corrupt[8] ^= 0x01;
        expect(() => diffSnapshots(corrupt, encodeSnapshot(['a']))).toThrow(SnapshotFormatError);
        expect(() => diffSnapshots(encodeSnapshot(['a']), corrupt)).toThrow(SnapshotFormatError);
    });

    test('a million members each, 1% churn', () => {
        const previous = sparseIds(1_000_000, 10_000_000, 11);
        const removed = new Set(previous.slice(0, 10_000));
        const added = Array.from({ length: 10_000 }, (_, i) => String(20_000_000 + i * 7));
        const current = [...previous.filter((key) => !removed.has(key)), ...added];
        const change = diffSnapshots(encodeSnapshot(previous), encodeSnapshot(current));
        expect(change.entered).toEqual(added);
        expect(change.exited).toEqual([...removed].sort(numerically));
    });
});

describe('diffSnapshotWithKeys', () => {
    test('entered in the order of the keys, exited in snapshot order', () => {
        const change = diffSnapshotWithKeys(encodeSnapshot(['30', '4', '100']), ['7', '100', '5', '7']);
        expect(change).toEqual({ entered: ['7', '5'], exited: ['4', '30'] });
    });

    test('agrees with diffMemberships on decoded keys', () => {
        const previous = sparseIds(2000, 5000, 21).map((id) => `k${id}`);
        const current = sparseIds(2000, 5000, 22).map((id) => `k${id}`);
        expect(diffSnapshotWithKeys(encodeSnapshot(previous), current)).toEqual(diffMemberships([...previous].sort(), current));
    });
});
