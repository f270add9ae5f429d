import { parseArgs } from 'node:util';
import { DEFAULT_CONTACTS, DEFAULT_SEED } from './contact-generator.js';
import type { SampleFilesOptions } from './sample-files.js';
import { DEFAULT_NOW, parseInstant } from './time.js';

/** The usage text of the sample-data command. */
export const usage = `Usage: node packages/sample-data/dist/cli.js --out DIR [options]

Generates a deterministic sample of CRM contacts with their events, as NDJSON.

Options:
  --out DIR              Folder of the files (required): contacts.ndjson, and with the
                         flags below events.ndjson, contacts-day-2.ndjson, events-day-2.ndjson
  --contacts N           How many contacts (default ${DEFAULT_CONTACTS})
  --seed S               Any text or number; same seed, same bytes (default "${DEFAULT_SEED}")
  --now ISO              The snapshot's instant (default ${DEFAULT_NOW})
  --events-separately    Events in events.ndjson, keyed by contact, not inside each contact
  --day-later            Also write the snapshot of one day later
  -h, --help             Show this help
`;

/** A command line, understood: the files to write, or a request for help. */
export type SampleCliArguments = { readonly help: true } | ({ readonly help: false } & SampleFilesOptions);

/**
 * Reads the command line.
 * @throws Error with a message for the user when an option is missing or invalid
 */
export function parseSampleArguments(args: readonly string[]): SampleCliArguments {
    const { values } = parseArgs({
        args: [...args],
        options: {
            out: { type: 'string' },
            contacts: { type: 'string' },
            seed: { type: 'string' },
            now: { type: 'string' },
            'events-separately': { type: 'boolean' },
            'day-later': { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: false,
    });
    if (values.help === true) {
        return { help: true };
    }
    if (values.out === undefined) {
        throw new Error('--out DIR is required');
    }
    const contacts = values.contacts === undefined ? DEFAULT_CONTACTS : Number(values.contacts);
    if (!Number.isSafeInteger(contacts) || contacts < 0) {
        throw new Error(`--contacts must be a whole number, not '${values.contacts}'`);
    }
    const now = values.now ?? DEFAULT_NOW;
    parseInstant(now);
    return {
        help: false,
        out: values.out,
        contacts,
        seed: values.seed ?? DEFAULT_SEED,
        now,
        eventsSeparately: values['events-separately'] === true,
        dayLater: values['day-later'] === true,
    };
}
