import type { Readable } from 'node:stream';
import { CliError } from '../cli-error.js';
import { CsvParser, type CsvRow } from './csv-parser.js';
import type { InputItem } from './input-item.js';

/**
 * Reads a CSV file (RFC 4180) row by row. The first row names the columns; a name with dots is a
 * path into the record (`properties.total_revenue` is `{ "properties": { "total_revenue": ... } }`),
 * so that a schema field declared `from "properties.total_revenue"` finds it. Every value is text
 * (the evaluation converts it to its field's type); an empty cell is a missing value. A row with
 * another number of cells than the header, or a quoted cell never closed, is a malformed entry.
 * A header with an empty, duplicate or clashing name (`a` and `a.b`) is an error ({@link CliError}).
 */
export async function* readCsv(input: Readable): AsyncGenerator<readonly InputItem[]> {
    input.setEncoding('utf8');
    const parser = new CsvParser();
    let columns: string[][] | undefined;
    const itemsOf = (rows: readonly CsvRow[]): InputItem[] => {
        const items: InputItem[] = [];
        for (const row of rows) {
            if (columns === undefined) columns = csvColumns(row.cells);
            else items.push(csvRecord(columns, row));
        }
        return items;
    };
    let first = true;
    for await (const chunk of input as AsyncIterable<string>) {
        const text = first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
        first = false;
        yield itemsOf(parser.push(text));
    }
    const end = parser.end();
    const last = itemsOf(end.row ? [end.row] : []);
    if (end.unterminated !== undefined) {
        last.push({ kind: 'malformed', line: end.unterminated, message: 'a quoted cell is not closed before the end of the file' });
    }
    yield last;
}

/** The path of each column of a CSV header; throws a {@link CliError} for a name that cannot be used. */
export function csvColumns(header: readonly string[]): string[][] {
    const names = header.map((name) => name.trim());
    const seen = new Set<string>();
    for (const name of names) {
        if (name === '' || name.split('.').includes('')) throw new CliError(`the CSV header has an empty column name${name ? ` in '${name}'` : ''}`);
        if (seen.has(name)) throw new CliError(`the CSV header names the column '${name}' twice`);
        seen.add(name);
    }
    for (const name of names) {
        const prefix = names.find((other) => other !== name && name.startsWith(`${other}.`));
        if (prefix) throw new CliError(`the CSV header has both '${prefix}' and '${name}': a value cannot also hold fields`);
    }
    return names.map((name) => name.split('.'));
}

/** The record of one row: each non-empty cell set at its column's path. */
export function csvRecord(columns: readonly string[][], row: CsvRow): InputItem {
    if (row.cells.length !== columns.length) {
        return { kind: 'malformed', line: row.line, message: `the row has ${row.cells.length} cells and the header ${columns.length}` };
    }
    const record: Record<string, unknown> = {};
    row.cells.forEach((cell, index) => {
        if (cell !== '') setPath(record, columns[index]!, cell);
    });
    return { kind: 'record', value: record, line: row.line };
}

/** Sets a value at a path, creating the objects on the way (as own properties, whatever their names). */
function setPath(record: Record<string, unknown>, path: readonly string[], value: string): void {
    let target = record;
    for (const name of path.slice(0, -1)) {
        let next = Object.hasOwn(target, name) ? target[name] : undefined;
        if (typeof next !== 'object' || next === null) {
            next = {};
            defineOwn(target, name, next);
        }
        target = next as Record<string, unknown>;
    }
    defineOwn(target, path[path.length - 1]!, value);
}

/** Sets an own property; `__proto__` is defined rather than assigned, so that it never sets the prototype. */
function defineOwn(target: Record<string, unknown>, name: string, value: unknown): void {
    if (name === '__proto__') Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
    else target[name] = value;
}
