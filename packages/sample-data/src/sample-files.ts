import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTACTS, ContactGenerator, type GeneratorOptions } from './contact-generator.js';
import { DayLaterSimulator, newContactCount } from './day-later.js';
import { SnapshotWriter, type SnapshotPaths, type SnapshotStats } from './ndjson.js';

/** What {@link writeSampleFiles} writes. */
export interface SampleFilesOptions extends GeneratorOptions {
    /** The folder of the files; created when missing. */
    readonly out: string;
    /** Events in their own file, keyed by contact, instead of in each contact's `events`. */
    readonly eventsSeparately?: boolean;
    /** Also write the snapshot of one day later. */
    readonly dayLater?: boolean;
}

/** One snapshot written: where, and how much. */
export interface WrittenSnapshot {
    readonly paths: SnapshotPaths;
    readonly stats: SnapshotStats;
}

/** What {@link writeSampleFiles} wrote. */
export interface SampleFilesResult {
    readonly snapshot: WrittenSnapshot;
    readonly dayLater?: WrittenSnapshot;
}

/** The file names of a snapshot in `out`: `contacts.ndjson` and `events.ndjson`, with `-day-2` for the day later. */
export function snapshotPaths(out: string, eventsSeparately: boolean, suffix = ''): SnapshotPaths {
    return {
        contacts: join(out, `contacts${suffix}.ndjson`),
        ...(eventsSeparately ? { events: join(out, `events${suffix}.ndjson`) } : {}),
    };
}

/**
 * Generates the sample into files in one streaming pass: each contact is written, then moved a
 * day on and written to the day-later snapshot, so memory stays flat at any size.
 */
export function writeSampleFiles(options: SampleFilesOptions): SampleFilesResult {
    mkdirSync(options.out, { recursive: true });
    const eventsSeparately = options.eventsSeparately === true;
    const paths = snapshotPaths(options.out, eventsSeparately);
    const laterPaths = options.dayLater === true ? snapshotPaths(options.out, eventsSeparately, '-day-2') : undefined;
    const generator = new ContactGenerator(options);
    const simulator = laterPaths === undefined ? undefined : new DayLaterSimulator(options);
    const writer = new SnapshotWriter(paths);
    const laterWriter = laterPaths === undefined ? undefined : new SnapshotWriter(laterPaths);
    const count = options.contacts ?? DEFAULT_CONTACTS;
    for (let index = 0; index < count; index++) {
        const contact = generator.contact(index);
        writer.write(contact);
        const next = simulator?.advance(contact);
        if (next !== undefined) {
            laterWriter?.write(next);
        }
    }
    if (simulator !== undefined && laterWriter !== undefined) {
        for (const contact of simulator.newContacts(count, newContactCount(count))) {
            laterWriter.write(contact);
        }
    }
    const snapshot = { paths, stats: writer.close() };
    return laterPaths === undefined || laterWriter === undefined ? { snapshot } : { snapshot, dayLater: { paths: laterPaths, stats: laterWriter.close() } };
}
