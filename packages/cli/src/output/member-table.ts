import type { SegmentBundleIR } from '@segments/language';
import type { OutputStream } from '../cli-io.js';
import type { MemberWriter } from './member-writer.js';
import { formatCount, plural } from './numbers.js';
import { valueAt, valueText } from './record-values.js';

/** How many members the table shows. */
export const TABLE_ROWS = 50;

/** How many fields, besides the key, the table shows. */
const TABLE_FIELDS = 4;

/** The widest a cell is; longer values are cut with `…`. */
const CELL_WIDTH = 32;

/** A column of the table: a stored field of the schema. */
interface TableColumn {
    readonly name: string;
    readonly path: readonly string[];
}

/**
 * The columns of the table: the key, then the stored fields the segment's conditions read, in the
 * order they are written (or, when they read none, the schema's first fields), four at most.
 */
export function tableColumns(bundle: SegmentBundleIR): TableColumn[] {
    const { schema, segment } = bundle;
    const used = new Set<string>();
    collectFields([segment.where, segment.exclude], used);
    const key = schema.fields.find((field) => field.name === schema.key);
    const others = schema.fields.filter((field) => field.name !== schema.key);
    const read = [...used].flatMap((name) => others.filter((field) => field.name === name));
    return [...(key ? [key] : []), ...(read.length > 0 ? read : others).slice(0, TABLE_FIELDS)];
}

/** The names of the `field` values in a part of the IR, in document order. */
function collectFields(node: unknown, names: Set<string>): void {
    if (Array.isArray(node)) {
        for (const item of node) collectFields(item, names);
    } else if (typeof node === 'object' && node !== null) {
        const value = node as Record<string, unknown>;
        if (value['kind'] === 'field' && typeof value['name'] === 'string') names.add(value['name']);
        for (const child of Object.values(value)) collectFields(child, names);
    }
}

/**
 * `--format table`: the first {@link TABLE_ROWS} members as an aligned table of their key and a
 * few fields (see {@link tableColumns}), then how many members there are among how many records.
 */
export class TableWriter implements MemberWriter {
    private readonly columns: TableColumn[];
    private readonly rows: string[][] = [];
    private members = 0;

    constructor(
        private readonly stream: OutputStream,
        bundle: SegmentBundleIR,
    ) {
        this.columns = tableColumns(bundle);
    }

    member(_key: string | undefined, record: Record<string, unknown>): void {
        this.members++;
        if (this.rows.length < TABLE_ROWS) {
            this.rows.push(this.columns.map((column) => cell(valueText(valueAt(record, column.path)))));
        }
    }

    end(records: number): void {
        const lines: string[] = [];
        if (this.rows.length > 0) {
            const header = this.columns.map((column) => column.name);
            const widths = header.map((name, index) => Math.max(name.length, ...this.rows.map((row) => row[index]!.length)));
            const line = (cells: readonly string[]) => cells.map((text, index) => text.padEnd(widths[index]!)).join('  ').trimEnd();
            lines.push(line(header), line(widths.map((width) => '-'.repeat(width))), ...this.rows.map(line), '');
        }
        lines.push(this.summary(records));
        this.stream.write(`${lines.join('\n')}\n`);
    }

    private summary(records: number): string {
        const among = `${plural(this.members, 'member')} among ${plural(records, 'record')}`;
        if (this.members <= this.rows.length) return among;
        return `${among}; the first ${formatCount(this.rows.length)} are shown (--format ids, ndjson or csv lists them all)`;
    }
}

/** A value as a cell: on one line, cut to {@link CELL_WIDTH}. */
function cell(text: string): string {
    const line = text.replace(/\s+/g, ' ');
    return line.length > CELL_WIDTH ? `${line.slice(0, CELL_WIDTH - 1)}…` : line;
}
