import { hubSpotPropertyOf, planHubSpotSearch, type HubSpotProperty } from '@segments/connectors';
import { matchesFilterGroups, normalizePropertyValue, type HubSpotPropertyDefinition } from '@segments/hubspot-test-server';
import type { SchemaIR } from '@segments/ir';
import { compileSegment, csvListValues, type ListSource } from '@segments/engine';
import type { ListIR } from '@segments/ir';
import type { ConformanceCase, ConformanceEngine, ConformanceProject } from './corpus.js';

/**
 * The HubSpot trigger's path as a conformance engine: the segment's push-down plan
 * (`planHubSpotSearch`) selects records by HubSpot's own filter semantics (the test server's
 * `matchesFilterGroups`, over the values HubSpot would store for the record's fields), then the
 * in-memory engine evaluates the segment on those. A member the plan wrongly leaves out fails the
 * case. Each field's property is typed as `segment schema pull hubspot` would read it back.
 *
 * A record HubSpot could not hold as it is (an empty text or list, which HubSpot keeps as "no
 * value", or a value its property would refuse) is not filtered: the push-down is only ever
 * applied to HubSpot's data, and the corpus uses such records to test the engine.
 */
export class HubSpotPushDownConformanceEngine implements ConformanceEngine {
    readonly name = 'hubspot-push-down';

    members(testCase: ConformanceCase, project: ConformanceProject): Promise<string[]> {
        const definitions = propertyDefinitions(project.bundle.schema);
        const lists: ListSource = { values: (list: ListIR) => csvListValues(project.csv(list), list.by) };
        const plan = planHubSpotSearch(project.bundle, { definitions, now: new Date(testCase.now), lists });
        const evaluator = compileSegment(project.bundle, { lists }).prepare({ now: testCase.now });
        const members = testCase.records
            .filter((record) => {
                const stored = storedValues(record, project.bundle.schema, definitions);
                return stored === undefined || (plan.filterGroups !== 'none' && matchesFilterGroups(plan.filterGroups, stored, definitions));
            })
            .filter((record) => evaluator.isMember(record, eventsOf(testCase, evaluator.keyOf(record))));
        return Promise.resolve(members.map((record) => evaluator.keyOf(record) ?? '(no key)'));
    }
}

/** The record's events when the case supplies them separately (none for a key it omits); else the record's own. */
function eventsOf(testCase: ConformanceCase, key: string | undefined): unknown[] | undefined {
    if (testCase.events === undefined) return undefined;
    return (key === undefined ? undefined : testCase.events[key]) ?? [];
}

const TYPES: Record<SchemaIR['fields'][number]['type'], Pick<HubSpotProperty, 'type' | 'fieldType'>> = {
    text: { type: 'string', fieldType: 'text' },
    number: { type: 'number', fieldType: 'number' },
    boolean: { type: 'bool', fieldType: 'booleancheckbox' },
    date: { type: 'date', fieldType: 'date' },
    datetime: { type: 'datetime', fieldType: 'date' },
    enum: { type: 'enumeration', fieldType: 'select' },
    'list-of-text': { type: 'enumeration', fieldType: 'checkbox' },
    'list-of-number': { type: 'string', fieldType: 'text' },
};

function propertyDefinitions(schema: SchemaIR): Array<HubSpotProperty & HubSpotPropertyDefinition> {
    const definitions = schema.fields.flatMap((field) => {
        const name = hubSpotPropertyOf(field);
        if (name === undefined || name === 'hs_object_id') return [];
        const options = (field.values ?? []).map((value) => ({ label: value, value }));
        return [{ name, label: field.name, groupName: 'contactinformation', options, ...TYPES[field.type] }];
    });
    return [...definitions, { name: 'hs_object_id', label: 'Record ID', groupName: 'contactinformation', options: [], type: 'number', fieldType: 'number' }];
}

/** The strings HubSpot would store for the record's fields, or undefined when it could not store one as it is. */
function storedValues(record: Record<string, unknown>, schema: SchemaIR, definitions: HubSpotPropertyDefinition[]): Record<string, string | null> | undefined {
    const stored: Record<string, string | null> = {};
    for (const field of schema.fields) {
        const name = hubSpotPropertyOf(field);
        const definition = definitions.find((d) => d.name === name);
        // The key is the contact's id, which HubSpot keeps itself.
        if (!definition || name === 'hs_object_id') continue;
        const raw = field.path.reduce<unknown>((value, step) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[step] : undefined), record);
        if (raw === '' || (Array.isArray(raw) && raw.every((e) => e === null || e === ''))) return undefined;
        const input = Array.isArray(raw) ? raw.filter((e) => e !== null).join(';') : typeof raw === 'object' || typeof raw === 'bigint' ? undefined : raw;
        const normalized = normalizePropertyValue(definition, input as string | number | boolean | null | undefined);
        if (!('value' in normalized)) return undefined;
        stored[definition.name] = normalized.value;
    }
    return stored;
}
