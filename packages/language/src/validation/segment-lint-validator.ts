import { AstUtils, type ValidationAcceptor } from 'langium';
import { DateTime } from 'luxon';
import {
    type BinaryExpr,
    type Expression,
    type Segment,
    isAgoPredicate,
    isBetweenPredicate,
    isBinaryExpr,
    isComparison,
    isDateLiteral,
    isDateTimeLiteral,
    isFieldRef,
    isNegationExpr,
    isNotExpr,
    isNumberLiteral,
    isOrderPredicate,
    isParenExpr,
    isWithinPredicate,
} from '../generated/ast.js';
import type { SegmentServices } from '../segment-module.js';
import { canonicalUnit } from '../types/segment-types.js';
import type { SegmentProjects } from '../workspace/segment-projects.js';
import { quote, reporter } from './segment-report.js';

/** One bound of an interval: a value, and whether the value itself is excluded. */
interface Bound {
    value: number;
    strict: boolean;
    source: Expression;
}

/** What one `and` group says about one field: an interval, and values it must not equal. */
interface FieldRange {
    low?: Bound;
    high?: Bound;
    notEqual: { value: number; source: Expression }[];
}

/** A constraint one condition puts on one field, in a numeric domain (numbers, days, milliseconds). */
interface Constraint {
    key: unknown;
    domain: string;
    low?: Omit<Bound, 'source'>;
    high?: Omit<Bound, 'source'>;
    notEqual?: number;
}

/**
 * The lints of §7 on a whole segment: size and depth against the project's limits, `and`/`or`
 * mixed without parentheses, and `and` groups that no value can satisfy.
 */
export class SegmentLintValidator {
    protected readonly projects: SegmentProjects;

    constructor(services: SegmentServices) {
        this.projects = services.workspace.Projects;
    }

    protected limits(segment: Segment) {
        return this.projects.projectOf(AstUtils.getDocument(segment).uri).config.limits;
    }

    /** `too-many-conditions`: more leaves in `where` and `exclude` than `limits.maxConditions`. */
    checkConditionCount(segment: Segment, accept: ValidationAcceptor): void {
        const { maxConditions } = this.limits(segment);
        const count = [segment.where, segment.exclude].reduce((sum, root) => sum + (root ? this.countLeaves(root) : 0), 0);
        if (count > maxConditions) {
            reporter(accept)(
                'too-many-conditions',
                `\`${segment.name}\` has ${count} conditions; the limit is ${maxConditions}. Split it into segments joined with \`in segment\`, or raise \`limits.maxConditions\` in segment.config.json.`,
                { node: segment, property: 'name', data: { count, limit: maxConditions, setting: 'maxConditions' } },
            );
        }
    }

    /** The number of conditions (leaves) of a condition tree; `performed` with its `where` is one. */
    countLeaves(e: Expression): number {
        if (isBinaryExpr(e)) return this.countLeaves(e.left) + this.countLeaves(e.right);
        if (isNotExpr(e)) return this.countLeaves(e.operand);
        if (isParenExpr(e)) return this.countLeaves(e.inner);
        return 1;
    }

    /** `too-deep`: a parenthesised group nested deeper than `limits.maxDepth` (where/exclude are level 1). */
    checkDepth(segment: Segment, accept: ValidationAcceptor): void {
        const { maxDepth } = this.limits(segment);
        for (const root of [segment.where, segment.exclude]) {
            const tooDeep = root && this.findTooDeep(root, 1, maxDepth);
            if (tooDeep) {
                reporter(accept)(
                    'too-deep',
                    `This group is at nesting level ${tooDeep.level}; the limit is ${maxDepth}. Flatten it, or raise \`limits.maxDepth\` in segment.config.json.`,
                    { node: tooDeep.node, data: { level: tooDeep.level, limit: maxDepth, setting: 'maxDepth' } },
                );
                return;
            }
        }
    }

    /** The deepest level of a condition tree (where/exclude are level 1, each group adds one). */
    depthOf(e: Expression, level = 1): number {
        if (isBinaryExpr(e)) return Math.max(this.depthOf(e.left, level), this.depthOf(e.right, level));
        if (isNotExpr(e)) return this.depthOf(e.operand, level);
        if (isParenExpr(e)) return this.depthOf(e.inner, level + 1);
        return level;
    }

