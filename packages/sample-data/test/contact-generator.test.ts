import { describe, expect, test } from 'vitest';
import {
    contactId, eventNames, generateContacts, malformedValues, missingRates, parseInstant, personas, serializeSnapshot,
    type Contact, type JsonValue,
} from '../src/index.js';

const now = parseInstant('2026-11-20T12:00:00Z');
const contacts = [...generateContacts({ contacts: 3_000, seed: 'test' })];

/** The value at a record path. */
function at(contact: Contact, path: string): JsonValue | undefined {
    let value: JsonValue | undefined = contact;
    for (const key of path.split('.')) {
        value = typeof value === 'object' && value !== null && !Array.isArray(value) ? value[key] : undefined;
    }
    return value;
}

describe('generateContacts', () => {
    test('is deterministic: same options, same bytes; another seed, other contacts', () => {
        const again = serializeSnapshot(generateContacts({ contacts: 200, seed: 'test' }));
        expect(again).toBe(serializeSnapshot(contacts.slice(0, 200)));
        expect(serializeSnapshot(generateContacts({ contacts: 200, seed: 'other' }))).not.toBe(again);
    });

    test('a contact does not depend on how many are generated', () => {
        const few = [...generateContacts({ contacts: 10, seed: 'test' })];
        expect(JSON.stringify(few[9])).toBe(JSON.stringify(contacts[9]));
    });

    test('gives stable, ordered ids', () => {
        expect(contacts[0]!.id).toBe('c0000001');
        expect(contacts.map((contact) => contact.id)).toEqual(contacts.map((_, index) => contactId(index)));
    });

    test('events are known, in time order, and none after now', () => {
        const known = new Set<string>(eventNames);
        const problems: string[] = [];
        for (const contact of contacts) {
            let previous = -Infinity;
            for (const event of contact.events) {
                const time = Date.parse(event.at);
                if (!known.has(event.event) || time < previous || time > now) {
                    problems.push(`${contact.id} ${JSON.stringify(event)}`);
                }
                previous = time;
            }
            if (contact.events[0]?.event !== 'SignedUp') {
                problems.push(`${contact.id} starts without SignedUp`);
            }
        }
        expect(problems).toEqual([]);
    });

    test('totals agree with the purchases where they are numbers', () => {
        let checked = 0;
        for (const contact of contacts) {
            const revenue = at(contact, 'properties.total_revenue');
            const orders = at(contact, 'properties.num_orders');
            const purchases = contact.events.filter((event) => event.event === 'Purchased');
            if (typeof revenue === 'number' && typeof orders === 'number') {
                checked++;
                expect(orders).toBe(purchases.length);
                expect(revenue).toBeCloseTo(purchases.reduce((sum, event) => sum + (event['amount'] as number), 0), 2);
            }
        }
        expect(checked).toBeGreaterThan(2_000);
    });

    test('each field is missing now and then, 1% to 15% of the time beyond its natural absence', () => {
        for (const [path] of missingRates) {
            const explicitNull = contacts.filter((contact) => at(contact, path) === null).length;
            expect(explicitNull, path).toBeGreaterThan(0);
            expect(explicitNull / contacts.length, path).toBeLessThan(0.06);
        }
        const noEmail = contacts.filter((contact) => at(contact, 'email') == null).length / contacts.length;
        expect(noEmail).toBeGreaterThan(0.01);
        expect(noEmail).toBeLessThan(0.06);
    });

    test('a few contacts, under 1%, carry a malformed value', () => {
        const malformed = contacts.filter((contact) => malformedValues.some(([path, value]) => at(contact, path) === value)).length;
        expect(malformed).toBeGreaterThan(0);
        expect(malformed / contacts.length).toBeLessThan(0.01);
    });

    test('birthdays give ages from 16 to 80, some on 29 February', () => {
        const birthdays = contacts.map((contact) => at(contact, 'birthday')).filter((value): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
        const years = birthdays.map((birthday) => Number(birthday.slice(0, 4)));
        expect(Math.min(...years)).toBeGreaterThanOrEqual(2026 - 81);
        expect(Math.max(...years)).toBeLessThanOrEqual(2026 - 16);
        expect(birthdays.some((birthday) => birthday.endsWith('-02-29'))).toBe(true);
    });

    test('places the VIP personas at their indices, without imperfections', () => {
        for (const [index, persona] of personas) {
            expect(contacts[index]!['email']).toBe(persona.identity.email);
            expect(contacts[index]!['first_name']).toBe(persona.identity.firstName);
        }
    });
});
