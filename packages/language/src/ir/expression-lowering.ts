import { DateTime } from 'luxon';
import {
    type Aggregate,
    type Duration,
    type Expression,
    type Window,
    isAgoPredicate,
    isAggregate,
    isArithmeticExpr,
    isBetweenPredicate,
    isBetweenWindow,
    isBinaryExpr,
    isBooleanLiteral,
    isComparison,
    isDateLiteral,
    isDateTimeLiteral,
    isDurationLiteral,
    isEventDecl,
    isEventProperty,
    isFieldRef,
    isFunctionCall,
    isInList,
    isInPredicate,
    isInSegment,
    isIncludesPredicate,
    isLetField,
    isNegationExpr,
    isNotExpr,
    isNowLiteral,
    isNullLiteral,
    isNumberLiteral,
    isOrderPredicate,
    isParenExpr,
    isPerformed,
    isPresencePredicate,
    isSinceWindow,
    isStringLiteral,
    isTextPredicate,
    isTodayLiteral,
    isWithinPredicate,
    type BinaryExpr,
    type Performed,
} from '../generated/ast.js';
import type { SegmentTypeChecker } from '../types/segment-type-checker.js';
import { canonicalUnit, isSubDayUnit, type SegmentType } from '../types/segment-types.js';
import { isConditionForm } from '../segment-ast-utils.js';
import { SegmentLoweringError } from './lowering-errors.js';
import type { ConditionBase, ConditionIR, DomainIR, FieldTypeIR, TimeUnitIR, ValueIR, ValueTypeIR, WindowIR } from '@segments/ir';
import { sourceSpanOf } from './source-spans.js';

/** What lowering an expression needs to know about where it sits. */
export interface ExpressionLoweringContext {
    /** What is being lowered, for error messages: "Segment `a`", "Schema `Contact`". */
    readonly owner: string;
    /** The IANA time zone in which a datetime literal without an offset is read. */
    readonly timezone: string;
}

type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
type Relation = Omit<Extract<ConditionIR, { kind: 'compare' }>, keyof ConditionBase | 'kind'>;


/** The expression inside any number of parentheses. */
function unwrap(e: Expression): Expression {
    return isParenExpr(e) ? unwrap(e.inner) : e;
}

/** The operands of a chain of one logical operator written without parentheses: `a and b and c`. */
function flatten(e: Expression, operator: string): Expression[] {
    return isBinaryExpr(e) && e.operator.toLowerCase() === operator ? [...flatten(e.left, operator), ...flatten(e.right, operator)] : [e];
}

/** `-n`, without producing `-0`. */
function negate(n: number): number {
    return n === 0 ? 0 : -n;
}

/**
 * Lowers the expressions of one segment (or of one schema's calculated fields) to IR nodes.
 * Condition ids are paths from the root (`where`, `exclude`, `calculated.NAME`): an `and`/`or`
 * operand adds its index, a `not` adds `0`, and a condition inside a value adds the names of the
 * properties leading to it (`where.1.left.where`). The same source gives the same ids.
 */
export class ExpressionLowering {
    constructor(
        protected readonly typeChecker: SegmentTypeChecker,
        protected readonly context: ExpressionLoweringContext,
    ) {}

    /** Lowers a boolean expression to a condition with the given id. */
    lowerCondition(expression: Expression, id: string): ConditionIR {
        const source = sourceSpanOf(expression);
        if (!source) {
            throw this.error('a condition without source text');
        }
        const condition = this.conditionOf(unwrap(expression), { id, source });
        // `kind` first, for whoever reads the JSON.
        return Object.assign({ kind: condition.kind }, condition);
    }

