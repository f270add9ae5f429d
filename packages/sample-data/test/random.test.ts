import { describe, expect, test } from 'vitest';
import { hashSeed, SeededRandom, WeightedTable } from '../src/random.js';

/** The first outputs for seed 1, computed independently (a Python transcription of the reference C code). */
const KNOWN_OUTPUTS_OF_SEED_1: readonly number[] = [393288148, 2174103013, 3814759091, 2092745082];

describe('SeededRandom', () => {
    test('the same seed gives the same sequence, another seed another one', () => {
        const a = new SeededRandom(42);
        const b = new SeededRandom(42);
        const c = new SeededRandom(43);
        const first = Array.from({ length: 100 }, () => a.nextUint32());
        expect(Array.from({ length: 100 }, () => b.nextUint32())).toEqual(first);
        expect(Array.from({ length: 100 }, () => c.nextUint32())).not.toEqual(first);
    });

    test('pins the algorithm: xoshiro128** seeded by SplitMix32', () => {
        const random = new SeededRandom(1);
        expect(Array.from({ length: 4 }, () => random.nextUint32())).toEqual(KNOWN_OUTPUTS_OF_SEED_1);
    });

    test('next() is in [0, 1) with a mean near one half', () => {
        const random = new SeededRandom(7);
        let sum = 0;
        let outside = 0;
        for (let i = 0; i < 100_000; i++) {
            const value = random.next();
            outside += value >= 0 && value < 1 ? 0 : 1;
            sum += value;
        }
        expect(outside).toBe(0);
        expect(sum / 100_000).toBeCloseTo(0.5, 2);
    });

    test('int() covers both ends and nothing outside', () => {
        const random = new SeededRandom(9);
        const seen = new Set<number>();
        for (let i = 0; i < 10_000; i++) {
            seen.add(random.int(3, 7));
        }
        expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    });

    test('poisson() and exponential() have the asked mean', () => {
        const random = new SeededRandom(11);
        let poisson = 0;
        let exponential = 0;
        for (let i = 0; i < 50_000; i++) {
            poisson += random.poisson(2.5);
            exponential += random.exponential(4);
        }
        expect(poisson / 50_000).toBeCloseTo(2.5, 1);
        expect(exponential / 50_000).toBeGreaterThan(3.9);
        expect(exponential / 50_000).toBeLessThan(4.1);
    });
});

describe('hashSeed', () => {
    test('is stable and separates neighbouring inputs', () => {
        expect(hashSeed('segments', 'contact', 1)).toBe(hashSeed('segments', 'contact', 1));
        expect(hashSeed('segments', 'contact', 1)).not.toBe(hashSeed('segments', 'contact', 2));
        expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
        expect(hashSeed(42)).toBe(hashSeed('42'));
    });
});

describe('WeightedTable', () => {
    test('picks in proportion to the weights', () => {
        const table = new WeightedTable<string>([['a', 1], ['b', 3], ['never', 0]]);
        const random = new SeededRandom(5);
        const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
        for (let i = 0; i < 40_000; i++) {
            counts[table.pick(random)]!++;
        }
        expect(counts['never']).toBe(0);
        expect(counts['b']! / counts['a']!).toBeGreaterThan(2.8);
        expect(counts['b']! / counts['a']!).toBeLessThan(3.2);
    });
});
