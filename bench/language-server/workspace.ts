/**
 * The benchmark's workspace: one schema of many fields (every type of the language, enumerations,
 * lists, calculated fields and events), static lists, and many segments of realistic shape
 * (5–15 conditions, a parenthesised `or` group now and then, references to earlier segments and
 * to lists, event conditions), written to a folder. Seeded, so that every run measures the same
 * files. Every file is valid: a workspace full of errors measures the error paths instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '@segments/sample-data';

/** The shape of the generated workspace. */
export interface WorkspaceShape {
    readonly segments: number;
    readonly fields: number;
    readonly events: number;
    readonly lists: number;
    readonly seed: number;
}

/** Where a field's name is written in a segment file: zero-based line and character, LSP style. */
export interface FieldReference {
    readonly line: number;
    readonly character: number;
    readonly name: string;
}

/** One generated segment file. */
export interface SegmentFile {
    /** Absolute path. */
    readonly path: string;
    readonly text: string;
    /** The field references of its `where` clause, for completion requests. */
    readonly fieldReferences: readonly FieldReference[];
}

/** The generated workspace. */
export interface GeneratedWorkspace {
    readonly root: string;
    readonly schemaPath: string;
    readonly segmentFiles: readonly SegmentFile[];
    /** Every field name of the schema. */
    readonly fieldNames: readonly string[];
    /** Number of `.segment` files (segments, the schema and the lists' file). */
    readonly documentCount: number;
}


type FieldType = 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'list of text' | 'list of number' | 'enum';

interface Field {
    readonly name: string;
    readonly type: FieldType;
    readonly values?: readonly string[];
}

interface EventDeclaration {
    readonly name: string;
    readonly numberProperty: string;
    readonly textProperty: string;
}

const AREAS = ['account', 'billing', 'cart', 'email', 'web', 'app', 'loyalty', 'support', 'trial', 'plan', 'device', 'campaign', 'order', 'product', 'referral', 'survey'];
const MEASURES: Record<FieldType, readonly string[]> = {
    text: ['source', 'country', 'city', 'channel', 'owner', 'language', 'segment_code', 'referrer'],
    number: ['score', 'visits', 'spend', 'count', 'value', 'balance', 'sessions', 'points'],
    boolean: ['opted_in', 'verified', 'active', 'flagged', 'premium'],
    date: ['start_date', 'renewal_date', 'birthday', 'anniversary'],
    datetime: ['last_seen', 'first_seen', 'updated_at', 'created_at'],
    'list of text': ['tags', 'interests', 'labels'],
    'list of number': ['ratings', 'amounts'],
    enum: ['status', 'tier', 'stage', 'plan_type'],
};
const TYPES: readonly FieldType[] = ['text', 'text', 'number', 'number', 'number', 'boolean', 'date', 'datetime', 'datetime', 'list of text', 'list of number', 'enum', 'enum'];
const ENUM_VALUES = ['Bronze', 'Silver', 'Gold', 'Platinum', 'Lead', 'Trial', 'Customer', 'Churned', 'Active', 'Paused'];
const WORDS = ['dev', 'acme', 'beta', 'promo', 'spring', 'US', 'FR', 'DE', 'newsletter', 'mobile'];

function schemaText(fields: readonly Field[], events: readonly EventDeclaration[]): string {
    const lines = ['/** Contacts synced from the CRM: the benchmark schema. */', 'schema Contact key id {', '  id text', '  email text'];
    for (const field of fields) {
        const type = field.type === 'enum' ? `one of (${field.values!.map((v) => `"${v}"`).join(', ')})` : field.type;
        lines.push(`  ${field.name} ${type}`);
    }
    const numbers = fields.filter((f) => f.type === 'number');
    for (let i = 0; i < 10; i++) {
        lines.push('', `  /** Calculated field ${i}. */`, `  let ratio_${i} = ${numbers[i * 2].name} / ${numbers[i * 2 + 1].name}`);
    }
    lines.push('');
    for (const event of events) {
        lines.push(`  event ${event.name} { ${event.numberProperty} number, ${event.textProperty} text, at_page text }`);
    }
    lines.push('}', '');
    return lines.join('\n');
}

/** One leaf condition on `field`, with the column of the field's name within the condition. */
function fieldCondition(field: Field, random: SeededRandom): string {
    switch (field.type) {
        case 'text':
            return random.pick([
                `${field.name} = "${random.pick(WORDS)}"`,
                `${field.name} contains "${random.pick(WORDS)}"`,
                `${field.name} in ("${random.pick(WORDS)}", "${random.pick(WORDS)}")`,
                `${field.name} is set`,
            ]);
        case 'number':
            return random.pick([`${field.name} > ${random.int(1, 500)}`, `${field.name} between ${random.int(0, 10)} and ${random.int(20, 90)}`, `${field.name} >= ${random.int(1, 50)}`]);
        case 'boolean':
            return `${field.name} = ${random.pick(['true', 'false'])}`;
        case 'date':
        case 'datetime':
            return random.pick([`${field.name} within last ${random.int(2, 90)} days`, `${field.name} more than ${random.int(2, 24)} months ago`]);
        case 'list of text':
            return `${field.name} includes "${random.pick(WORDS)}"`;
        case 'list of number':
            return `${field.name} includes ${random.int(1, 5)}`;
        case 'enum':
            return random.chance(0.5) ? `${field.name} = "${random.pick(field.values!)}"` : `${field.name} in ("${field.values![0]}", "${field.values![1]}")`;
    }
}

