const integers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percents = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** `1,234,567`. */
export function formatCount(value: number): string {
    return integers.format(value);
}

/** `12.3%` of a part of a whole (`0%` of nothing). */
export function formatPercent(part: number, whole: number): string {
    return percents.format(whole === 0 ? 0 : part / whole);
}

/** `1 record`, `2 records`, with thousands separators. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
    return `${formatCount(count)} ${count === 1 ? noun : nouns}`;
}

/** The eighths of a block, from one eighth to a full block. */
const EIGHTHS = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/** A bar of block characters `width` cells long at full scale, with eighth-block precision: `████▌`. */
export function blockBar(fraction: number, width: number): string {
    const eighths = Math.round(Math.min(1, Math.max(0, fraction)) * width * 8);
    const full = Math.floor(eighths / 8);
    const rest = eighths % 8;
    return '█'.repeat(full) + (rest > 0 ? EIGHTHS[rest - 1]! : '');
}