    protected findTooDeep(e: Expression, level: number, max: number): { node: Expression; level: number } | undefined {
        if (isBinaryExpr(e)) return this.findTooDeep(e.left, level, max) ?? this.findTooDeep(e.right, level, max);
        if (isNotExpr(e)) return this.findTooDeep(e.operand, level, max);
        if (isParenExpr(e)) {
            return level + 1 > max ? { node: e, level: level + 1 } : this.findTooDeep(e.inner, level + 1, max);
        }
        return undefined;
    }

    /** `ambiguous-precedence`: an `or` with an operand that is an `and` without parentheses. */
    checkPrecedence(e: BinaryExpr, accept: ValidationAcceptor): void {
        if (e.operator.toLowerCase() !== 'or') return;
        const mixed = [e.left, e.right].filter((side) => isBinaryExpr(side) && side.operator.toLowerCase() === 'and');
        for (const side of mixed) {
            reporter(accept)(
                'ambiguous-precedence',
                `\`and\` binds tighter than \`or\`, so ${quote(side.$cstNode?.text)} is one side of the \`or\`: add parentheses to say which grouping you mean.`,
                { node: side, data: { group: side.$cstNode?.text } },
            );
        }
    }

    /** `unsatisfiable`: contradictory bounds on one field within one `and` group, reported on the later condition. */
    checkSatisfiable(segment: Segment, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        for (const group of this.andGroups(segment)) {
            const ranges = new Map<unknown, Map<string, FieldRange>>();
            for (const condition of group) {
                for (const constraint of this.constraintsOf(condition)) {
                    const byDomain = ranges.get(constraint.key) ?? new Map<string, FieldRange>();
                    ranges.set(constraint.key, byDomain);
                    const range = byDomain.get(constraint.domain) ?? { notEqual: [] };
                    byDomain.set(constraint.domain, range);
                    const conflict = this.apply(range, constraint, condition);
                    if (conflict === condition) {
                        report('unsatisfiable', `${quote(condition.$cstNode?.text)} is never true: its lower bound is above its upper bound.`, { node: condition });
                    } else if (conflict) {
                        report('unsatisfiable', `${quote(condition.$cstNode?.text)} cannot hold together with ${quote(conflict.$cstNode?.text)}: no value meets both, so this group is never true.`, {
                            node: condition,
                        });
                    }
                }
            }
        }
    }

    /** Narrows a range by a constraint; returns the earlier condition it contradicts, if any. */
    protected apply(range: FieldRange, c: Constraint, source: Expression): Expression | undefined {
        if (c.low && (!range.low || c.low.value > range.low.value || (c.low.value === range.low.value && c.low.strict))) {
            range.low = { ...c.low, source };
        }
        if (c.high && (!range.high || c.high.value < range.high.value || (c.high.value === range.high.value && c.high.strict))) {
            range.high = { ...c.high, source };
        }
        if (c.notEqual !== undefined) range.notEqual.push({ value: c.notEqual, source });
        const { low, high } = range;
        if (low && high && (low.value > high.value || (low.value === high.value && (low.strict || high.strict)))) {
            return low.source === source ? high.source : low.source;
        }
        if (low && high && low.value === high.value) {
            const excluded = range.notEqual.find((n) => n.value === low.value);
            if (excluded) return excluded.source === source ? low.source : excluded.source;
        }
        return undefined;
    }

    /** Every maximal `and` group of a segment's conditions, flattened through parentheses. */
    protected andGroups(segment: Segment): Expression[][] {
        const groups: Expression[][] = [];
        const visit = (e: Expression): void => {
            const conjuncts = this.flattenAnd(e);
            groups.push(conjuncts);
            for (const c of conjuncts) {
                const inner = isParenExpr(c) ? c.inner : c;
                if (isBinaryExpr(inner)) {
                    visit(inner.left);
                    visit(inner.right);
                } else if (isNotExpr(inner)) {
                    visit(inner.operand);
                }
            }
        };
        for (const root of [segment.where, segment.exclude]) if (root) visit(root);
        return groups;
    }

