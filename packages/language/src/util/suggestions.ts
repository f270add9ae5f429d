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
        if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
        const distance = editDistance(target, candidate.toLowerCase(), Math.min(limit, bestDistance));
        if (distance <= limit && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/**
 * Optimal string alignment distance between two strings (three rolling rows). With a `bound`, it
 * stops as soon as the distance must exceed it and returns `bound + 1`.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
    const cols = b.length + 1;
    let before = new Array<number>(cols).fill(0);
    let previous = Array.from({ length: cols }, (_, j) => j);
    let current = new Array<number>(cols).fill(0);
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMinimum = i;
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, before[j - 2] + 1);
            }
            current[j] = value;
            rowMinimum = Math.min(rowMinimum, value);
        }
        if (rowMinimum > bound) return bound + 1;
        [before, previous, current] = [previous, current, before];
    }
    return previous[cols - 1];
}
