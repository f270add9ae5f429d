/**
 * Parses CSV text (RFC 4180: commas, double-quoted fields with `""` escapes and line breaks,
 * CRLF or LF line ends) into rows of fields. A leading byte-order mark is dropped.
 */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"') {
                if (text[i + 1] === '"') {
                    field += '"';
                    i++;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c === '"') {
            quoted = true;
        } else if (c === ',') {
            row.push(field);
            field = '';
        } else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n') i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        } else {
            field += c;
        }
    }
    if (field !== '' || row.length > 0) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}

/**
 * The values of a static list from its CSV text: the column whose header is `by` (compared
 * ignoring case and surrounding blanks), else the first column; header row excluded, values
 * trimmed, blank values dropped.
 */
export function csvListValues(text: string, by: string): string[] {
    const [header, ...rows] = parseCsv(text);
    if (header === undefined) return [];
    const wanted = by.trim().toLowerCase();
    const found = header.findIndex((name) => name.trim().toLowerCase() === wanted);
    const column = found < 0 ? 0 : found;
    const values: string[] = [];
    for (const row of rows) {
        const value = (row[column] ?? '').trim();
        if (value !== '') values.push(value);
    }
    return values;
}
