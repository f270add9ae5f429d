import type { ListSource } from '@segments/engine';
import type { ConditionIR, DomainIR, FieldIR, ListIR, SegmentBundleIR, SegmentIR, ValueIR } from '@segments/ir';
import { hubSpotPropertyOf } from '../hubspot-records.js';
import { HUBSPOT_SEARCH_LIMITS, type HubSpotFilterGroup, type HubSpotFilterOperator, type HubSpotProperty } from '../hubspot-types.js';
import { HUBSPOT_ID_PROPERTY } from '../search-all.js';
import { constantOf, type ConstantContext, type ConstantValue } from './constant-values.js';
import { ALL, allOf, anyOf, filterOf, NONE, toFilterGroups, type FilterFormula } from './filter-formula.js';

/** What the planner needs besides the segment. */
export interface HubSpotSearchPlanOptions {
    /** The account's contact properties (`listContactProperties`): a property's type decides what can be pushed. */
    definitions: readonly HubSpotProperty[];
    /** The evaluation instant, as the engine gets it. */
    now: Date;
    /** Replaces every segment's zone, as the engine's `prepare({ timezone })` does. */
    timezone?: string;
    /** Properties to return besides those the segment reads. */
    outputProperties?: readonly string[];
    /** The values of static lists: `in list` pushes as IN when a list has at most 100 values. */
    lists?: ListSource;
}

/** A search that returns a superset of a segment's members, and what it must return of each. */
export interface HubSpotSearchPlan {
    /**
     * The filter groups to search with (`[]`: every contact), each leaving room for the paging
     * filter; `'none'` when no contact can be a member (nothing to search).
     */
    filterGroups: HubSpotFilterGroup[] | 'none';
    /** The properties the segment reads, `hs_object_id`, and the output properties, sorted. */
    properties: string[];
}

/**
 * Plans the HubSpot search of a segment: filter groups that every member matches (a superset:
 * the engine evaluates the whole segment again on what comes back), and the properties to read.
 */
export function planHubSpotSearch(bundle: SegmentBundleIR, options: HubSpotSearchPlanOptions): HubSpotSearchPlan {
    return new HubSpotSearchPlanner(bundle, options).plan();
}

/**
 * Supersets of the contacts for which a condition is TRUE (`t`), FALSE (`f`), not TRUE (`n`) and
 * not FALSE (`m`). Kleene's `not` swaps `t` with `f` and `n` with `m`, so `not` and `exclude`
 * push down soundly; `and` and `or` combine each with the operands' (De Morgan).
 */
interface Bounds {
    t: FilterFormula;
    f: FilterFormula;
    n: FilterFormula;
    m: FilterFormula;
}

/** A leaf's supersets of TRUE, FALSE and UNKNOWN. */
interface LeafBounds {
    t: FilterFormula;
    f: FilterFormula;
    u: FilterFormula;
}

/** A schema field that reads a HubSpot property the account defines. */
interface PropertyRef {
    name: string;
    field: FieldIR;
    definition: HubSpotProperty;
    /** Every value HubSpot may hold for it reads as the field's type, so "missing" is exactly "no value in HubSpot". */
    reliable: boolean;
}

type Operand = { kind: 'property'; ref: PropertyRef } | { kind: 'constant'; value: ConstantValue } | { kind: 'other' };

const DAY_MS = 86_400_000;
/** How far a calendar date's start may be from midnight UTC in any zone (UTC-12..UTC+14), plus a DST hour. */
const ZONE_SLACK_MS = 15 * 3_600_000;

const COMPARISON_OPERATORS: Record<string, HubSpotFilterOperator> = { '=': 'EQ', '!=': 'NEQ', '<': 'LT', '<=': 'LTE', '>': 'GT', '>=': 'GTE' };
const NEGATED: Record<string, string> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
const MIRRORED: Record<string, string> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The default planner: a walk over the IR giving {@link Bounds} per condition. */
export class HubSpotSearchPlanner {
    private readonly definitions: ReadonlyMap<string, HubSpotProperty>;
    private readonly fields: ReadonlyMap<string, FieldIR>;

