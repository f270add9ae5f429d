import { readFileSync } from 'node:fs';
import { compileSegment } from '@segments/engine';
import { createSegmentServices, InMemoryFileSystem, type Model } from '@segments/language';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { contactRecord, hubspotSchemaFromProperties, segmentName, type HubSpotContact, type HubSpotProperty } from '../../src/index.js';
import { compileSegments } from './segment-bundles.js';

/** A `GET /crm/v3/properties/contacts` answer: HubSpot's standard properties plus custom ones with awkward names and types. */
const PROPERTIES = (JSON.parse(readFileSync(new URL('fixtures/hubspot-contact-properties.json', import.meta.url), 'utf8')) as { results: HubSpotProperty[] }).results;

/** The schema written from PROPERTIES, reviewed by hand. */
const EXPECTED = readFileSync(new URL('fixtures/hubspot-contact-schema.segment', import.meta.url), 'utf8');

/** The diagnostics the language gives a file, built alone as `segment check` builds it. */
async function diagnosticsOf(text: string): Promise<string[]> {
    const { shared } = createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem({ '/p/contact.segment': text }) });
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file('/p/contact.segment'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return (document.diagnostics ?? []).map((diagnostic) => `${diagnostic.range.start.line + 1}: ${String(diagnostic.code)} ${String(diagnostic.message)}`);
}

describe('hubspotSchemaFromProperties', () => {
    const schema = hubspotSchemaFromProperties(PROPERTIES);

    test('writes the reviewed schema', () => {
        expect(schema.text).toBe(EXPECTED);
    });

    test('the schema has no diagnostics at all and is formatted canonically', async () => {
        expect(await diagnosticsOf(schema.text)).toEqual([]);
        expect(hubspotSchemaFromProperties([...PROPERTIES].reverse()).text).toBe(schema.text);
    });

    test('the key hs_object_id comes first, the other fields by name; hidden properties are skipped unless asked', () => {
        expect(schema.fields[0]).toBe('hs_object_id');
        expect(schema.fields.slice(1)).toEqual([...schema.fields.slice(1)].sort());
        expect(schema.skipped).toEqual([{ name: 'hs_all_contact_vids', reason: 'hidden' }]);
        const withHidden = hubspotSchemaFromProperties(PROPERTIES, { includeHidden: true, name: 'Person' });
        expect(withHidden.skipped).toEqual([]);
        expect(withHidden.text).toMatch(/^schema Person key hs_object_id \{$/m);
        expect(withHidden.text).toMatch(/^ {2}hs_all_contact_vids list of text$/m);
    });

    test('names the language cannot hold are skipped; keywords get backticks only when they must', () => {
        expect(segmentName('email')).toBe('email');
        expect(segmentName('from')).toBe('`from`');
        expect(segmentName('not')).toBe('`not`');
        expect(segmentName('first name')).toBe('`first name`');
        expect(segmentName('a.b')).toBeUndefined();
        const odd = hubspotSchemaFromProperties([{ name: 'a.b', label: 'Dotted', type: 'string', fieldType: 'text', groupName: 'g', options: [] }]);
        expect(odd.skipped).toEqual([{ name: 'a.b', reason: 'unusable-name' }]);
        expect(odd.fields).toEqual(['hs_object_id']);
    });

    test('a schema name that is not an identifier is refused', () => {
        expect(() => hubspotSchemaFromProperties(PROPERTIES, { name: 'My Contacts' })).toThrow(/must be an identifier/);
        expect(() => hubspotSchemaFromProperties(PROPERTIES, { name: 'and' })).toThrow(/must be an identifier/);
    });

    test('segments over the schema evaluate HubSpot contacts as HubSpot sends them (all strings)', async () => {
        const bundles = await compileSegments(schema.text, `
segment champions of Contact {
  where
    hs_buying_role includes "CHAMPION" and lifecyclestage = "customer"
}

segment early_vips of Contact {
  where
    vip and date_of_first_order before 2025-01-01 and \`from\` = "WEB"
}

segment rich_and_contacted of Contact {
  where
    total_revenue > 1000 and notes_last_contacted within last 30 days and not hs_email_optout
}
`);
        const definitions = new Map(PROPERTIES.map((property) => [property.name, property]));
        const contact = (id: string, properties: Record<string, string | null>): HubSpotContact => ({
            id, properties: { hs_object_id: id, ...properties }, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', archived: false,
        });
        const contacts = [
            contact('1', { hs_buying_role: 'BLOCKER;CHAMPION', lifecyclestage: 'customer', vip: 'true', date_of_first_order: '2024-06-30', from: 'web', total_revenue: '1200.5', notes_last_contacted: '2026-02-20T10:00:00.000Z', hs_email_optout: 'false' }),
            contact('2', { hs_buying_role: 'CHAMPION', lifecyclestage: 'Customer', vip: 'false', date_of_first_order: '1719705600000', total_revenue: '90', hs_email_optout: 'true' }),
            contact('3', { hs_buying_role: null, lifecyclestage: null, vip: 'true', date_of_first_order: '2025-03-01', from: 'Web', total_revenue: '5000', notes_last_contacted: '2025-01-01T00:00:00.000Z' }),
        ];
        const members = (segment: string) => {
            const evaluator = compileSegment(bundles.get(segment)).prepare({ now: '2026-03-01T12:00:00Z', timezone: 'UTC' });
            return contacts.map((item) => contactRecord(item, definitions)).filter((record) => evaluator.isMember(record)).map((record) => evaluator.keyOf(record));
        };
        expect(members('champions')).toEqual(['1']);
        expect(members('early_vips')).toEqual(['1']);
        expect(members('rich_and_contacted')).toEqual(['1']);
    });
});
