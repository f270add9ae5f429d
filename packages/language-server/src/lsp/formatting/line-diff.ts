/** One change of a line diff: lines `[start, end)` of the old text become `lines`. */
export interface LineChange {
    start: number;
    end: number;
    lines: string[];
}

/** Above this many line pairs the diff gives up on minimality and replaces the differing middle at once. */
const MAX_CELLS = 4_000_000;

/**
 * The changes turning `before` into `after`, line by line (each line with its line break): a
 * longest-common-subsequence diff after trimming the common head and tail, so that an editor keeps
 * cursors, folds and bookmarks on the lines the formatter did not touch.
 */
export function diffLines(before: readonly string[], after: readonly string[]): LineChange[] {
    let head = 0;
    while (head < before.length && head < after.length && before[head] === after[head]) head++;
    let tail = 0;
    while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    const a = before.slice(head, before.length - tail);
    const b = after.slice(head, after.length - tail);
    if (a.length === 0 && b.length === 0) return [];
    if (a.length * b.length > MAX_CELLS || a.length === 0 || b.length === 0) {
        return [{ start: head, end: head + a.length, lines: b }];
    }
    // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
        }
    }
    const changes: LineChange[] = [];
    let current: LineChange | undefined;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            current = undefined;
            i++;
            j++;
            continue;
        }
        if (!current) {
            current = { start: head + i, end: head + i, lines: [] };
            changes.push(current);
        }
        if (j < b.length && (i === a.length || common[i][j + 1] >= common[i + 1][j])) {
            current.lines.push(b[j++]);
        } else {
            i++;
            current.end = head + i;
        }
    }
    return changes;
}

/** Splits a text into lines that keep their line breaks (`"a\nb"` is `["a\n", "b"]`). */
export function splitLines(text: string): string[] {
    return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