    constructor(
        private readonly bundle: SegmentBundleIR,
        private readonly options: HubSpotSearchPlanOptions,
    ) {
        this.definitions = new Map(options.definitions.map((d) => [d.name, d]));
        this.fields = new Map(bundle.schema.fields.map((f) => [f.name, f]));
    }

    plan(): HubSpotSearchPlan {
        return { filterGroups: toFilterGroups(this.membership(this.bundle.segment).member), properties: this.properties() };
    }

    /** Supersets of a segment's members and non-members: a member has `where` TRUE and `exclude` not TRUE. */
    private membership(segment: SegmentIR): { member: FilterFormula; notMember: FilterFormula } {
        const context: ConstantContext = { now: this.options.now, timezone: this.options.timezone ?? segment.timezone };
        const where = this.condition(segment.where, context);
        const exclude = segment.exclude ? this.condition(segment.exclude, context) : { t: NONE, f: ALL, n: ALL, m: NONE };
        return { member: allOf(where.t, exclude.n), notMember: anyOf(where.n, exclude.t) };
    }

    private condition(condition: ConditionIR, context: ConstantContext): Bounds {
        switch (condition.kind) {
            case 'and': {
                const operands = condition.operands.map((c) => this.condition(c, context));
                return {
                    t: allOf(...operands.map((b) => b.t)),
                    f: anyOf(...operands.map((b) => b.f)),
                    n: anyOf(...operands.map((b) => b.n)),
                    m: allOf(...operands.map((b) => b.m)),
                };
            }
            case 'or': {
                const operands = condition.operands.map((c) => this.condition(c, context));
                return {
                    t: anyOf(...operands.map((b) => b.t)),
                    f: allOf(...operands.map((b) => b.f)),
                    n: allOf(...operands.map((b) => b.n)),
                    m: anyOf(...operands.map((b) => b.m)),
                };
            }
            case 'not': {
                const operand = this.condition(condition.operand, context);
                return { t: operand.f, f: operand.t, n: operand.m, m: operand.n };
            }
            case 'inSegment': {
                const segment = this.bundle.segments[condition.segment];
                if (!segment) return { t: ALL, f: ALL, n: ALL, m: ALL };
                // Membership is two-valued: TRUE for a member, else FALSE.
                const { member, notMember } = this.membership(segment);
                return { t: member, f: notMember, n: notMember, m: member };
            }
            default: {
                const leaf = this.leaf(condition, context);
                return { t: leaf.t, f: leaf.f, n: anyOf(leaf.f, leaf.u), m: anyOf(leaf.t, leaf.u) };
            }
        }
    }

    private leaf(condition: ConditionIR, context: ConstantContext): LeafBounds {
        switch (condition.kind) {
            case 'compare':
                return this.compare(condition, context);
            case 'between':
                return this.between(condition, context);
            case 'in':
                return this.in(condition, context);
            case 'presence':
                return this.presence(condition);
            case 'text':
                return this.nullable(this.operandsPresent([condition.subject, condition.pattern], context), [condition.subject, condition.pattern]);
            case 'includes':
                return this.operandsPresent([condition.subject, ...condition.values], context);
            case 'inList': {
                const list = this.bundle.lists[condition.list];
                const ref = list ? this.propertyOfField(list.by) : undefined;
                // A missing `by` field is UNKNOWN; a present one is TRUE or FALSE.
                if (!ref) return { t: ALL, f: ALL, u: ALL };
                return { t: allOf(has(ref), this.listValues(list, ref)), f: has(ref), u: ref.reliable ? hasNot(ref) : ALL };
            }
            default:
                // Events (HubSpot contacts carry none here), and anything else: no filter.
                return { t: ALL, f: ALL, u: ALL };
        }
    }