    protected flattenAnd(e: Expression): Expression[] {
        if (isParenExpr(e) && isBinaryExpr(e.inner) && e.inner.operator.toLowerCase() === 'and') return this.flattenAnd(e.inner);
        if (isBinaryExpr(e) && e.operator.toLowerCase() === 'and') return [...this.flattenAnd(e.left), ...this.flattenAnd(e.right)];
        return [e];
    }

    /** The bounds a single condition puts on a field, when its other side is a constant. */
    protected constraintsOf(e: Expression): Constraint[] {
        if (isComparison(e)) {
            const flipped: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };
            const [field, constant, operator] = isFieldRef(e.left) ? [e.left, e.right, e.operator] : [e.right, e.left, flipped[e.operator]];
            const value = this.constant(constant);
            if (!isFieldRef(field) || !field.field?.ref || !value) return [];
            const key = field.field?.ref;
            switch (operator) {
                case '<': return [{ key, domain: value.domain, high: { value: value.value, strict: true } }];
                case '<=': return [{ key, domain: value.domain, high: { value: value.value, strict: false } }];
                case '>': return [{ key, domain: value.domain, low: { value: value.value, strict: true } }];
                case '>=': return [{ key, domain: value.domain, low: { value: value.value, strict: false } }];
                case '=': return [{ key, domain: value.domain, low: { value: value.value, strict: false }, high: { value: value.value, strict: false } }];
                case '!=': return [{ key, domain: value.domain, notEqual: value.value }];
                default: return [];
            }
        }
        if (isBetweenPredicate(e) && !e.negated && isFieldRef(e.subject) && e.subject.field?.ref) {
            const low = this.constant(e.low);
            const high = this.constant(e.high);
            if (!low || !high || low.domain !== high.domain) return [];
            return [{ key: e.subject.field?.ref, domain: low.domain, low: { value: low.value, strict: false }, high: { value: high.value, strict: false } }];
        }
        if (isOrderPredicate(e) && isFieldRef(e.subject) && e.subject.field?.ref) {
            const bound = this.constant(e.bound);
            if (!bound) return [];
            const side = { value: bound.value, strict: true };
            return [{ key: e.subject.field?.ref, domain: bound.domain, ...(e.operator.toLowerCase() === 'before' ? { high: side } : { low: side }) }];
        }
        if ((isWithinPredicate(e) || isAgoPredicate(e)) && isFieldRef(e.subject) && e.subject.field?.ref) {
            const duration = isWithinPredicate(e) ? e.window.duration : e.duration;
            let unit: string = canonicalUnit(duration.unit);
            let amount = duration.amount;
            if (unit === 'weeks') {
                unit = 'days';
                amount *= 7;
            }
            const domain = `relative ${unit}`;
            const key = e.subject.field?.ref;
            if (isAgoPredicate(e) && e.comparison.toLowerCase() === 'more') return [{ key, domain, high: { value: -amount, strict: true } }];
            const direction = isWithinPredicate(e) ? e.window.direction.toLowerCase() : 'last';
            return direction === 'last'
                ? [{ key, domain, low: { value: -amount, strict: false }, high: { value: 0, strict: false } }]
                : [{ key, domain, low: { value: 0, strict: false }, high: { value: amount, strict: false } }];
        }
        return [];
    }

    /** A constant in a numeric domain: numbers as they are, dates as day numbers, datetimes as milliseconds. */
    protected constant(e: Expression): { domain: string; value: number } | undefined {
        if (isNumberLiteral(e)) return { domain: 'number', value: e.value };
        if (isNegationExpr(e) && isNumberLiteral(e.operand)) return { domain: 'number', value: -e.operand.value };
        if (isDateLiteral(e)) {
            const date = DateTime.fromISO(e.value, { zone: 'UTC' });
            return date.isValid ? { domain: 'date', value: date.toMillis() / 86_400_000 } : undefined;
        }
        if (isDateTimeLiteral(e)) {
            const instant = DateTime.fromISO(e.value, { zone: 'UTC' });
            return instant.isValid ? { domain: 'datetime', value: instant.toMillis() } : undefined;
        }
        return undefined;
    }
}
