/**
 * The benchmark's records: contacts of the seeded sample-data generator, turned into the raw
 * objects an NDJSON line would give (`JSON.parse(JSON.stringify(contact))`: plain objects, no
 * `undefined`, events embedded in `events`), so that every contender reads the same raw shapes.
 */
import { ContactGenerator } from '@segments/sample-data';

/** Options of {@link generateRecords}. */
export interface RecordOptions {
    /** How many contacts. */
    readonly contacts: number;
    /** The generator's seed. */
    readonly seed: string;
    /** The snapshot's instant (ISO-8601 with a zone); every event is at or before it. */
    readonly now: string;
    /** Called every `progressEvery` records with the number made so far. */
    readonly progress?: (done: number) => void;
}

/** The records and what they hold. */
export interface GeneratedRecords {
    readonly records: readonly Record<string, unknown>[];
    /** The events embedded in all records. */
    readonly events: number;
}

/** How often {@link RecordOptions.progress} is called. */
export const progressEvery = 100_000;

/** Generates `contacts` raw records, one at a time, each through a JSON round trip. */
export function generateRecords(options: RecordOptions): GeneratedRecords {
    const generator = new ContactGenerator({ seed: options.seed, now: options.now });
    const records: Record<string, unknown>[] = new Array(options.contacts);
    let events = 0;
    for (let i = 0; i < options.contacts; i++) {
        const record = JSON.parse(JSON.stringify(generator.contact(i))) as Record<string, unknown>;
        events += (record.events as unknown[]).length;
        records[i] = record;
        if ((i + 1) % progressEvery === 0) options.progress?.(i + 1);
    }
    return { records, events };
}