    /** The condition an expression (without parentheses around it) means. */
    protected conditionOf(e: Expression, base: ConditionBase): ConditionIR {
        const { id } = base;
        if (isBinaryExpr(e)) {
            return this.lowerLogical(e, base);
        }
        if (isNotExpr(e)) {
            return { ...base, kind: 'not', operand: this.lowerCondition(e.operand, `${id}.0`) };
        }
        if (isComparison(e)) {
            return { ...base, kind: 'compare', ...this.relation(e.operator, this.lowerValue(e.left, `${id}.left`), this.lowerValue(e.right, `${id}.right`)) };
        }
        if (isBetweenPredicate(e)) {
            const [subject, low, high] = this.inDomain([this.lowerValue(e.subject, `${id}.subject`), this.lowerValue(e.low, `${id}.low`), this.lowerValue(e.high, `${id}.high`)], true);
            return { ...base, kind: 'between', domain: subject.domain, negated: e.negated, subject: subject.value, low: low.value, high: high.value };
        }
        if (isInPredicate(e)) {
            const [subject, ...values] = this.inDomain([this.lowerValue(e.subject, `${id}.subject`), ...e.values.map((v, i) => this.lowerValue(v, `${id}.values.${i}`))], false);
            return { ...base, kind: 'in', domain: subject.domain, negated: e.negated, subject: subject.value, values: values.map((v) => v.value) };
        }
        if (isTextPredicate(e)) {
            const operator = this.textOperator(e.operator);
            return {
                ...base,
                kind: 'text',
                operator,
                caseSensitive: operator === 'matches',
                negated: e.negated,
                subject: this.lowerValue(e.subject, `${id}.subject`),
                pattern: this.lowerValue(e.pattern, `${id}.pattern`),
            };
        }
        if (isPresencePredicate(e)) {
            // `is null` is `is not set`, and `is not null` is `is set`.
            const check = e.check.toLowerCase();
            const isNull = check === 'null';
            return { ...base, kind: 'presence', check: check === 'empty' ? 'empty' : 'set', negated: isNull ? !e.negated : e.negated, subject: this.lowerValue(e.subject, `${id}.subject`) };
        }
        if (isIncludesPredicate(e)) {
            const subject = this.lowerValue(e.subject, `${id}.subject`);
            if (subject.type !== 'list-of-text' && subject.type !== 'list-of-number') {
                throw this.error(`\`includes\` on ${subject.type}`);
            }
            return {
                ...base,
                kind: 'includes',
                quantifier: e.quantifier?.toLowerCase() === 'all' ? 'all' : 'any',
                domain: subject.type === 'list-of-number' ? 'number' : 'text',
                negated: e.negated,
                subject,
                values: e.values.map((v, i) => this.lowerValue(v, `${id}.values.${i}`)),
            };
        }
        if (isWithinPredicate(e)) {
            const subject = this.lowerValue(e.subject, `${id}.subject`);
            const [low, high] = this.windowBounds(e.window.direction, e.window.duration, this.anchorFor(subject));
            return this.between(base, subject, low, high);
        }
        if (isAgoPredicate(e)) {
            const subject = this.lowerValue(e.subject, `${id}.subject`);
            const anchor = this.anchorFor(subject);
            const [low, high] = this.windowBounds('last', e.duration, anchor);
            // `less than N units ago` is `within last N units`; `more than N units ago` is `< anchor - N units`.
            return e.comparison.toLowerCase() === 'less' ? this.between(base, subject, low, high) : { ...base, kind: 'compare', ...this.relation('<', subject, low) };
        }
        if (isOrderPredicate(e)) {
            const operator = e.operator.toLowerCase() === 'before' ? '<' : '>';
            return { ...base, kind: 'compare', ...this.relation(operator, this.lowerValue(e.subject, `${id}.subject`), this.lowerValue(e.bound, `${id}.bound`)) };
        }
        if (isPerformed(e)) {
            return this.lowerPerformed(e, base);
        }
        if (isInSegment(e)) {
            return { ...base, kind: 'inSegment', segment: this.resolved(e.segment.ref, 'segment').name };
        }
        if (isInList(e)) {
            return { ...base, kind: 'inList', list: this.resolved(e.list.ref, 'list').name };
        }
        // A boolean value used as a condition: `flag` is `flag = true`.
        const value = this.lowerValue(e, id);
        if (value.type !== 'boolean') {
            throw this.error(`a condition of type ${value.type}`);
        }
        return { ...base, kind: 'compare', operator: '=', domain: 'boolean', left: value, right: { kind: 'literal', type: 'boolean', value: true } };
    }

