/**
 * The server's contacts: property values kept as HubSpot stores them (strings), with the system properties
 * `hs_object_id`, `createdate` and `lastmodifieddate` maintained the way HubSpot maintains them.
 */
import type { HubSpotPropertyDefinition } from './property-definitions.js';
import { READ_ONLY_PROPERTIES } from './property-definitions.js';
import { normalizePropertyValue, type PropertyValueProblem } from './property-values.js';

/** A contact as the server holds it: only properties that have a value appear in `properties`. */
export interface StoredContact {
    readonly id: string;
    readonly properties: Readonly<Record<string, string>>;
    readonly createdAt: string;
    readonly updatedAt: string;
}

/** Values to write, by property name: strings, numbers or booleans; null, undefined and '' clear a property. */
export type PropertyWrites = Record<string, unknown>;

/** Thrown when a write names an unknown property or gives a value HubSpot would refuse. */
export class PropertyValuesError extends Error {
    constructor(readonly problems: PropertyValueProblem[]) {
        super(`Property values were not valid: ${problems.map((problem) => problem.message).join('; ')}`);
        this.name = 'PropertyValuesError';
    }
}

/** Who writes: HubSpot's API refuses read-only properties; a test seeding data may set `lastmodifieddate`. */
export type Writer = 'api' | 'test';

/** The contacts of one test server. */
export class ContactStore {
    private readonly contacts = new Map<string, StoredContact>();
    private lastId = 0;

    constructor(private readonly definitions: ReadonlyMap<string, HubSpotPropertyDefinition>, private readonly now: () => Date) {}

    /** The contact with this id, if any. */
    get(id: string): StoredContact | undefined {
        return this.contacts.get(id);
    }

    /** All contacts, by ascending numeric id. */
    all(): StoredContact[] {
        return [...this.contacts.values()].sort((a, b) => Number(a.id) - Number(b.id));
    }

    /** Creates a contact with the next id (or the given one); throws PropertyValuesError for refused values. */
    create(writes: PropertyWrites, writer: Writer, id?: string): StoredContact {
        const contactId = id ?? String(this.lastId + 1);
        if (!/^[1-9]\d*$/.test(contactId)) {
            throw new Error(`A HubSpot contact id is a positive integer, not ${JSON.stringify(contactId)}`);
        }
        const values = this.normalize(writes, writer);
        const now = this.now().toISOString();
        const createdAt = values.createdate ?? now;
        const properties: Record<string, string> = {};
        this.assign(properties, values);
        Object.assign(properties, { hs_object_id: contactId, createdate: createdAt, lastmodifieddate: values.lastmodifieddate ?? now });
        const contact: StoredContact = { id: contactId, properties, createdAt, updatedAt: properties.lastmodifieddate };
        this.contacts.set(contactId, contact);
        this.lastId = Math.max(this.lastId, Number(contactId));
        return contact;
    }

    /** Changes some properties of an existing contact; undefined when there is none. */
    update(id: string, writes: PropertyWrites, writer: Writer): StoredContact | undefined {
        const existing = this.contacts.get(id);
        if (!existing) {
            return undefined;
        }
        const values = this.normalize(writes, writer);
        const properties = { ...existing.properties };
        this.assign(properties, values);
        properties.lastmodifieddate = values.lastmodifieddate ?? this.now().toISOString();
        const contact: StoredContact = { id, properties, createdAt: properties.createdate, updatedAt: properties.lastmodifieddate };
        this.contacts.set(id, contact);
        return contact;
    }

    /** Creates the contact or changes its properties. */
    upsert(id: string, writes: PropertyWrites, writer: Writer): StoredContact {
        return this.update(id, writes, writer) ?? this.create(writes, writer, id);
    }

    /** Archives (removes) a contact; true when it existed. */
    remove(id: string): boolean {
        return this.contacts.delete(id);
    }

    /** Removes every contact (ids keep increasing). */
    clear(): void {
        this.contacts.clear();
    }

    private assign(properties: Record<string, string>, values: Record<string, string | null>): void {
        for (const [name, value] of Object.entries(values)) {
            if (value === null) {
                delete properties[name];
            } else {
                properties[name] = value;
            }
        }
    }

    private normalize(writes: PropertyWrites, writer: Writer): Record<string, string | null> {
        const values: Record<string, string | null> = {};
        const problems: PropertyValueProblem[] = [];
        for (const [name, input] of Object.entries(writes)) {
            const definition = this.definitions.get(name);
            if (!definition) {
                problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
                continue;
            }
            if (name === 'hs_object_id' || (writer === 'api' && READ_ONLY_PROPERTIES.has(name))) {
                if (writer === 'api') {
                    problems.push({ name, error: 'READ_ONLY_VALUE', message: `"${name}" is a read only property; its value cannot be set.` });
                }
                continue;
            }
            if (input !== null && input !== undefined && typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') {
                problems.push({ name, error: 'INVALID_TYPE', message: `Property "${name}" takes a string, a number or a boolean, not ${JSON.stringify(input)}` });
                continue;
            }
            const normalized = normalizePropertyValue(definition, input);
            if ('problem' in normalized) {
                problems.push(normalized.problem);
            } else {
                values[name] = normalized.value;
            }
        }
        if (problems.length > 0) {
            throw new PropertyValuesError(problems);
        }
        // HubSpot keeps its timestamps: clearing one leaves it as it was.
        for (const name of ['createdate', 'lastmodifieddate']) {
            if (values[name] === null) {
                delete values[name];
            }
        }
        return values;
    }
}
