/**
 * The candidate closest to a misspelt name, for "did you mean `total_spent`?" messages and quick
 * fixes: the smallest edit distance (insertions, deletions, substitutions and swaps of neighbours,
 * ignoring case), if it is small for the name's length.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    const target = name.toLowerCase();
    const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        if (candidate === name) continue;
        const distance = editDistance(target, candidate.toLowerCase());
        if (distance <= limit && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Optimal string alignment distance between two strings. */
export function editDistance(a: string, b: string): number {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[rows - 1][cols - 1];
}