    /** A comparison, a `between` or a text predicate with a `null` operand is UNKNOWN for every contact. */
    private nullable(bounds: LeafBounds, operands: ValueIR[]): LeafBounds {
        return operands.some((v) => v.kind === 'literal' && v.type === 'null') ? { t: NONE, f: NONE, u: ALL } : bounds;
    }

    /**
     * IN the list's values, when there are few enough and the `by` property is text: the engine
     * compares the field with the trimmed values ignoring case, as HubSpot's string IN does.
     */
    private listValues(list: ListIR, ref: PropertyRef): FilterFormula {
        if (!this.options.lists || ref.definition.type !== 'string' || ref.field.type !== 'text') return ALL;
        const values = new Set<string>();
        for (const value of this.options.lists.values(list)) {
            const text = String(value).trim();
            if (text !== '') values.add(text);
            if (values.size > HUBSPOT_SEARCH_LIMITS.maxValuesPerFilter) return ALL;
        }
        return values.size === 0 ? NONE : filterOf({ propertyName: ref.name, operator: 'IN', values: inValues([...values], ref.definition) });
    }

    private compare(condition: Extract<ConditionIR, { kind: 'compare' }>, context: ConstantContext): LeafBounds {
        const base = this.nullable(this.operandsPresent([condition.left, condition.right], context), [condition.left, condition.right]);
        if (base.t.kind === 'none') return base;
        let left = this.operand(condition.left, context);
        let right = this.operand(condition.right, context);
        let operator: string = condition.operator;
        if (left.kind === 'constant' && right.kind === 'property') {
            [left, right] = [right, left];
            operator = MIRRORED[operator];
        }
        if (left.kind !== 'property' || right.kind !== 'constant') return base;
        const positive = this.comparison(operator, condition.domain, left.ref, right.value);
        const negative = this.comparison(NEGATED[operator], condition.domain, left.ref, right.value);
        return { t: allOf(base.t, positive), f: allOf(base.f, negative), u: base.u };
    }

    /** A superset of the contacts with a present value for which `property OPERATOR constant` holds. */
    private comparison(operator: string, domain: DomainIR, ref: PropertyRef, constant: ConstantValue): FilterFormula {
        const type = ref.definition.type;
        switch (domain) {
            case 'number':
                return type === 'number' && constant.type === 'number' && Number.isFinite(constant.value)
                    ? filterOf({ propertyName: ref.name, operator: COMPARISON_OPERATORS[operator], value: String(constant.value) })
                    : ALL;
            case 'text':
            case 'enum': {
                if (constant.type !== 'text' || !pushableText(constant.value) || !isSingleValueText(ref.definition)) return ALL;
                if (operator === '=' && equalityMayPush(domain, ref.definition)) return filterOf({ propertyName: ref.name, operator: 'EQ', value: constant.value });
                if (operator === '!=' && inequalityMayPush(domain, ref.definition)) return filterOf({ propertyName: ref.name, operator: 'NEQ', value: constant.value });
                return ALL;
            }
            case 'boolean':
                if (type !== 'bool' || constant.type !== 'boolean') return ALL;
                return operator === '=' || operator === '!=' ? filterOf({ propertyName: ref.name, operator: COMPARISON_OPERATORS[operator], value: String(constant.value) }) : ALL;
            case 'date':
            case 'datetime': {
                if ((type !== 'date' && type !== 'datetime') || constant.type !== 'time' || operator === '!=') return ALL;
                const at = domain === 'date' ? Math.floor(constant.ms / DAY_MS) : constant.ms;
                const step = domain === 'date' ? 1 : 0;
                const low = operator === '=' || operator === '>=' ? at : operator === '>' ? at + step : undefined;
                const high = operator === '=' || operator === '<=' ? at : operator === '<' ? at - step : undefined;
                return timeRange(ref, domain, low, high, constant.slackMs);
            }
        }
    }