    /** Lowers an expression used as a value; `path` names its position, for the ids of conditions inside it. */
    lowerValue(expression: Expression, path: string): ValueIR {
        const e = unwrap(expression);
        if (isConditionForm(e)) {
            return { kind: 'condition', type: 'boolean', condition: this.lowerCondition(expression, path) };
        }
        if (isNumberLiteral(e)) return { kind: 'literal', type: 'number', value: e.value };
        if (isStringLiteral(e)) return { kind: 'literal', type: 'text', value: e.value };
        if (isBooleanLiteral(e)) return { kind: 'literal', type: 'boolean', value: e.value };
        if (isNullLiteral(e)) return { kind: 'literal', type: 'null', value: null };
        if (isDateLiteral(e)) return { kind: 'literal', type: 'date', value: this.dateLiteral(e.value) };
        if (isDateTimeLiteral(e)) return { kind: 'literal', type: 'datetime', value: this.dateTimeLiteral(e.value) };
        if (isNowLiteral(e)) return { kind: 'now', type: 'datetime' };
        if (isTodayLiteral(e)) return { kind: 'today', type: 'date' };
        if (isDurationLiteral(e)) {
            if (!e.ago && !e.fromNow) {
                throw this.error('a duration used as a value');
            }
            const { amount, unit } = this.duration(e.duration);
            return this.shift({ kind: 'now', type: 'datetime' }, e.ago ? negate(amount) : amount, unit);
        }
        if (isFieldRef(e)) {
            const target = this.resolved(e.field.ref, 'field');
            if (isEventDecl(target)) return { kind: 'eventTime', type: 'datetime' };
            if (isLetField(target)) return { kind: 'calculated', type: this.valueType(this.typeChecker.typeOf(e)), name: target.name };
            const type = this.fieldType(this.typeChecker.typeOf(e));
            return isEventProperty(target) ? { kind: 'eventProperty', type, name: target.name } : { kind: 'field', type, name: target.name };
        }
        if (isNegationExpr(e)) {
            this.valueType(this.typeChecker.typeOf(e));
            return { kind: 'negate', type: 'number', operand: this.lowerValue(e.operand, `${path}.operand`) };
        }
        if (isArithmeticExpr(e)) {
            const type = this.valueType(this.typeChecker.typeOf(e));
            if (type === 'number') {
                return { kind: 'arithmetic', type, operator: e.operator, left: this.lowerValue(e.left, `${path}.left`), right: this.lowerValue(e.right, `${path}.right`) };
            }
            // Calendar arithmetic: `date|datetime ± duration`, or `duration + date|datetime`.
            const right = unwrap(e.right);
            const durationOnRight = isDurationLiteral(right) && !right.ago && !right.fromNow;
            const durationSide = durationOnRight ? right : unwrap(e.left);
            if (!isDurationLiteral(durationSide)) {
                throw this.error('calendar arithmetic without a literal duration');
            }
            const { amount, unit } = this.duration(durationSide.duration);
            const base = durationOnRight ? this.lowerValue(e.left, `${path}.base`) : this.lowerValue(e.right, `${path}.base`);
            return this.shift(base, e.operator === '-' ? negate(amount) : amount, unit);
        }
        if (isFunctionCall(e)) {
            return { kind: 'call', type: this.valueType(this.typeChecker.typeOf(e)), function: e.function.toLowerCase(), args: e.args.map((a, i) => this.lowerValue(a, `${path}.args.${i}`)) };
        }
        if (isAggregate(e)) {
            return this.lowerAggregate(e, path);
        }
        throw this.error(`an expression of unknown form (${e.$type})`);
    }

