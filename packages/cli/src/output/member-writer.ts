import type { SchemaIR } from '@segments/language';
import { BufferedOutput } from './buffered-output.js';
import { valueAt, valueText } from './record-values.js';
import type { OutputStream } from '../cli-io.js';

/** Writes the members of a segment as they are found, in input order. */
export interface MemberWriter {
    /** One member: its key (`undefined` when the record has none) and its record. */
    member(key: string | undefined, record: Record<string, unknown>): void;
    /** After the last member: writes what is left. `records` is how many records were evaluated. */
    end(records: number): void;
}

/** `--format ids`: each member's key on a line of its own, and nothing else (a member without a key is left out). */
export class IdsWriter implements MemberWriter {
    private readonly out: BufferedOutput;

    constructor(stream: OutputStream) {
        this.out = new BufferedOutput(stream);
    }

    member(key: string | undefined): void {
        if (key !== undefined) this.out.write(`${key}\n`);
    }

    end(): void {
        this.out.flush();
    }
}

/** `--format ndjson`: each member's record as a line of JSON, as it was read. */
export class NdjsonWriter implements MemberWriter {
    private readonly out: BufferedOutput;

    constructor(stream: OutputStream) {
        this.out = new BufferedOutput(stream);
    }

    member(_key: string | undefined, record: Record<string, unknown>): void {
        this.out.write(`${JSON.stringify(record)}\n`);
    }

    end(): void {
        this.out.flush();
    }
}

/**
 * `--format csv`: a header of the schema's stored fields, in schema order, then a row per member
 * with each field's value read at its path (see {@link valueText}); RFC 4180 quoting, CRLF line ends.
 */
export class CsvWriter implements MemberWriter {
    private readonly out: BufferedOutput;

    constructor(
        stream: OutputStream,
        private readonly schema: SchemaIR,
    ) {
        this.out = new BufferedOutput(stream);
        this.out.write(csvLine(schema.fields.map((field) => field.name)));
    }

    member(_key: string | undefined, record: Record<string, unknown>): void {
        this.out.write(csvLine(this.schema.fields.map((field) => valueText(valueAt(record, field.path)))));
    }

    end(): void {
        this.out.flush();
    }
}

/** One CSV line: the cells that hold a comma, a quote or a line break are quoted, their quotes doubled. */
export function csvLine(cells: readonly string[]): string {
    return `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')}\r\n`;
}

/** Writes the members of several segments evaluated together, as they are found. */
export interface SegmentMemberWriter {
    /** One member of one segment (a member without a key is left out). */
    member(segment: string, key: string | undefined): void;
    /** After the last member: writes what is left. */
    end(): void;
}

/** The line of a member of a segment, in a machine format for several segments. */
export type SegmentMemberLine = (segment: string, key: string) => string;

/** `--format ids` with several segments: `SEGMENT<TAB>KEY`. */
export const segmentIdsLine: SegmentMemberLine = (segment, key) => `${segment}\t${key}\n`;

/** `--format ndjson` with several segments: `{"segment": NAME, "key": KEY}`. */
export const segmentNdjsonLine: SegmentMemberLine = (segment, key) => `${JSON.stringify({ segment, key })}\n`;

/** A {@link SegmentMemberWriter} writing a line per member with a key, and nothing else. */
export class SegmentLinesWriter implements SegmentMemberWriter {
    private readonly out: BufferedOutput;

    constructor(
        stream: OutputStream,
        private readonly line: SegmentMemberLine,
    ) {
        this.out = new BufferedOutput(stream);
    }

    member(segment: string, key: string | undefined): void {
        if (key !== undefined) this.out.write(this.line(segment, key));
    }

    end(): void {
        this.out.flush();
    }
}
