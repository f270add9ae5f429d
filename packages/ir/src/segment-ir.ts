import { z } from 'zod/v4';

/**
 * The engine-neutral model of a checked segment: plain JSON, validated with zod, versioned by
 * {@link IR_VERSION}. Engines (the in-memory evaluator, the SQL compiler, CRM push-down planners)
 * compile from it and never need the AST, the scopes or the type checker: every operand carries
 * its type, every comparison its domain, keywords are normalised and sugar is lowered.
 * docs/ir.md describes every node.
 */

/** The version of the IR's shape. It changes when a node's meaning changes or a field is removed or renamed. */
export const IR_VERSION = 1;

/** Time units, in their canonical plural form. */
export const TimeUnitSchema = z.enum(['minutes', 'hours', 'days', 'weeks', 'months', 'years']);
export type TimeUnitIR = z.infer<typeof TimeUnitSchema>;

/** The type of a stored field or event property. */
export const FieldTypeSchema = z.enum(['text', 'number', 'boolean', 'date', 'datetime', 'enum', 'list-of-text', 'list-of-number']);
export type FieldTypeIR = z.infer<typeof FieldTypeSchema>;

/** The type of a value: a field type, or `null` for the `null` literal. */
export const ValueTypeSchema = z.enum([...FieldTypeSchema.options, 'null']);
export type ValueTypeIR = z.infer<typeof ValueTypeSchema>;

/**
 * How two values are compared: `text` ignores case, `enum` does not; `date` compares calendar
 * dates (a datetime operand is wrapped in `dateOf`), `datetime` instants.
 */
export const DomainSchema = z.enum(['number', 'text', 'enum', 'date', 'datetime', 'boolean']);
export type DomainIR = z.infer<typeof DomainSchema>;

/** Where a condition is written: 1-based lines and columns; `endColumn` is the column just after its last character. */
export const SourceSpanSchema = z
    .object({
        line: z.number().int().positive(),
        column: z.number().int().positive(),
        endLine: z.number().int().positive(),
        endColumn: z.number().int().positive(),
        text: z.string(),
    })
    .meta({ id: 'SourceSpan' });
export type SourceSpan = z.infer<typeof SourceSpanSchema>;

// ---------------------------------------------------------------------------------------------
// Values and conditions refer to each other (an aggregate's `where`, a condition used as a value),
// so their TypeScript types are written out and the schemas are checked against them.

/** A value: a literal, a field, a time, arithmetic, a function call or an aggregate. */
export type ValueIR =
    | { kind: 'literal'; type: 'text'; value: string }
    | { kind: 'literal'; type: 'number'; value: number }
    | { kind: 'literal'; type: 'boolean'; value: boolean }
    | { kind: 'literal'; type: 'date'; value: string }
    | { kind: 'literal'; type: 'datetime'; value: string }
    | { kind: 'literal'; type: 'null'; value: null }
    | { kind: 'field'; type: FieldTypeIR; name: string }
    | { kind: 'calculated'; type: ValueTypeIR; name: string }
    | { kind: 'eventProperty'; type: FieldTypeIR; name: string }
    | { kind: 'eventTime'; type: 'datetime' }
    | { kind: 'now'; type: 'datetime' }
    | { kind: 'today'; type: 'date' }
    | { kind: 'shift'; type: 'date' | 'datetime'; base: ValueIR; amount: number; unit: TimeUnitIR }
    | { kind: 'dateOf'; type: 'date'; operand: ValueIR }
    | { kind: 'arithmetic'; type: 'number'; operator: '+' | '-' | '*' | '/'; left: ValueIR; right: ValueIR }
    | { kind: 'negate'; type: 'number'; operand: ValueIR }
    | { kind: 'call'; type: ValueTypeIR; function: string; args: ValueIR[] }
    | AggregateIR
    | { kind: 'condition'; type: 'boolean'; condition: ConditionIR };

