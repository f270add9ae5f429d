/** Helpers of the preview's HTML: escaping and numbers as the preview writes them. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

const COUNTS = new Intl.NumberFormat('en-US');

/** A count with thousands separators: `50,000`. */
export function formatCount(count: number): string {
    return COUNTS.format(count);
}

/**
 * A share of a total as a percentage with one decimal (`2.6%`), or with more when it would
 * otherwise round to `0.0%` or `100.0%` without being either; `0%` of an empty total.
 */
export function formatPercent(part: number, total: number): string {
    if (total === 0 || part === 0) return '0%';
    if (part === total) return '100%';
    const share = (part / total) * 100;
    for (let digits = 1; digits < 6; digits++) {
        const text = share.toFixed(digits);
        if (Number(text) !== 0 && Number(text) !== 100) return `${text}%`;
    }
    return `${share.toFixed(6)}%`;
}

/** `count noun`, the noun in the singular for one: `1 contact`, `1,284 contacts`. */
export function countOf(count: number, plural: string): string {
    return `${formatCount(count)} ${count === 1 ? singularOf(plural) : plural}`;
}

/** The singular of a plural made by `pluralOf` of the language server (`companies` → `company`). */
export function singularOf(plural: string): string {
    if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
    if (/(s|x|z|ch|sh)es$/.test(plural)) return plural.slice(0, -2);
    return plural.endsWith('s') ? plural.slice(0, -1) : plural;
}
