/**
 * What the records of a schema are called in a sentence, in the plural: its name in lower-case
 * words (`OrderLine` gives `order lines`), the last one in the plural (`Company` gives `companies`).
 */
export function recordsNoun(schemaName: string): string {
    const words = schemaName
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/_+/g, ' ')
        .trim()
        .toLowerCase();
    if (/[^aeiou]y$/.test(words)) return `${words.slice(0, -1)}ies`;
    if (/(s|x|z|ch|sh)$/.test(words)) return `${words}es`;
    return `${words}s`;
}

/** An instant as a run shows it: ISO 8601 in UTC, without milliseconds when they are zero. */
export function formatInstant(instant: Date): string {
    return instant.toISOString().replace(/\.000Z$/, 'Z');
}
