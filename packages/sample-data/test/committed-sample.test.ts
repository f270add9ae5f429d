import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { dayLater, DEFAULT_NOW, generateContacts, parseInstant, serializeSnapshot, type Contact } from '../src/index.js';
import { exampleSegments } from './example-segments.js';

/** A file of the committed sample. */
function committed(name: string): string {
    return readFileSync(fileURLToPath(new URL(`../../../examples/data/${name}`, import.meta.url)), 'utf8');
}

/** The committed sample's options: see examples/data/README.md. */
const options = { contacts: 2_000, seed: 'segments', now: '2026-11-20T12:00:00Z' } as const;

describe('the committed sample (examples/data)', () => {
    const first = [...generateContacts(options)];
    const second = [...dayLater(first, options)];

    test('is what the generator makes, byte for byte', () => {
        expect(serializeSnapshot(first) === committed('contacts.ndjson')).toBe(true);
    });

    test('its day-later snapshot is what dayLater makes, byte for byte', () => {
        expect(serializeSnapshot(second) === committed('contacts-day-2.ndjson')).toBe(true);
    });

    test('uses the default seed and now', () => {
        expect(serializeSnapshot(generateContacts({ contacts: 50 }))).toBe(serializeSnapshot(first.slice(0, 50)));
        expect(options.now).toBe(DEFAULT_NOW);
    });

    const now = parseInstant(options.now);
    const later = now + 86_400_000;
    const members = (contacts: readonly Contact[], at: number, name: string): Set<string> =>
        new Set(contacts.filter((contact) => exampleSegments[name]!(contact, at)).map((contact) => contact.id));

    test.each(Object.keys(exampleSegments))('makes the example segment %s non-trivial', (name) => {
        const size = members(first, now, name).size;
        expect(size).toBeGreaterThan(0);
        expect(size).toBeLessThan(first.length);
    });

    test('a day later, contacts enter and exit the time-sensitive segments', () => {
        for (const name of ['purchased_this_week', 'cart_abandoners', 'browse_abandoners', 'welcome_series', 'active_last_30_days']) {
            const before = members(first, now, name);
            const after = members(second, later, name);
            expect([...after].some((id) => !before.has(id)), `${name} gets entries`).toBe(true);
            expect([...before].some((id) => !after.has(id)), `${name} gets exits`).toBe(true);
        }
    });
});