    protected lowerLogical(e: BinaryExpr, base: ConditionBase): ConditionIR {
        const operator = e.operator.toLowerCase() === 'or' ? 'or' : 'and';
        const operands = flatten(e, operator).map((operand, i) => this.lowerCondition(operand, `${base.id}.${i}`));
        return { ...base, kind: operator, operands };
    }

    protected lowerPerformed(e: Performed, base: ConditionBase): ConditionIR {
        // `at least` / `at most` / `exactly`, whether the parser keeps the `at` (and the space) or not.
        const bound = e.frequency?.bound.toLowerCase().replace(/\s+/g, '');
        const count = e.frequency
            ? { operator: bound?.endsWith('least') ? ('>=' as const) : bound?.endsWith('most') ? ('<=' as const) : ('=' as const), value: e.frequency.times }
            : { operator: '>=' as const, value: 1 };
        const window = e.window ? this.lowerWindow(e.window, `${base.id}.window`) : undefined;
        const where = e.filter ? this.lowerCondition(e.filter, `${base.id}.where`) : undefined;
        return { ...base, kind: 'performed', event: this.resolved(e.event.ref, 'event').name, count, ...(window && { window }), ...(where && { where }) };
    }

    protected lowerAggregate(e: Aggregate, path: string): ValueIR {
        const type = this.valueType(this.typeChecker.typeOf(e));
        if (type !== 'number' && type !== 'date' && type !== 'datetime') {
            throw this.error(`an aggregate of type ${type}`);
        }
        const window = e.window ? this.lowerWindow(e.window, `${path}.window`) : undefined;
        const where = e.filter ? this.lowerCondition(e.filter, `${path}.where`) : undefined;
        const property = e.property ? this.resolved(e.property.ref, 'property').name : undefined;
        return {
            kind: 'aggregate',
            type,
            function: e.function,
            event: this.resolved(e.event.ref, 'event').name,
            ...(property !== undefined && { property }),
            ...(window && { window }),
            ...(where && { where }),
        };
    }

    /** A window over the event's time: `within last|next` from `now`, `since D`, `between D1 and D2`. */
    protected lowerWindow(window: Window, path: string): WindowIR {
        if (isSinceWindow(window)) {
            return { start: this.lowerTemporal(window.start, `${path}.start`) };
        }
        if (isBetweenWindow(window)) {
            return { start: this.lowerTemporal(window.start, `${path}.start`), end: this.lowerTemporal(window.end, `${path}.end`) };
        }
        const [start, end] = this.windowBounds(window.direction, window.duration, { kind: 'now', type: 'datetime' });
        return { start, end };
    }

    protected lowerTemporal(e: Expression, path: string): ValueIR {
        const value = this.lowerValue(e, path);
        if (value.type !== 'date' && value.type !== 'datetime') {
            throw this.error(`a window bound of type ${value.type}`);
        }
        return value;
    }

    /** `within last N units` is `[anchor - N units, anchor]`; `within next N units` is `[anchor, anchor + N units]`. */
    protected windowBounds(direction: string, duration: Duration, anchor: ValueIR): [ValueIR, ValueIR] {
        const { amount, unit } = this.duration(duration);
        return direction.toLowerCase() === 'next' ? [anchor, this.shift(anchor, amount, unit)] : [this.shift(anchor, negate(amount), unit), anchor];
    }

    /** Date predicates on a `date` count from `today`, on a `datetime` from `now`. */
    protected anchorFor(subject: ValueIR): ValueIR {
        if (subject.type === 'date') return { kind: 'today', type: 'date' };
        if (subject.type === 'datetime') return { kind: 'now', type: 'datetime' };
        throw this.error(`a date predicate on ${subject.type}`);
    }

    protected between(base: ConditionBase, subject: ValueIR, low: ValueIR, high: ValueIR): ConditionIR {
        const [s, l, h] = this.inDomain([subject, low, high], true);
        return { ...base, kind: 'between', domain: s.domain, negated: false, subject: s.value, low: l.value, high: h.value };
    }

