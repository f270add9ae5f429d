/** A small seeded pseudo-random generator (mulberry32), so generated inputs are the same on every run. */
export class SeededRandom {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** A float in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [0, bound). */
    below(bound: number): number {
        return Math.floor(this.next() * bound);
    }

    /** One element of a non-empty array. */
    pick<T>(items: readonly T[]): T {
        return items[this.below(items.length)] as T;
    }

    /** `length` random bytes. */
    bytes(length: number): Uint8Array {
        const result = new Uint8Array(length);
        for (let i = 0; i < length; i++) result[i] = this.below(256);
        return result;
    }
}
