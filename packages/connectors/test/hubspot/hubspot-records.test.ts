import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileSegment } from '@segments/engine';
import { contactRecord, hubSpotPropertyOf, type HubSpotContact } from '../../src/index.js';
import { CONTACT_PROPERTIES } from './fixtures/contact-properties.js';
import { compileSegments } from './segment-bundles.js';

const definitions = new Map(CONTACT_PROPERTIES.map((d) => [d.name, d]));
const contact = (properties: Record<string, string | null>): HubSpotContact => ({ id: '42', properties, createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z', archived: false });

describe('HubSpot contacts as records', () => {
    test('a field reads the property its path names: a bare name, properties.NAME, or the contact id', () => {
        expect(hubSpotPropertyOf({ path: ['email'] })).toBe('email');
        expect(hubSpotPropertyOf({ path: ['properties', 'total_revenue'] })).toBe('total_revenue');
        expect(hubSpotPropertyOf({ path: ['id'] })).toBe('hs_object_id');
        expect(hubSpotPropertyOf({ path: ['createdAt'] })).toBeUndefined();
        expect(hubSpotPropertyOf({ path: ['address', 'city'] })).toBeUndefined();
    });

    test('empty and null values are missing; properties sit at the top level and under `properties`', () => {
        const record = contactRecord(contact({ email: 'a@b.c', country: '', lifecyclestage: null }), definitions);
        expect(record).toEqual({
            email: 'a@b.c',
            properties: { email: 'a@b.c' },
            id: '42',
            createdAt: '2026-01-02T03:04:05.000Z',
            updatedAt: '2026-01-02T03:04:05.000Z',
            archived: false,
        });
    });

    test('a date property (midnight UTC, as milliseconds or ISO) becomes its calendar day; anything else is left for the engine to judge', () => {
        const day = (value: string) => contactRecord(contact({ date_of_birth: value }), definitions).date_of_birth;
        expect(day('946684800000')).toBe('2000-01-01');
        expect(day('2000-01-01T00:00:00.000Z')).toBe('2000-01-01');
        expect(day('2000-01-01')).toBe('2000-01-01');
        expect(day('946684800001')).toBe('946684800001');
        expect(day('soon')).toBe('soon');
        // A datetime property keeps its instant.
        expect(contactRecord(contact({ notes_last_contacted: '946684800000' }), definitions).notes_last_contacted).toBe('946684800000');
    });

    test('the engine reads HubSpot strings: numbers, booleans, datetimes, multiple checkboxes; unreadable values are counted', async () => {
        const schema = readFileSync(new URL('fixtures/contact.segment', import.meta.url), 'utf8');
        const bundles = await compileSegments(schema, 'segment s of Contact { timezone "America/Los_Angeles" where revenue > 10 and opted_out and birthday = 2000-01-01 and roles includes "champion" and last_contacted after 2026-01-01T00:00:00Z and score_text > 1 }');
        const evaluator = compileSegment(bundles.get('s')!).prepare({ now: '2026-03-15T12:00:00Z' });
        const base = { total_revenue: '10.5', hs_email_optout: 'true', date_of_birth: '946684800000', hs_buying_role: 'BLOCKER;CHAMPION', notes_last_contacted: '2026-02-01T00:00:00.000Z', score_text: '2' };
        expect(evaluator.isMember(contactRecord(contact(base), definitions))).toBe(true);
        expect(evaluator.isMember(contactRecord(contact({ ...base, score_text: 'lots' }), definitions))).toBe(false);
        expect(evaluator.quality.unreadableValues).toEqual({ score_text: 1 });
    });
});