    private between(condition: Extract<ConditionIR, { kind: 'between' }>, context: ConstantContext): LeafBounds {
        const base = this.nullable(this.operandsPresent([condition.subject, condition.low, condition.high], context), [condition.subject, condition.low, condition.high]);
        if (base.t.kind === 'none') return base;
        const subject = this.operand(condition.subject, context);
        const low = constantOf(condition.low, context);
        const high = constantOf(condition.high, context);
        if (subject.kind !== 'property' || !low || !high) return base;
        const ref = subject.ref;
        let inside: FilterFormula = ALL;
        let outside: FilterFormula = ALL;
        if (condition.domain === 'number' && ref.definition.type === 'number' && low.type === 'number' && high.type === 'number') {
            inside = filterOf({ propertyName: ref.name, operator: 'BETWEEN', value: String(low.value), highValue: String(high.value) });
            outside = anyOf(filterOf({ propertyName: ref.name, operator: 'LT', value: String(low.value) }), filterOf({ propertyName: ref.name, operator: 'GT', value: String(high.value) }));
        } else if ((condition.domain === 'date' || condition.domain === 'datetime') && low.type === 'time' && high.type === 'time') {
            const date = condition.domain === 'date';
            const lowAt = date ? Math.floor(low.ms / DAY_MS) : low.ms;
            const highAt = date ? Math.floor(high.ms / DAY_MS) : high.ms;
            const step = date ? 1 : 0;
            inside = timeRange(ref, condition.domain, lowAt, highAt, Math.max(low.slackMs, high.slackMs));
            outside = anyOf(timeRange(ref, condition.domain, undefined, lowAt - step, low.slackMs), timeRange(ref, condition.domain, highAt + step, undefined, high.slackMs));
        }
        const [t, f] = condition.negated ? [outside, inside] : [inside, outside];
        return { t: allOf(base.t, t), f: allOf(base.f, f), u: base.u };
    }

    private in(condition: Extract<ConditionIR, { kind: 'in' }>, context: ConstantContext): LeafBounds {
        const base = this.operandsPresent([condition.subject, ...condition.values], context);
        const subject = this.operand(condition.subject, context);
        const values = condition.values.map((v) => constantOf(v, context));
        if (subject.kind !== 'property' || values.length > HUBSPOT_SEARCH_LIMITS.maxValuesPerFilter) return base;
        const ref = subject.ref;
        let inside: FilterFormula = ALL;
        let outside: FilterFormula = ALL;
        if (condition.domain === 'number' && ref.definition.type === 'number' && values.every((v) => v?.type === 'number' && Number.isFinite(v.value))) {
            const numbers = values.map((v) => (v as { value: number }).value);
            inside = filterOf({ propertyName: ref.name, operator: 'BETWEEN', value: String(Math.min(...numbers)), highValue: String(Math.max(...numbers)) });
        } else if ((condition.domain === 'text' || condition.domain === 'enum') && isSingleValueText(ref.definition) && values.every((v) => v?.type === 'text' && pushableText(v.value))) {
            const texts = values.map((v) => (v as { value: string }).value);
            if (equalityMayPush(condition.domain, ref.definition)) inside = filterOf({ propertyName: ref.name, operator: 'IN', values: inValues(texts, ref.definition) });
            if (inequalityMayPush(condition.domain, ref.definition)) outside = filterOf({ propertyName: ref.name, operator: 'NOT_IN', values: texts });
        }
        const [t, f] = condition.negated ? [outside, inside] : [inside, outside];
        return { t: allOf(base.t, t), f: allOf(base.f, f), u: base.u };
    }

