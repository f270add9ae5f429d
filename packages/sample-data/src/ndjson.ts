import { closeSync, openSync, writeSync } from 'node:fs';
import type { Contact } from './contact.js';

/** Where a snapshot goes. */
export interface SnapshotPaths {
    /** The contacts, one JSON object per line. */
    readonly contacts: string;
    /**
     * When set, events go to this file, one per line, keyed by contact
     * (`{ "contact": id, "event", "at", ... }`), and the contacts carry no `events`.
     */
    readonly events?: string;
}

/** What a writer wrote. */
export interface SnapshotStats {
    readonly contacts: number;
    readonly events: number;
}

/** A contact's NDJSON line (with its newline), with or without its `events`. */
export function contactLine(contact: Contact, withEvents = true): string {
    if (withEvents) {
        return JSON.stringify(contact) + '\n';
    }
    const { events: _events, ...fields } = contact;
    return JSON.stringify(fields) + '\n';
}

/** A contact's events as NDJSON lines keyed by contact: `{"contact":"c0000001","event":...}`. */
export function eventLines(contact: Contact): string {
    const prefix = '{"contact":' + JSON.stringify(contact.id) + ',';
    let lines = '';
    for (const event of contact.events) {
        lines += prefix + JSON.stringify(event).slice(1) + '\n';
    }
    return lines;
}

/** A whole snapshot (events embedded) as one NDJSON text: small samples and tests. */
export function serializeSnapshot(contacts: Iterable<Contact>): string {
    let text = '';
    for (const contact of contacts) {
        text += contactLine(contact);
    }
    return text;
}

/** Bytes buffered before a write to disk. */
const BUFFER_CHARS = 1 << 20;

/** A text file written in large synchronous chunks: constant memory, no back-pressure to manage. */
export class BufferedFileWriter {
    private readonly fd: number;
    private buffer = '';

    constructor(path: string) {
        this.fd = openSync(path, 'w');
    }

    /** Appends text. */
    write(text: string): void {
        this.buffer += text;
        if (this.buffer.length >= BUFFER_CHARS) {
            this.flush();
        }
    }

    /** Writes what is buffered and closes the file. */
    close(): void {
        this.flush();
        closeSync(this.fd);
    }

    private flush(): void {
        if (this.buffer.length > 0) {
            writeSync(this.fd, this.buffer);
            this.buffer = '';
        }
    }
}

/** Writes contacts as they come, to one file or to a contacts file and an events file. */
export class SnapshotWriter {
    private readonly contactsFile: BufferedFileWriter;
    private readonly eventsFile: BufferedFileWriter | undefined;
    private contacts = 0;
    private events = 0;

    constructor(paths: SnapshotPaths) {
        this.contactsFile = new BufferedFileWriter(paths.contacts);
        this.eventsFile = paths.events === undefined ? undefined : new BufferedFileWriter(paths.events);
    }

    /** Writes one contact (and its events). */
    write(contact: Contact): void {
        this.contacts++;
        this.events += contact.events.length;
        if (this.eventsFile === undefined) {
            this.contactsFile.write(contactLine(contact));
        } else {
            this.contactsFile.write(contactLine(contact, false));
            this.eventsFile.write(eventLines(contact));
        }
    }

    /** Closes the files and says how much was written. */
    close(): SnapshotStats {
        this.contactsFile.close();
        this.eventsFile?.close();
        return { contacts: this.contacts, events: this.events };
    }
}

/** Writes a whole snapshot, streaming: contacts are consumed one at a time. */
export function writeSnapshot(contacts: Iterable<Contact>, paths: SnapshotPaths): SnapshotStats {
    const writer = new SnapshotWriter(paths);
    for (const contact of contacts) {
        writer.write(contact);
    }
    return writer.close();
}
