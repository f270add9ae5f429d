import type { SchemaIR, SegmentBundleIR } from '@segments/ir';
import type { HubSpotPropertyDefinition } from '@segments/hubspot-test-server';
import type { Random } from '@segments/sample-data';
import { hubSpotPropertyOf } from '../../src/index.js';

/**
 * Random HubSpot data for a segment schema: property definitions that type each field's property
 * as HubSpot would (with some deliberate mismatches, to exercise the planner's traps), and contact
 * values drawn around the literals the segments use, in several letter cases, with gaps.
 */

/** A field's property typed against the grain: a text field over an enumeration (case-sensitive in HubSpot), a number field over text. */
export type PropertyOverride = Pick<HubSpotPropertyDefinition, 'type' | 'fieldType'>;

const DAY = 86_400_000;

/** The property definitions of a schema's fields, by the HubSpot type matching each field type (or an override). */
export function propertiesForSchema(schema: SchemaIR, overrides: Record<string, PropertyOverride> = {}): HubSpotPropertyDefinition[] {
    const definitions = new Map<string, HubSpotPropertyDefinition>();
    for (const field of schema.fields) {
        const name = hubSpotPropertyOf(field);
        if (name === undefined || name === 'hs_object_id' || definitions.has(name)) continue;
        const typed = overrides[field.name] ?? typeOf(field.type);
        const options = field.type === 'enum' && !overrides[field.name] ? (field.values ?? []).map((value) => ({ label: value, value })) : [];
        definitions.set(name, { name, label: field.name, groupName: 'contactinformation', ...typed, options });
    }
    return [...definitions.values()];
}

function typeOf(fieldType: SchemaIR['fields'][number]['type']): PropertyOverride {
    switch (fieldType) {
        case 'number':
            return { type: 'number', fieldType: 'number' };
        case 'boolean':
            return { type: 'bool', fieldType: 'booleancheckbox' };
        case 'date':
            return { type: 'date', fieldType: 'date' };
        case 'datetime':
            return { type: 'datetime', fieldType: 'date' };
        case 'enum':
            return { type: 'enumeration', fieldType: 'select' };
        case 'list-of-text':
            return { type: 'enumeration', fieldType: 'checkbox' };
        default:
            return { type: 'string', fieldType: 'text' };
    }
}

/** The literals of bundles, by kind: values worth drawing data near. */
export interface Literals {
    texts: string[];
    numbers: number[];
    times: number[];
}

/** Collects the text, number, date and datetime literals of the bundles (anywhere in their IR). */
export function literalsOf(bundles: Iterable<SegmentBundleIR>): Literals {
    const texts = new Set<string>(['', 'x', 'US', 'fr', 'Gold']);
    const numbers = new Set<number>([0, 1, 100]);
    const times = new Set<number>();
    const visit = (node: unknown): void => {
        if (typeof node !== 'object' || node === null) return;
        const record = node as Record<string, unknown>;
        if (record.kind === 'literal') {
            if (record.type === 'text' && typeof record.value === 'string') texts.add(record.value);
            if (record.type === 'number' && typeof record.value === 'number') numbers.add(record.value);
            if (record.type === 'date' && typeof record.value === 'string') times.add(Date.parse(`${record.value}T00:00:00Z`));
            if (record.type === 'datetime' && typeof record.value === 'string') times.add(Date.parse(record.value));
        }
        for (const child of Object.values(record)) visit(child);
    };
    for (const bundle of bundles) visit(bundle);
    return { texts: [...texts], numbers: [...numbers], times: [...times].filter(Number.isFinite) };
}

/** Draws property values that the test server accepts for each definition. */
export class RandomContactValues {
    constructor(
        private readonly random: Random,
        private readonly definitions: readonly HubSpotPropertyDefinition[],
        private readonly literals: Literals,
    ) {}

    /** One contact's properties at instant `now` (dates and datetimes drawn around it and the literals); about a quarter missing. */
    contact(now: number): Record<string, string | null> {
        const properties: Record<string, string | null> = {};
        for (const definition of this.definitions) properties[definition.name] = this.random.chance(0.25) ? null : this.value(definition, now);
        return properties;
    }

    private value(definition: HubSpotPropertyDefinition, now: number): string {
        const r = this.random;
        switch (definition.type) {
            case 'number':
                return String(r.chance(0.6) ? r.pick(this.literals.numbers) + r.pick([0, 0, 1, -1, 0.5]) : Math.round(r.between(-50, 3000)));
            case 'bool':
                return r.chance(0.5) ? 'true' : 'false';
            case 'date':
                return new Date(Math.floor(this.time(now) / DAY) * DAY).toISOString().slice(0, 10);
            case 'datetime':
                return new Date(this.time(now)).toISOString();
            case 'enumeration': {
                const options = (definition.options ?? []).map((o) => o.value);
                if (definition.fieldType === 'checkbox') return Array.from({ length: r.int(1, 3) }, () => this.text()).filter((t) => t !== '' && !t.includes(';')).join(';');
                return options.length > 0 ? r.pick(options) : this.text();
            }
            default:
                return this.text();
        }
    }

    /** A literal (in a random letter case, sometimes with a suffix) or a word. */
    private text(): string {
        const r = this.random;
        const base = r.chance(0.8) ? r.pick(this.literals.texts) : r.pick(['alpha', 'Beta', 'gamma@example.com', 'dev ops']);
        const cased = r.pick([base, base.toUpperCase(), base.toLowerCase(), base.charAt(0).toUpperCase() + base.slice(1).toLowerCase()]);
        return r.chance(0.15) ? `${cased}${r.pick(['x', ' extra', '1'])}` : cased || 'blank';
    }

    /** An instant near `now` (days, hours, or years away) or near a literal. */
    private time(now: number): number {
        const r = this.random;
        const anchor = this.literals.times.length > 0 && r.chance(0.3) ? r.pick(this.literals.times) : now;
        const scale = r.pick([DAY / 24, DAY, 30 * DAY, 365 * DAY]);
        return Math.round(anchor + r.between(-3, 3) * scale);
    }
}