    /** `is set` / `is empty` (never UNKNOWN; an unreadable value counts as missing). */
    private presence(condition: Extract<ConditionIR, { kind: 'presence' }>): LeafBounds {
        const subject = condition.subject.kind === 'field' ? this.propertyOfField(condition.subject.name) : undefined;
        if (!subject) return { t: ALL, f: ALL, u: NONE };
        const present = has(subject);
        const missing = subject.reliable ? hasNot(subject) : ALL;
        // `is empty` is also TRUE for a list that reads as `[]` (a value of only separators).
        const empty = subject.field.type.startsWith('list-') ? ALL : missing;
        const [t, f] = condition.check === 'set' ? [present, missing] : [empty, present];
        return condition.negated ? { t: f, f: t, u: NONE } : { t, f, u: NONE };
    }

    /**
     * What any comparison-like leaf implies: it is TRUE or FALSE only when every field it reads
     * directly (not through `coalesce`, an aggregate or a calculated field) is present; UNKNOWN,
     * when its operands are fields read reliably and constants, only when one of them is missing.
     */
    private operandsPresent(values: ValueIR[], context: ConstantContext): LeafBounds {
        const refs = values.flatMap((v) => this.strictProperties(v));
        const present = allOf(...refs.map(has));
        const simple = values.every((v) => {
            const operand = this.operand(v, context);
            return operand.kind === 'property' ? operand.ref.reliable : operand.kind === 'constant' && operand.value.type !== 'null';
        });
        return { t: present, f: present, u: simple ? anyOf(...refs.map(hasNot)) : ALL };
    }

    /** The properties whose absence makes a value missing. */
    private strictProperties(value: ValueIR): PropertyRef[] {
        switch (value.kind) {
            case 'field': {
                const ref = this.propertyOfField(value.name);
                return ref ? [ref] : [];
            }
            case 'dateOf':
            case 'negate':
                return this.strictProperties(value.operand);
            case 'shift':
                return this.strictProperties(value.base);
            case 'arithmetic':
                return [...this.strictProperties(value.left), ...this.strictProperties(value.right)];
            case 'call':
                return value.function === 'coalesce' ? [] : value.args.flatMap((a) => this.strictProperties(a));
            default:
                return [];
        }
    }

    private operand(value: ValueIR, context: ConstantContext): Operand {
        if (value.kind === 'field' || (value.kind === 'dateOf' && value.operand.kind === 'field')) {
            const ref = this.propertyOfField(value.kind === 'field' ? value.name : (value.operand as { name: string }).name);
            return ref ? { kind: 'property', ref } : { kind: 'other' };
        }
        const constant = constantOf(value, context);
        return constant ? { kind: 'constant', value: constant } : { kind: 'other' };
    }

    private propertyOfField(name: string): PropertyRef | undefined {
        const field = this.fields.get(name);
        const property = field && hubSpotPropertyOf(field);
        const definition = property === undefined ? undefined : this.definitions.get(property);
        if (!field || property === undefined || !definition) return undefined;
        return { name: property, field, definition, reliable: readsReliably(field.type, definition.type) };
    }

    /** Every property the segment (with the segments, calculated fields and lists it uses) reads, plus the id and the output properties. */
    private properties(): string[] {
        const names = new Set<string>([HUBSPOT_ID_PROPERTY, ...(this.options.outputProperties ?? [])]);
        const seen = new Set<object>();
        const visit = (node: unknown): void => {
            if (typeof node !== 'object' || node === null || seen.has(node)) return;
            seen.add(node);
            const record = node as Record<string, unknown>;
            if (record.kind === 'field' && typeof record.name === 'string') this.addFieldProperty(names, record.name);
            if (record.kind === 'calculated') visit(this.bundle.schema.calculated.find((c) => c.name === record.name));
            if (record.kind === 'inSegment') visit(this.bundle.segments[record.segment as string]);
            if (record.kind === 'inList') {
                const list = this.bundle.lists[record.list as string];
                if (list) this.addFieldProperty(names, list.by);
            }
            for (const child of Object.values(record)) visit(child);
        };
        visit(this.bundle.segment);
        return [...names].sort();
    }

    private addFieldProperty(names: Set<string>, fieldName: string): void {
        const field = this.fields.get(fieldName);
        const property = field && hubSpotPropertyOf(field);
        if (property !== undefined) names.add(property);
    }
}