    /** `base` moved by a signed number of units: a date for whole days and more on a date, else a datetime. */
    protected shift(base: ValueIR, amount: number, unit: TimeUnitIR): ValueIR {
        return { kind: 'shift', type: base.type === 'date' && !isSubDayUnit(unit) ? 'date' : 'datetime', base, amount, unit };
    }

    protected duration(duration: Duration): { amount: number; unit: TimeUnitIR } {
        if (!Number.isInteger(duration.amount)) {
            throw this.error(`a duration of ${duration.amount} units`);
        }
        return { amount: duration.amount, unit: canonicalUnit(duration.unit) };
    }

    protected relation(operator: ComparisonOperator, left: ValueIR, right: ValueIR): Relation {
        const [l, r] = this.inDomain([left, right], operator !== '=' && operator !== '!=');
        return { operator, domain: l.domain, left: l.value, right: r.value };
    }

    /**
     * The domain in which values are compared, and the values made to fit it: a datetime among
     * dates becomes its calendar date (`dateOf`). `null` operands do not decide the domain.
     */
    protected inDomain(values: ValueIR[], ordered: boolean): Array<{ domain: DomainIR; value: ValueIR }> {
        const types = values.map((v) => v.type).filter((t) => t !== 'null');
        let domain: DomainIR;
        if (types.length > 0 && types.every((t) => t === 'date' || t === 'datetime')) {
            domain = types.includes('date') ? 'date' : 'datetime';
        } else if (types.every((t) => t === 'text' || t === 'enum')) {
            domain = types.includes('enum') ? 'enum' : 'text';
        } else if (types.every((t) => t === 'number')) {
            domain = 'number';
        } else if (types.every((t) => t === 'boolean')) {
            domain = 'boolean';
        } else {
            throw this.error(`a comparison of ${types.join(' with ')}`);
        }
        if (ordered && (domain === 'enum' || domain === 'boolean')) {
            throw this.error(`an ordered comparison of ${domain} values`);
        }
        return values.map((value) => ({
            domain,
            value: domain === 'date' && value.type === 'datetime' ? { kind: 'dateOf', type: 'date', operand: value } : value,
        }));
    }

    protected textOperator(operator: string): 'contains' | 'startsWith' | 'endsWith' | 'matches' {
        // The parser may keep or drop the space of `starts with` and `ends with`.
        switch (operator.toLowerCase().replace(/\s+/g, '')) {
            case 'startswith':
                return 'startsWith';
            case 'endswith':
                return 'endsWith';
            case 'matches':
                return 'matches';
            default:
                return 'contains';
        }
    }

    protected dateLiteral(value: string): string {
        if (!DateTime.fromISO(value).isValid) {
            throw this.error(`the invalid date ${value}`);
        }
        return value;
    }

    /** A datetime literal as an ISO 8601 instant in UTC; one without an offset is read in the time zone. */
    protected dateTimeLiteral(value: string): string {
        const instant = DateTime.fromISO(value, { zone: this.context.timezone });
        if (!instant.isValid) {
            throw this.error(`the invalid datetime ${value}`);
        }
        return instant.toUTC().toISO({ suppressMilliseconds: true });
    }

    /** The IR type of a checked type; `error` and durations mean the segment has errors. */
    valueType(type: SegmentType): ValueTypeIR {
        switch (type.kind) {
            case 'error':
                throw this.error('an expression without a type');
            case 'duration':
                throw this.error('a duration used as a value');
            case 'list':
                return type.element === 'number' ? 'list-of-number' : 'list-of-text';
            default:
                return type.kind;
        }
    }

    /** The IR type of a declared field or property. */
    fieldType(type: SegmentType): FieldTypeIR {
        const valueType = this.valueType(type);
        if (valueType === 'null') {
            throw this.error('a field of type null');
        }
        return valueType;
    }

    protected resolved<T>(target: T | undefined, noun: string): T {
        if (target === undefined) {
            throw this.error(`an unknown ${noun}`);
        }
        return target;
    }

    protected error(detail: string): SegmentLoweringError {
        return new SegmentLoweringError(this.context.owner, detail);
    }
}
