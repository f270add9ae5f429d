import type { Readable } from 'node:stream';

/** A record read from a data file, with the 1-based line where it starts. */
export interface RecordItem {
    readonly kind: 'record';
    /** The record: a JSON object. */
    readonly value: Record<string, unknown>;
    readonly line: number;
}

/** An entry of a data file that could not be read as a record, with the 1-based line where it starts. */
export interface MalformedItem {
    readonly kind: 'malformed';
    readonly line: number;
    /** Why it could not be read: `Unexpected token ...`, `not a JSON object`... */
    readonly message: string;
}

/** One entry of a data file: a record, or an entry that could not be read (counted, never fatal). */
export type InputItem = RecordItem | MalformedItem;

/**
 * Reads the entries of a data file from a stream of its bytes, in batches (the entries each chunk
 * of the stream completes, so that the cost of asynchronous iteration is paid per chunk, not per
 * record), holding no more of the file in memory than a chunk and the entry being read.
 */
export type RecordReader = (input: Readable) => AsyncIterable<readonly InputItem[]>;

/** The item of a parsed JSON value: a record when it is an object, else a malformed entry. */
export function itemOf(value: unknown, line: number): InputItem {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return { kind: 'record', value: value as Record<string, unknown>, line };
    }
    return { kind: 'malformed', line, message: `not a JSON object (${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`})` };
}

/** The item of the text of one JSON entry: parsed, or malformed with the parser's message. */
export function parseItem(text: string, line: number): InputItem {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        return { kind: 'malformed', line, message: error instanceof Error ? error.message : String(error) };
    }
    return itemOf(value, line);
}
