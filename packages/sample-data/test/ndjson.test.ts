import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contactLine, eventLines, generateContacts, serializeSnapshot, writeSampleFiles, writeSnapshot } from '../src/index.js';

const contacts = [...generateContacts({ contacts: 30, seed: 'ndjson' })];

describe('NDJSON', () => {
    test('a contact line is its JSON, with or without events', () => {
        const contact = contacts[1]!;
        expect(JSON.parse(contactLine(contact))).toEqual(contact);
        const { events: _events, ...fields } = contact;
        expect(JSON.parse(contactLine(contact, false))).toEqual(fields);
        expect(contactLine(contact).endsWith('\n')).toBe(true);
    });

    test('event lines are keyed by contact, the contact first', () => {
        const contact = contacts[2]!;
        const lines = eventLines(contact).trimEnd().split('\n');
        expect(lines).toHaveLength(contact.events.length);
        expect(lines[0]!.startsWith(`{"contact":"${contact.id}","event":`)).toBe(true);
        expect(JSON.parse(lines[0]!)).toEqual({ contact: contact.id, ...contact.events[0] });
    });

    test('writeSnapshot streams to one file, or to contacts and events files', () => {
        const folder = mkdtempSync(join(tmpdir(), 'sample-data-'));
        const embedded = writeSnapshot(contacts, { contacts: join(folder, 'a.ndjson') });
        expect(readFileSync(join(folder, 'a.ndjson'), 'utf8')).toBe(serializeSnapshot(contacts));
        const separate = writeSnapshot(contacts, { contacts: join(folder, 'b.ndjson'), events: join(folder, 'e.ndjson') });
        expect(separate).toEqual(embedded);
        expect(embedded.contacts).toBe(30);
        const events = readFileSync(join(folder, 'e.ndjson'), 'utf8').trimEnd().split('\n');
        expect(events).toHaveLength(embedded.events);
        expect(readFileSync(join(folder, 'b.ndjson'), 'utf8')).not.toContain('"events"');
    });

    test('writeSampleFiles writes both snapshots, the same as the in-memory API', () => {
        const folder = mkdtempSync(join(tmpdir(), 'sample-data-'));
        const result = writeSampleFiles({ out: folder, contacts: 40, seed: 'files', dayLater: true });
        expect(result.dayLater?.paths.contacts).toBe(join(folder, 'contacts-day-2.ndjson'));
        expect(readFileSync(join(folder, 'contacts.ndjson'), 'utf8')).toBe(serializeSnapshot(generateContacts({ contacts: 40, seed: 'files' })));
    });
});