/** An event aggregate: `count(E ...)`, `sum(E.prop ...)`... */
export interface AggregateIR {
    kind: 'aggregate';
    type: 'number' | 'date' | 'datetime';
    function: 'count' | 'sum' | 'avg' | 'min' | 'max' | 'first_performed' | 'last_performed';
    event: string;
    property?: string;
    window?: WindowIR;
    where?: ConditionIR;
}

/** The part of an event stream a `performed` or an aggregate looks at: `start <= at <= end`, either end optional. */
export interface WindowIR {
    start?: ValueIR;
    end?: ValueIR;
}

/** What every condition node carries: an id unique within its segment, and where it is written. */
export interface ConditionBase {
    id: string;
    source: SourceSpan;
}

/** A condition: a three-valued (Kleene) boolean. Leaves are what the explain funnel counts. */
export type ConditionIR = ConditionBase &
    (
        | { kind: 'and'; operands: ConditionIR[] }
        | { kind: 'or'; operands: ConditionIR[] }
        | { kind: 'not'; operand: ConditionIR }
        | { kind: 'compare'; operator: '=' | '!=' | '<' | '<=' | '>' | '>='; domain: DomainIR; left: ValueIR; right: ValueIR }
        | { kind: 'between'; domain: DomainIR; negated: boolean; subject: ValueIR; low: ValueIR; high: ValueIR }
        | { kind: 'in'; domain: DomainIR; negated: boolean; subject: ValueIR; values: ValueIR[] }
        | { kind: 'text'; operator: 'contains' | 'startsWith' | 'endsWith' | 'matches'; caseSensitive: boolean; negated: boolean; subject: ValueIR; pattern: ValueIR }
        | { kind: 'presence'; check: 'set' | 'empty'; negated: boolean; subject: ValueIR }
        | { kind: 'includes'; quantifier: 'any' | 'all'; domain: 'text' | 'number'; negated: boolean; subject: ValueIR; values: ValueIR[] }
        | { kind: 'performed'; event: string; count: { operator: '>=' | '<=' | '='; value: number }; window?: WindowIR; where?: ConditionIR }
        | { kind: 'inSegment'; segment: string }
        | { kind: 'inList'; list: string }
    );

const literal = <T extends string, V extends z.ZodType>(type: T, value: V) => z.object({ kind: z.literal('literal'), type: z.literal(type), value });

