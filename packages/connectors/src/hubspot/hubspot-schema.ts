/**
 * Writes a `.segment` schema from HubSpot's contact property metadata (`GET /crm/v3/properties/contacts`):
 * one field per property, typed from the property's type, its enumeration options as `one of`, its label
 * and description as a doc comment. The mapping is documented in docs/cli.md (`segment schema pull hubspot`).
 */
import { createSegmentServices, InMemoryFileSystem, type Model, type SegmentServices } from '@segments/language';
import { URI } from 'langium';
import type { HubSpotProperty } from './hubspot-types.js';

/** How to write the schema. */
export interface HubSpotSchemaOptions {
    /** The schema's name (default `Contact`); an identifier. */
    name?: string;
    /** Also write properties HubSpot marks hidden (default: skip them). */
    includeHidden?: boolean;
}

/** A property left out of the schema, and why. */
export interface SkippedHubSpotProperty {
    name: string;
    reason: 'hidden' | 'unusable-name';
}

/** The schema's text (canonically formatted) and the properties it leaves out. */
export interface HubSpotSchema {
    text: string;
    /** The property names written as fields, in the order of the file. */
    fields: string[];
    skipped: SkippedHubSpotProperty[];
}

/** The property HubSpot keys every record by: the schema's key. */
export const HUBSPOT_KEY_PROPERTY = 'hs_object_id';

const IDENTIFIER = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/** The language services, created once: the lexer decides which names need backticks, the printer formats. */
let services: { shared: ReturnType<typeof createSegmentServices>['shared']; Segment: SegmentServices } | undefined;

function languageServices(): NonNullable<typeof services> {
    services ??= createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem({}) });
    return services;
}

/**
 * How a property name is written: as is when it lexes as a plain identifier, in backticks when it is a
 * keyword or holds other characters, undefined when no name can hold it (a backtick, a line break, or a dot,
 * which would make its default `from` path a nested one).
 */
export function segmentName(name: string): string | undefined {
    if (name === '' || /[`\r\n.]/.test(name)) {
        return undefined;
    }
    const tokens = languageServices().Segment.parser.Lexer.tokenize(name).tokens;
    const plain = IDENTIFIER.test(name) && tokens.length === 1 && tokens[0].tokenType.name === 'ID';
    return plain ? name : `\`${name}\``;
}

function quote(text: string): string {
    return JSON.stringify(text);
}

/** True for a multiple-checkbox enumeration (several options at once, `;`-separated). */
function isMultiSelect(property: HubSpotProperty): boolean {
    return property.type === 'enumeration' && property.fieldType === 'checkbox';
}

/** The schema type of a property. */
export function segmentType(property: HubSpotProperty): string {
    switch (property.type) {
        case 'number':
            return 'number';
        case 'bool':
            return 'boolean';
        case 'date':
            return 'date';
        case 'datetime':
            return 'datetime';
        case 'enumeration': {
            if (isMultiSelect(property)) {
                return 'list of text';
            }
            const values = property.options.map((option) => option.value);
            if (property.fieldType === 'booleancheckbox' && values.length === 2 && values.includes('true') && values.includes('false')) {
                return 'boolean';
            }
            return values.length === 0 ? 'text' : `one of (${values.map(quote).join(', ')})`;
        }
        default:
            return 'text';
    }
}

/** The doc comment of a property: its label, its description and, for a multiple checkbox, its options. */
function docComment(property: HubSpotProperty): string {
    const parts = [property.label.trim() || property.name];
    const description = (property.description ?? '').trim();
    if (description !== '') {
        parts.push(description);
    }
    if (isMultiSelect(property) && property.options.length > 0) {
        parts.push(`Any of: ${property.options.map((option) => (option.label === option.value ? option.value : `${option.value} (${option.label})`)).join(', ')}.`);
    }
    const text = parts.map((part) => part.replace(/\s+/g, ' ').replace(/:$/, '')).map((part) => (/[.!?]$/.test(part) ? part : `${part}.`)).join(' ');
    return `/** ${text.replace(/\*\//g, '* /')} */`;
}

/** The key property, for metadata that lacks it (HubSpot always has it). */
const KEY_PROPERTY: HubSpotProperty = {
    name: HUBSPOT_KEY_PROPERTY, label: 'Record ID', type: 'number', fieldType: 'number', groupName: 'contactinformation', options: [],
    description: 'The unique ID for this record. This value is set automatically by HubSpot.',
};

/**
 * Writes a schema for HubSpot contacts from their property metadata. The key is `hs_object_id`, first;
 * the other fields follow by name, so that a new property is a one-line diff. Field names are the
 * property names (so each field reads its property without a `from`), in backticks when they are not
 * plain identifiers. The text is formatted canonically (as `segment fmt` would).
 */
export function hubspotSchemaFromProperties(properties: readonly HubSpotProperty[], options: HubSpotSchemaOptions = {}): HubSpotSchema {
    const schemaName = options.name ?? 'Contact';
    if (!IDENTIFIER.test(schemaName) || segmentName(schemaName) !== schemaName) {
        throw new Error(`A schema name must be an identifier that is not a keyword (letters, digits, _): ${JSON.stringify(schemaName)}`);
    }
    const skipped: SkippedHubSpotProperty[] = [];
    const written = new Map<string, { property: HubSpotProperty; name: string }>();
    for (const property of [...properties].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const name = segmentName(property.name);
        if (property.hidden && !options.includeHidden && property.name !== HUBSPOT_KEY_PROPERTY) {
            skipped.push({ name: property.name, reason: 'hidden' });
        } else if (name === undefined) {
            skipped.push({ name: property.name, reason: 'unusable-name' });
        } else {
            written.set(property.name, { property, name });
        }
    }
    const key = written.get(HUBSPOT_KEY_PROPERTY) ?? { property: KEY_PROPERTY, name: HUBSPOT_KEY_PROPERTY };
    written.delete(HUBSPOT_KEY_PROPERTY);
    const fields = [key, ...written.values()];
    const lines = [
        '/** HubSpot contacts, written by `segment schema pull hubspot` from HubSpot\'s contact property metadata. */',
        `schema ${schemaName} key ${HUBSPOT_KEY_PROPERTY} {`,
        ...fields.flatMap(({ property, name }) => [docComment(property), `${name} ${segmentType(property)}`]),
        '}',
        '',
    ];
    return { text: formatSegmentText(lines.join('\n')), fields: fields.map((field) => field.property.name), skipped };
}

/** The canonical form of segment text, through the language's printer; throws when the text does not parse. */
function formatSegmentText(text: string): string {
    const { shared, Segment } = languageServices();
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse('memory:///hubspot-schema.segment'));
    const printed = Segment.printing.Printer.print(document);
    if (printed === undefined) {
        const [first] = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors];
        throw new Error(`The generated schema does not parse: ${first?.message ?? 'unknown error'}`);
    }
    return printed;
}