function has(ref: PropertyRef): FilterFormula {
    return ref.name === HUBSPOT_ID_PROPERTY ? ALL : filterOf({ propertyName: ref.name, operator: 'HAS_PROPERTY' });
}

function hasNot(ref: PropertyRef): FilterFormula {
    return ref.name === HUBSPOT_ID_PROPERTY ? NONE : filterOf({ propertyName: ref.name, operator: 'NOT_HAS_PROPERTY' });
}

/**
 * A filter for a range of a time property (either end open), widened so that it holds for every
 * contact whose value the engine reads inside the range: `date` ends are days (a day's start is
 * within {@link ZONE_SLACK_MS} of midnight UTC in any zone), `datetime` ends instants (a `date`
 * property read as a datetime starts its day in the segment's zone).
 */
function timeRange(ref: PropertyRef, domain: 'date' | 'datetime', low: number | undefined, high: number | undefined, slackMs: number): FilterFormula {
    const widen = ZONE_SLACK_MS + slackMs;
    const from = low === undefined ? undefined : (domain === 'date' ? low * DAY_MS : low) - widen;
    const to = high === undefined ? undefined : (domain === 'date' ? (high + 1) * DAY_MS : high) + widen;
    const ms = (value: number): string => String(Math.round(value));
    if (from !== undefined && to !== undefined) return filterOf({ propertyName: ref.name, operator: 'BETWEEN', value: ms(from), highValue: ms(to) });
    if (from !== undefined) return filterOf({ propertyName: ref.name, operator: 'GTE', value: ms(from) });
    if (to !== undefined) return filterOf({ propertyName: ref.name, operator: 'LTE', value: ms(to) });
    return ALL;
}

/** The values of an IN filter: HubSpot wants them lower-case for a string property (it compares those ignoring case anyway). */
function inValues(texts: string[], definition: HubSpotProperty): string[] {
    return definition.type === 'string' ? [...new Set(texts.map((t) => t.toLowerCase()))] : texts;
}

/** Text HubSpot compares as written: not blank, no surrounding blanks (which HubSpot may not keep). */
function pushableText(value: string): boolean {
    return value !== '' && value === value.trim();
}

/** A text or single-choice enumeration property (a multiple checkbox holds `;`-joined options and reads as a list). */
function isSingleValueText(definition: HubSpotProperty): boolean {
    return definition.type === 'string' || (definition.type === 'enumeration' && definition.fieldType !== 'checkbox');
}

/**
 * EQ / IN may push when HubSpot's equality is at least as loose as the segment's: HubSpot strings
 * ignore case (so they also find exact matches), enumerations do not (so they cannot find the
 * case variants a text comparison accepts).
 */
function equalityMayPush(domain: 'text' | 'enum', definition: HubSpotProperty): boolean {
    return !(definition.type === 'enumeration' && domain === 'text');
}

/**
 * NEQ / NOT_IN may push only when both sides compare case-sensitively (an enum comparison on an
 * enumeration property): a case-insensitive NEQ would drop `"gold"` that a case-sensitive
 * `!= "Gold"` keeps. Text inequality is left to the engine.
 */
function inequalityMayPush(domain: 'text' | 'enum', definition: HubSpotProperty): boolean {
    return domain === 'enum' && definition.type === 'enumeration';
}

/** Whether every value HubSpot may store for a property of this type reads as the field's type. */
function readsReliably(fieldType: FieldIR['type'], propertyType: HubSpotProperty['type']): boolean {
    switch (fieldType) {
        case 'text':
        case 'enum':
        case 'list-of-text':
            return true;
        case 'number':
        case 'list-of-number':
            return propertyType === 'number';
        case 'boolean':
            return propertyType === 'bool';
        case 'date':
        case 'datetime':
            return propertyType === 'date' || propertyType === 'datetime';
    }
}