/** The schema of {@link ValueIR}. */
export const ValueIRSchema: z.ZodType<ValueIR> = z
    .union([
        literal('text', z.string()),
        literal('number', z.number()),
        literal('boolean', z.boolean()),
        literal('date', z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
        literal('datetime', z.iso.datetime({ offset: true })),
        literal('null', z.null()),
        z.object({ kind: z.literal('field'), type: FieldTypeSchema, name: z.string() }),
        z.object({ kind: z.literal('calculated'), type: ValueTypeSchema, name: z.string() }),
        z.object({ kind: z.literal('eventProperty'), type: FieldTypeSchema, name: z.string() }),
        z.object({ kind: z.literal('eventTime'), type: z.literal('datetime') }),
        z.object({ kind: z.literal('now'), type: z.literal('datetime') }),
        z.object({ kind: z.literal('today'), type: z.literal('date') }),
        z.object({
            kind: z.literal('shift'),
            type: z.enum(['date', 'datetime']),
            get base() {
                return ValueIRSchema;
            },
            amount: z.number().int(),
            unit: TimeUnitSchema,
        }),
        z.object({
            kind: z.literal('dateOf'),
            type: z.literal('date'),
            get operand() {
                return ValueIRSchema;
            },
        }),
        z.object({
            kind: z.literal('arithmetic'),
            type: z.literal('number'),
            operator: z.enum(['+', '-', '*', '/']),
            get left() {
                return ValueIRSchema;
            },
            get right() {
                return ValueIRSchema;
            },
        }),
        z.object({
            kind: z.literal('negate'),
            type: z.literal('number'),
            get operand() {
                return ValueIRSchema;
            },
        }),
        z.object({
            kind: z.literal('call'),
            type: ValueTypeSchema,
            function: z.string(),
            get args() {
                return z.array(ValueIRSchema);
            },
        }),
        z.object({
            kind: z.literal('aggregate'),
            type: z.enum(['number', 'date', 'datetime']),
            function: z.enum(['count', 'sum', 'avg', 'min', 'max', 'first_performed', 'last_performed']),
            event: z.string(),
            property: z.string().optional(),
            get window() {
                return WindowIRSchema.optional();
            },
            get where() {
                return ConditionIRSchema.optional();
            },
        }),
        z.object({
            kind: z.literal('condition'),
            type: z.literal('boolean'),
            get condition() {
                return ConditionIRSchema;
            },
        }),
    ])
    .meta({ id: 'Value' });

/** The schema of {@link WindowIR}. */
export const WindowIRSchema: z.ZodType<WindowIR> = z
    .object({
        get start() {
            return ValueIRSchema.optional();
        },
        get end() {
            return ValueIRSchema.optional();
        },
    })
    .meta({ id: 'Window' });

/** The fields every condition has (spread before each kind's own fields, whose getters must stay lazy). */
const conditionBase = { id: z.string().min(1), source: SourceSpanSchema };

/** The schema of {@link ConditionIR}. */
export const ConditionIRSchema: z.ZodType<ConditionIR> = z
    .union([
        z.object({
            kind: z.literal('and'),
            ...conditionBase,
            get operands() {
                return z.array(ConditionIRSchema).min(2);
            },
        }),
        z.object({
            kind: z.literal('or'),
            ...conditionBase,
            get operands() {
                return z.array(ConditionIRSchema).min(2);
            },
        }),
        z.object({
            kind: z.literal('not'),
            ...conditionBase,
            get operand() {
                return ConditionIRSchema;
            },
        }),
        z.object({
            kind: z.literal('compare'),
            ...conditionBase,
            operator: z.enum(['=', '!=', '<', '<=', '>', '>=']),
            domain: DomainSchema,
            get left() {
                return ValueIRSchema;
            },
            get right() {
                return ValueIRSchema;
            },
        }),
        z.object({
            kind: z.literal('between'),
            ...conditionBase,
            domain: DomainSchema,
            negated: z.boolean(),
            get subject() {
                return ValueIRSchema;
            },
            get low() {
                return ValueIRSchema;
            },
            get high() {
                return ValueIRSchema;
            },
        }),
        z.object({
            kind: z.literal('in'),
            ...conditionBase,
            domain: DomainSchema,
            negated: z.boolean(),
            get subject() {
                return ValueIRSchema;
            },
            get values() {
                return z.array(ValueIRSchema).min(1);
            },
        }),
        z.object({
            kind: z.literal('text'),
            ...conditionBase,
            operator: z.enum(['contains', 'startsWith', 'endsWith', 'matches']),
            caseSensitive: z.boolean(),
            negated: z.boolean(),
            get subject() {
                return ValueIRSchema;
            },
            get pattern() {
                return ValueIRSchema;
            },
        }),
        z.object({
            kind: z.literal('presence'),
            ...conditionBase,
            check: z.enum(['set', 'empty']),
            negated: z.boolean(),
            get subject() {
                return ValueIRSchema;
            },
        }),
        z.object({
            kind: z.literal('includes'),
            ...conditionBase,
            quantifier: z.enum(['any', 'all']),
            domain: z.enum(['text', 'number']),
            negated: z.boolean(),
            get subject() {
                return ValueIRSchema;
            },
            get values() {
                return z.array(ValueIRSchema).min(1);
            },
        }),
        z.object({
            kind: z.literal('performed'),
            ...conditionBase,
            event: z.string(),
            count: z.object({ operator: z.enum(['>=', '<=', '=']), value: z.number().int().nonnegative() }),
            get window() {
                return WindowIRSchema.optional();
            },
            get where() {
                return ConditionIRSchema.optional();
            },
        }),
        z.object({ kind: z.literal('inSegment'), ...conditionBase, segment: z.string() }),
        z.object({ kind: z.literal('inList'), ...conditionBase, list: z.string() }),
    ])
    .meta({ id: 'Condition' });

// ---------------------------------------------------------------------------------------------
// Declarations

/** A value of a declared type stored in a record: what fields and event properties have in common. */
const storedValueShape = {
    name: z.string(),
    type: FieldTypeSchema,
    /** The values of a `one of` field, in declaration order. */
    values: z.array(z.string()).optional(),
    /** Where the value sits in a record: `from "a.b"` is `["a", "b"]`; by default `[name]`. */
    path: z.array(z.string()).min(1),
};

/** A stored field of a schema. */
export const FieldIRSchema = z
    .object({
        ...storedValueShape,
        doc: z.string().optional(),
    })
    .meta({ id: 'Field' });
export type FieldIR = z.infer<typeof FieldIRSchema>;

/** A calculated field (`let`), evaluated per record like a field. */
export const CalculatedFieldIRSchema = z
    .object({
        name: z.string(),
        type: ValueTypeSchema,
        value: ValueIRSchema,
        doc: z.string().optional(),
    })
    .meta({ id: 'CalculatedField' });
export type CalculatedFieldIR = z.infer<typeof CalculatedFieldIRSchema>;

/** An event stream of a schema. Every event also has the implicit datetime `at` (see `eventTime`). */
export const EventIRSchema = z
    .object({
        name: z.string(),
        /** The event's `from "a.b"`, split at the dots; absent when the event has none. */
        path: z.array(z.string()).min(1).optional(),
        properties: z.array(z.object(storedValueShape)),
        doc: z.string().optional(),
    })
    .meta({ id: 'Event' });
export type EventIR = z.infer<typeof EventIRSchema>;

/** A schema: the fields of one CRM object, its calculated fields in dependency order, its events. */
export const SchemaIRSchema = z
    .object({
        name: z.string(),
        key: z.string(),
        fields: z.array(FieldIRSchema),
        calculated: z.array(CalculatedFieldIRSchema),
        events: z.array(EventIRSchema),
        doc: z.string().optional(),
    })
    .meta({ id: 'Schema' });
export type SchemaIR = z.infer<typeof SchemaIRSchema>;

/** A static list: the members of an uploaded CSV, matched on one field. */
export const ListIRSchema = z
    .object({
        name: z.string(),
        title: z.string(),
        schema: z.string(),
        /** The CSV path as written, relative to the file declaring the list. */
        file: z.string(),
        /** The CSV's location, resolved against the declaring file. */
        uri: z.string(),
        /** The field matched against the CSV's column of that name (or its first column). */
        by: z.string(),
    })
    .meta({ id: 'List' });
export type ListIR = z.infer<typeof ListIRSchema>;

/** A segment: its settings, resolved, and its conditions. */
export const SegmentIRSchema = z
    .object({
        name: z.string(),
        /** The display name; the name when none is written. */
        title: z.string(),
        description: z.string().optional(),
        doc: z.string().optional(),
        schema: z.string(),
        /** The IANA time zone of `today`, calendar arithmetic and date comparisons. */
        timezone: z.string(),
        /** The `refresh every` hint, in minutes. */
        refreshMinutes: z.number().int().positive().optional(),
        where: ConditionIRSchema,
        exclude: ConditionIRSchema.optional(),
    })
    .meta({ id: 'Segment' });
export type SegmentIR = z.infer<typeof SegmentIRSchema>;

/** One segment with everything an engine needs to evaluate it: the segments and lists it refers to, and its schema. */
export const SegmentBundleSchema = z
    .object({
        irVersion: z.literal(IR_VERSION),
        segment: SegmentIRSchema,
        /** Every segment `segment` refers to through `in segment`, directly or not, by name. */
        segments: z.record(z.string(), SegmentIRSchema),
        /** Every static list those segments refer to, by name. */
        lists: z.record(z.string(), ListIRSchema),
        schema: SchemaIRSchema,
    })
    .meta({ id: 'SegmentBundle', title: 'Segment IR bundle', description: 'A checked segment, lowered to the engine-neutral IR (docs/ir.md).' });
export type SegmentBundleIR = z.infer<typeof SegmentBundleSchema>;
