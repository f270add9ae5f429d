import { describe, expect, test } from 'vitest';
import { contactId, dayLater, DayLaterSimulator, generateContacts, newContactCount, parseInstant, serializeSnapshot } from '../src/index.js';

const options = { contacts: 2_000, seed: 'day-test', now: '2026-11-20T12:00:00Z' } as const;
const now = parseInstant(options.now);
const later = now + 86_400_000;
const first = [...generateContacts(options)];
const snapshot = serializeSnapshot(first);
const second = [...dayLater(first, options)];
const byId = new Map(second.map((contact) => [contact.id, contact]));

describe('dayLater', () => {
    test('is deterministic and leaves the first snapshot unchanged', () => {
        expect(serializeSnapshot(dayLater(first, options))).toBe(serializeSnapshot(second));
        expect(serializeSnapshot(first)).toBe(snapshot);
    });

    test('deletes a few contacts: they are absent', () => {
        const deleted = first.filter((contact) => !byId.has(contact.id));
        expect(deleted.length).toBeGreaterThan(0);
        expect(deleted.length).toBeLessThan(first.length * 0.01);
        const simulator = new DayLaterSimulator(options);
        for (const contact of deleted) {
            expect(simulator.advance(contact)).toBeUndefined();
        }
    });

    test('adds new contacts, created during the day, with the next ids', () => {
        const added = second.filter((contact) => Number(contact.id.slice(1)) > first.length);
        expect(added.map((contact) => contact.id)).toEqual(Array.from({ length: newContactCount(first.length) }, (_, i) => contactId(first.length + i)));
        for (const contact of added) {
            const created = Date.parse(String(contact['created_at']));
            expect(created).toBeGreaterThanOrEqual(now - 1_000);
            expect(created).toBeLessThan(later);
        }
    });

    test('only appends events, all within the day', () => {
        let grown = 0;
        for (const contact of first) {
            const next = byId.get(contact.id);
            if (next === undefined) {
                continue;
            }
            expect(next.events.slice(0, contact.events.length)).toEqual(contact.events);
            for (const event of next.events.slice(contact.events.length)) {
                const time = Date.parse(event.at);
                expect(time).toBeGreaterThan(now);
                expect(time).toBeLessThanOrEqual(later);
            }
            grown += next.events.length > contact.events.length ? 1 : 0;
        }
        expect(grown).toBeGreaterThan(100);
    });

    test('changes fields: purchases counted, unsubscribes, tier upgrades', () => {
        let buyers = 0;
        let unsubscribed = 0;
        let upgraded = 0;
        const tiers = ['Bronze', 'Silver', 'Gold'];
        for (const contact of first) {
            const next = byId.get(contact.id);
            if (next === undefined) {
                continue;
            }
            const newPurchases = next.events.slice(contact.events.length).filter((event) => event.event === 'Purchased');
            const before = (contact['properties'] as Record<string, unknown>)['num_orders'];
            const after = (next['properties'] as Record<string, unknown>)['num_orders'];
            if (newPurchases.length > 0 && typeof before === 'number') {
                buyers++;
                expect(after).toBe(before + newPurchases.length);
                expect(next['last_purchase']).toBe(newPurchases[newPurchases.length - 1]!.at);
            }
            unsubscribed += contact['subscription_status'] === 'Active' && next['subscription_status'] === 'Unsubscribed' ? 1 : 0;
            const tierBefore = tiers.indexOf(String(contact['tier']));
            const tierAfter = tiers.indexOf(String(next['tier']));
            expect(tierAfter).toBeGreaterThanOrEqual(tierBefore);
            upgraded += tierAfter > tierBefore ? 1 : 0;
        }
        expect(buyers).toBeGreaterThan(0);
        expect(unsubscribed).toBeGreaterThan(0);
        expect(upgraded).toBeGreaterThan(0);
    });
});