function eventCondition(event: EventDeclaration, random: SeededRandom): string {
    return random.pick([
        `performed ${event.name} within last ${random.int(7, 90)} days`,
        `count(${event.name} within last 30 days) >= ${random.int(2, 9)}`,
        `performed ${event.name} at least ${random.int(2, 5)} times where ${event.numberProperty} > ${random.int(5, 200)}`,
        `sum(${event.name}.${event.numberProperty} within last 90 days) > ${random.int(50, 900)}`,
    ]);
}

/** Writes the workspace of `shape` into `root` (which must exist) and describes it. */
export function generateWorkspace(root: string, shape: WorkspaceShape): GeneratedWorkspace {
    const random = new SeededRandom(shape.seed);
    const fields: Field[] = [];
    for (let i = 0; i < shape.fields; i++) {
        const type = random.pick(TYPES);
        const name = `${random.pick(AREAS)}_${random.pick(MEASURES[type])}_${i}`;
        const values = type === 'enum' ? ENUM_VALUES.slice(0, random.int(2, ENUM_VALUES.length)) : undefined;
        fields.push({ name, type, values });
    }
    const events: EventDeclaration[] = [];
    for (let i = 0; i < shape.events; i++) {
        events.push({ name: `${random.pick(['Viewed', 'Clicked', 'Purchased', 'Opened', 'Started', 'Cancelled'])}${i}`, numberProperty: 'amount', textProperty: 'label' });
    }
    const schemaPath = join(root, 'contact.segment');
    writeFileSync(join(root, 'segment.config.json'), '{ "timezone": "UTC" }\n');
    writeFileSync(schemaPath, schemaText(fields, events));

    mkdirSync(join(root, 'lists'), { recursive: true });
    const listLines: string[] = [];
    for (let i = 0; i < shape.lists; i++) {
        writeFileSync(join(root, 'lists', `list_${i}.csv`), 'email\nann@example.com\nbob@example.com\n');
        listLines.push(`list list_${i} "List ${i}" of Contact from "lists/list_${i}.csv" by email`);
    }
    writeFileSync(join(root, 'lists.segment'), `${listLines.join('\n')}\n`);

    mkdirSync(join(root, 'segments'), { recursive: true });
    const segmentFiles: SegmentFile[] = [];
    for (let s = 0; s < shape.segments; s++) {
        const name = `segment_${String(s).padStart(4, '0')}`;
        const lines = [`/** Generated segment ${s}. */`, `segment ${name} "Segment ${s}" of Contact {`, `  description "Benchmark segment ${s}"`, '  where'];
        const fieldReferences: FieldReference[] = [];
        const conditions = random.int(5, 15);
        const used = new Set<number>();
        let written = 0;
        while (written < conditions) {
            const first = written === 0;
            const joiner = first ? '    ' : '    and ';
            const kind = random.next();
            if (kind < 0.08 && s > 0) {
                lines.push(`${joiner}in segment segment_${String(random.int(Math.max(0, s - 50), s - 1)).padStart(4, '0')}`);
                written++;
            } else if (kind < 0.12 && shape.lists > 0) {
                lines.push(`${joiner}in list list_${random.int(0, shape.lists - 1)}`);
                written++;
            } else if (kind < 0.25) {
                lines.push(`${joiner}${eventCondition(random.pick(events), random)}`);
                written++;
            } else {
                let index = random.int(0, fields.length - 1);
                while (used.has(index)) index = random.int(0, fields.length - 1);
                used.add(index);
                const field = fields[index];
                if (kind > 0.9 && written + 2 <= conditions) {
                    // An `or` group of two conditions: one nesting level, two leaves.
                    let other = random.int(0, fields.length - 1);
                    while (used.has(other)) other = random.int(0, fields.length - 1);
                    used.add(other);
                    lines.push(`${joiner}(`);
                    fieldReferences.push({ line: lines.length, character: 6, name: field.name });
                    lines.push(`      ${fieldCondition(field, random)}`);
                    fieldReferences.push({ line: lines.length, character: 9, name: fields[other].name });
                    lines.push(`      or ${fieldCondition(fields[other], random)}`);
                    lines.push('    )');
                    written += 2;
                } else {
                    fieldReferences.push({ line: lines.length, character: joiner.length, name: field.name });
                    lines.push(`${joiner}${fieldCondition(field, random)}`);
                    written++;
                }
            }
        }
        lines.push('}', '');
        const path = join(root, 'segments', `${name}.segment`);
        const text = lines.join('\n');
        writeFileSync(path, text);
        segmentFiles.push({ path, text, fieldReferences });
    }
    return { root, schemaPath, segmentFiles, fieldNames: ['id', 'email', ...fields.map((f) => f.name)], documentCount: shape.segments + 2 };
}
