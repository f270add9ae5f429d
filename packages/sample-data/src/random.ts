/**
 * A seeded source of randomness. The same seed gives the same sequence on every machine and
 * every Node version: nothing here reads `Math.random` or the clock.
 */
export interface Random {
    /** A float in [0, 1). */
    next(): number;
    /** An integer in [min, max], both ends included. */
    int(min: number, max: number): number;
    /** A float in [min, max). */
    between(min: number, max: number): number;
    /** `true` with probability `p`. */
    chance(p: number): boolean;
    /** One of `items`, each equally likely. */
    pick<T>(items: readonly T[]): T;
    /** A standard normal deviate (mean 0, deviation 1). */
    normal(): number;
    /** A log-normal deviate with the given median and log-space deviation: heavy right tail. */
    logNormal(median: number, sigma: number): number;
    /** An exponential deviate with the given mean. */
    exponential(mean: number): number;
    /** A Poisson deviate with the given mean. */
    poisson(mean: number): number;
}

/** 2^-32: turns an unsigned 32-bit integer into a float in [0, 1). */
const UINT32_TO_UNIT = 1 / 4_294_967_296;

/** Rotates a 32-bit integer left by `k` bits. */
function rotateLeft(x: number, k: number): number {
    return (x << k) | (x >>> (32 - k));
}

/**
 * The default {@link Random}: xoshiro128** (Blackman and Vigna), a small, fast generator with
 * 128 bits of state, its state filled from the 32-bit seed by SplitMix32.
 */
export class SeededRandom implements Random {
    private s0: number;
    private s1: number;
    private s2: number;
    private s3: number;
    /** The second normal deviate of the last Box-Muller pair, when unused. */
    private spareNormal: number | undefined;

    /** @param seed any 32-bit integer; see {@link hashSeed} to derive one from text. */
    constructor(seed: number) {
        let x = seed >>> 0;
        const splitMix = (): number => {
            x = (x + 0x9e3779b9) >>> 0;
            let z = x;
            z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
            z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
            return (z ^ (z >>> 15)) >>> 0;
        };
        this.s0 = splitMix();
        this.s1 = splitMix();
        this.s2 = splitMix();
        this.s3 = splitMix();
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) {
            this.s0 = 1;
        }
    }

    /** The next unsigned 32-bit output. */
    nextUint32(): number {
        const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
        const t = this.s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = rotateLeft(this.s3, 11);
        return result;
    }

    next(): number {
        return this.nextUint32() * UINT32_TO_UNIT;
    }

    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    between(min: number, max: number): number {
        return min + this.next() * (max - min);
    }

    chance(p: number): boolean {
        return this.next() < p;
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)]!;
    }

    normal(): number {
        if (this.spareNormal !== undefined) {
            const spare = this.spareNormal;
            this.spareNormal = undefined;
            return spare;
        }
        const u = 1 - this.next();
        const v = this.next();
        const radius = Math.sqrt(-2 * Math.log(u));
        this.spareNormal = radius * Math.sin(2 * Math.PI * v);
        return radius * Math.cos(2 * Math.PI * v);
    }

    logNormal(median: number, sigma: number): number {
        return median * Math.exp(sigma * this.normal());
    }

    exponential(mean: number): number {
        return -Math.log(1 - this.next()) * mean;
    }

    poisson(mean: number): number {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
        }
        const limit = Math.exp(-mean);
        let count = 0;
        let product = this.next();
        while (product > limit) {
            count++;
            product *= this.next();
        }
        return count;
    }
}

/**
 * A 32-bit seed from any parts (the user's seed, a contact's index, a purpose): FNV-1a over
 * their text, finished with MurmurHash3's avalanche so that neighbouring inputs give unrelated
 * seeds.
 */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
    let hash = 0x811c9dc5;
    for (const part of parts) {
        const text = String(part);
        for (let i = 0; i < text.length; i++) {
            hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
        }
        hash = Math.imul(hash ^ 0x1f, 0x01000193);
    }
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
    return hash >>> 0;
}

/** Items with relative weights, picked in proportion to their weight. */
export class WeightedTable<T> {
    private readonly items: readonly T[];
    private readonly cumulative: readonly number[];
    private readonly total: number;

    /** @param entries `[item, weight]` pairs; weights are relative and need not sum to 1. */
    constructor(entries: ReadonlyArray<readonly [T, number]>) {
        const items: T[] = [];
        const cumulative: number[] = [];
        let total = 0;
        for (const [item, weight] of entries) {
            total += weight;
            items.push(item);
            cumulative.push(total);
        }
        this.items = items;
        this.cumulative = cumulative;
        this.total = total;
    }

    /** One item, drawn with `random`. */
    pick(random: Random): T {
        const target = random.next() * this.total;
        let low = 0;
        let high = this.cumulative.length - 1;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (this.cumulative[middle]! > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return this.items[low]!;
    }
}
