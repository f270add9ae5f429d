import { createReadStream, type ReadStream, statSync } from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../cli-error.js';
import { readCsv } from './csv-reader.js';
import type { InputItem, RecordReader } from './input-item.js';
import { readJsonArray } from './json-array-reader.js';
import { readNdjson } from './ndjson-reader.js';

/** The reader of each data file extension. */
export const recordReaders: Readonly<Record<string, RecordReader>> = {
    '.ndjson': readNdjson,
    '.jsonl': readNdjson,
    '.json': readJsonArray,
    '.csv': readCsv,
};

/** A data file opened for reading: its entries, streamed, and how far the reading is. */
export interface DataFile {
    /** The file as the user named it. */
    readonly name: string;
    /** Its size in bytes. */
    readonly size: number;
    /** How many bytes have been read so far. */
    bytesRead(): number;
    /**
     * Its entries, in file order, in batches; the file is opened when they are first asked for.
     * Read once. A read error is a {@link CliError} naming the file.
     */
    readonly batches: AsyncIterable<readonly InputItem[]>;
}

/**
 * Opens a data file (relative to `cwd`), choosing its reader by extension: `.ndjson`/`.jsonl`
 * (one object per line), `.json` (one array of objects) or `.csv`. Throws a {@link CliError} for a
 * missing file, a folder, or an extension it does not know.
 */
export function openDataFile(name: string, cwd: string): DataFile {
    const file = path.resolve(cwd, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) throw new CliError(`no such file: ${name}`);
    if (!stat.isFile()) throw new CliError(`not a file: ${name}`);
    const extension = path.extname(file).toLowerCase();
    const found = Object.hasOwn(recordReaders, extension) ? recordReaders[extension] : undefined;
    if (!found) {
        throw new CliError(`cannot tell the format of ${name}: name it .ndjson, .jsonl, .json or .csv`);
    }
    const reader = found;
    let stream: ReadStream | undefined;
    async function* batches(): AsyncGenerator<readonly InputItem[]> {
        stream = createReadStream(file);
        try {
            yield* reader(stream);
        } catch (error) {
            throw readError(name, error);
        } finally {
            stream.destroy();
        }
    }
    return { name, size: stat.size, bytesRead: () => stream?.bytesRead ?? 0, batches: batches() };
}

/** A failure of a reader (an unreadable file, a CSV header that cannot be used) as a {@link CliError} naming the file. */
function readError(name: string, error: unknown): unknown {
    if (error instanceof CliError) return new CliError(`${name}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code ? new CliError(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`) : error;
}
