/** A deterministic pseudo-random generator in [0, 1) (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** `count` distinct decimal ids drawn from 1..`max`, in random order. */
export function sparseIds(count: number, max: number, seed: number): string[] {
    const next = random(seed);
    const ids = new Set<number>();
    while (ids.size < count) ids.add(1 + Math.floor(next() * max));
    return [...ids].map(String);
}

/** Sorts by Unicode code point (the order of UTF-8 bytes), independently of the code under test. */
export function byCodePoint(a: string, b: string): number {
    const x = [...a].map((c) => c.codePointAt(0)!);
    const y = [...b].map((c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
}
