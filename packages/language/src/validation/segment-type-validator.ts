import type { AstNode, ValidationAcceptor } from 'langium';
import { DateTime, IANAZone } from 'luxon';
import { builtinFunctions } from '../builtins/segment-functions.js';
import {
    type AgoPredicate,
    type Aggregate,
    type ArithmeticExpr,
    type BetweenPredicate,
    type BetweenWindow,
    type BinaryExpr,
    type Comparison,
    type DateLiteral,
    type DateTimeLiteral,
    type Duration,
    type Expression,
    type FunctionCall,
    type IncludesPredicate,
    type InPredicate,
    type NegationExpr,
    type NotExpr,
    type OrderPredicate,
    type Performed,
    type Segment,
    type SinceWindow,
    type TextPredicate,
    type TimezoneSetting,
    type WithinPredicate,
    isDurationLiteral,
    isStringLiteral,
    isWithinPredicate,
} from '../generated/ast.js';
import type { SegmentServices } from '../segment-module.js';
import type { SegmentTypeChecker } from '../types/segment-type-checker.js';
import {
    type SegmentType,
    areComparable,
    canonicalUnit,
    describeType,
    isSubDayUnit,
    isTemporal,
    isTextual,
} from '../types/segment-types.js';
import { closestName } from '../util/suggestions.js';
import { checkRegex } from './regex-safety.js';
import { quote, type Report, reporter } from './segment-report.js';

const ORDERING = new Set(['<', '<=', '>', '>=']);

/**
 * The type rules of §2–§5: operands of the right types, conditions that are true or false,
 * known functions with the right arity, values of `one of` fields, real literals, usable regexes.
 */
export class SegmentTypeValidator {
    protected readonly types: SegmentTypeChecker;

    constructor(services: SegmentServices) {
        this.types = services.types.TypeChecker;
    }

    protected typeOf(e: Expression): SegmentType {
        return this.types.typeOf(e);
    }

    protected text(node: AstNode): string {
        return quote(node.$cstNode?.text);
    }

    /** Reports a non-boolean expression in a condition position. */
    protected expectCondition(e: Expression | undefined, report: Report, what = 'A condition'): void {
        if (!e) return;
        const type = this.typeOf(e);
        if (type.kind !== 'boolean' && type.kind !== 'error') {
            report('type-mismatch', `${what} must be true or false, but ${this.text(e)} is ${describeType(type)}.`, { node: e });
        }
    }

    checkSegment(segment: Segment, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        this.expectCondition(segment.where, report, 'The `where` condition');
        this.expectCondition(segment.exclude, report, 'The `exclude` condition');
    }

    checkBinary(e: BinaryExpr, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        this.expectCondition(e.left, report, `Each side of \`${e.operator.toLowerCase()}\``);
        this.expectCondition(e.right, report, `Each side of \`${e.operator.toLowerCase()}\``);
    }

    checkNot(e: NotExpr, accept: ValidationAcceptor): void {
        this.expectCondition(e.operand, reporter(accept), 'The operand of `not`');
    }

    checkComparison(e: Comparison, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        const left = this.typeOf(e.left);
        const right = this.typeOf(e.right);
        if (left.kind === 'error' || right.kind === 'error') return;
        if (left.kind === 'null' || right.kind === 'null') {
            const subject = left.kind === 'null' ? e.right : e.left;
            const fix = e.operator === '!=' ? 'is set' : 'is not set';
            report('null-comparison', `${this.text(e)} is never true: a missing value is UNKNOWN, not equal to null. Write \`${subject.$cstNode?.text ?? 'x'} ${fix}\`.`, {
                node: e,
                data: { replacement: `${subject.$cstNode?.text ?? ''} ${fix}` },
            });
            return;
        }
        if (!this.checkComparable(e, e.operator, left, right, report)) return;
        this.checkEnumValues(left, [e.right], report);
        this.checkEnumValues(right, [e.left], report);
        this.checkAmbiguousDate(e, left, right, report);
    }

    /** Reports operands that cannot be compared; returns whether they can. */
    protected checkComparable(node: AstNode, operator: string, left: SegmentType, right: SegmentType, report: Report): boolean {
        for (const side of [left, right]) {
            if (side.kind === 'duration') {
                report('type-mismatch', `A duration is not a point in time: write \`N ${side.unit} ago\` or \`now - N ${side.unit}\`.`, { node });
                return false;
            }
            if (side.kind === 'list') {
                report('type-mismatch', `Lists are not compared with \`${operator}\`: use \`includes\`, \`includes any of\` or \`includes all of\`.`, { node });
                return false;
            }
        }
        const ordered = ORDERING.has(operator) || operator === 'between';
        if (areComparable(left, right, ordered)) return true;
        if (ordered && (left.kind === 'enum' || right.kind === 'enum') && isTextual(left) && isTextual(right)) {
            report('type-mismatch', `\`one of\` values have no order: use \`=\`, \`!=\` or \`in\`.`, { node });
        } else {
            report('type-mismatch', `Cannot compare ${describeType(left)} with ${describeType(right)} in ${this.text(node)}.`, { node });
        }
        return false;
    }

    /** Reports strings that are not values of an enumeration (case-sensitive), suggesting the near one. */
    protected checkEnumValues(type: SegmentType, values: readonly Expression[], report: Report): void {
        if (type.kind !== 'enum') return;
        for (const value of values) {
            if (!isStringLiteral(value) || type.values.includes(value.value)) continue;
            const sameButCase = type.values.find((v) => v.toLowerCase() === value.value.toLowerCase());
            const suggestion = sameButCase ?? closestName(value.value, type.values);
            report(
                'unknown-enum-value',
                `"${value.value}" is not one of ${type.values.map((v) => `"${v}"`).join(', ')}${suggestion ? `: did you mean "${suggestion}"?` : '.'}${sameButCase ? ' (`one of` values are case-sensitive)' : ''}`,
                { node: value, data: suggestion ? { suggestion: JSON.stringify(suggestion) } : {} },
            );
        }
    }

    /** `x > N days ago` and `x < N days ago` read both ways: warn and offer the two unambiguous forms. */
    protected checkAmbiguousDate(e: Comparison, left: SegmentType, right: SegmentType, report: Report): void {
        if (!ORDERING.has(e.operator)) return;
        const agoOnRight = isDurationLiteral(e.right) && e.right.ago;
        const agoOnLeft = isDurationLiteral(e.left) && e.left.ago;
        if (!(agoOnRight || agoOnLeft) || !isTemporal(agoOnRight ? left : right)) return;
        const subject = (agoOnRight ? e.left : e.right).$cstNode?.text ?? '';
        const duration = agoOnRight ? e.right : e.left;
        const amount = isDurationLiteral(duration) ? `${duration.duration.$cstNode?.text ?? ''}` : '';
        report(
            'ambiguous-date-comparison',
            `${this.text(e)} is read both ways: write \`${subject} within last ${amount}\` (more recent) or \`${subject} more than ${amount} ago\` (older).`,
            { node: e, data: { rewrites: [`${subject} within last ${amount}`, `${subject} more than ${amount} ago`] } },
        );
    }

    checkBetween(e: BetweenPredicate, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        const subject = this.typeOf(e.subject);
        for (const bound of [e.low, e.high]) {
            const type = this.typeOf(bound);
            if (subject.kind === 'error' || type.kind === 'error') continue;
            if (!this.checkComparable(e, 'between', subject, type, report)) return;
        }
    }

    checkIn(e: InPredicate, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        const subject = this.typeOf(e.subject);
        if (subject.kind === 'error') return;
        if (subject.kind === 'list') {
            report('type-mismatch', `${this.text(e.subject)} is a list: use \`includes any of (...)\`.`, { node: e });
            return;
        }
        for (const value of e.values) {
            const type = this.typeOf(value);
            if (type.kind === 'error' || type.kind === 'null') continue;
            if (!areComparable(subject, type, false) || type.kind === 'duration' || type.kind === 'list') {
                report('type-mismatch', `${this.text(value)} is ${describeType(type)}, but ${this.text(e.subject)} is ${describeType(subject)}.`, { node: value });
            }
        }
        this.checkEnumValues(subject, e.values, report);
    }

    checkText(e: TextPredicate, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        const subject = this.typeOf(e.subject);
        const operator = e.operator;
        if (subject.kind === 'list' && operator === 'contains') {
            report('contains-on-list', `${this.text(e.subject)} is a list: \`contains\` looks inside text; to test for an element write \`${e.subject.$cstNode?.text ?? ''} ${e.negated ? 'not ' : ''}includes ${e.pattern.$cstNode?.text ?? ''}\`.`, {
                node: e,
                data: { replacement: `${e.subject.$cstNode?.text ?? ''} ${e.negated ? 'not ' : ''}includes ${e.pattern.$cstNode?.text ?? ''}` },
            });
            return;
        }
        if (subject.kind !== 'error' && subject.kind !== 'text') {
            report('type-mismatch', `\`${operator}\` takes text, but ${this.text(e.subject)} is ${describeType(subject)}.`, { node: e.subject });
        }
        const pattern = this.typeOf(e.pattern);
        if (operator === 'matches') {
            this.checkPattern(e, report);
        } else if (pattern.kind !== 'error' && pattern.kind !== 'text') {
            report('type-mismatch', `\`${operator}\` takes text, but ${this.text(e.pattern)} is ${describeType(pattern)}.`, { node: e.pattern });
        }
    }

    protected checkPattern(e: TextPredicate, report: Report): void {
        if (!isStringLiteral(e.pattern)) {
            report('invalid-regex', 'The pattern of `matches` must be a string literal, so it can be checked and compiled once.', { node: e.pattern });
            return;
        }
        const verdict = checkRegex(e.pattern.value);
        if (verdict.invalid) {
            report('invalid-regex', `Invalid pattern: ${verdict.invalid}.`, { node: e.pattern });
        } else if (verdict.unsafe) {
            report('unsafe-regex', `Slow pattern: ${verdict.unsafe}; it can take exponential time on backtracking engines. Remove the inner repetition.`, { node: e.pattern });
        }
    }

    checkIncludes(e: IncludesPredicate, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        const subject = this.typeOf(e.subject);
        if (subject.kind === 'error') return;
        if (subject.kind !== 'list') {
            const hint = subject.kind === 'text' ? ' For text, use `contains`.' : '';
            report('type-mismatch', `\`includes\` is for lists, but ${this.text(e.subject)} is ${describeType(subject)}.${hint}`, { node: e.subject });
            return;
        }
        for (const value of e.values) {
            const type = this.typeOf(value);
            if (type.kind === 'error') continue;
            const fits = subject.element === 'number' ? type.kind === 'number' : isTextual(type);
            if (!fits) {
                report('type-mismatch', `${this.text(e.subject)} is a list of ${subject.element}, but ${this.text(value)} is ${describeType(type)}.`, { node: value });
            }
        }
    }

    checkWithin(e: WithinPredicate, accept: ValidationAcceptor): void {
        this.checkDateSubject(e, e.subject, e.window.duration, reporter(accept));
    }

    checkAgo(e: AgoPredicate, accept: ValidationAcceptor): void {
        this.checkDateSubject(e, e.subject, e.duration, reporter(accept));
    }

    protected checkDateSubject(e: Expression, subjectExpr: Expression, duration: Duration, report: Report): void {
        const subject = this.typeOf(subjectExpr);
        if (subject.kind === 'error') return;
        if (!isTemporal(subject)) {
            report('type-mismatch', `A date window needs a date or a datetime, but ${this.text(subjectExpr)} is ${describeType(subject)}.`, { node: subjectExpr });
        } else if (subject.kind === 'date' && isSubDayUnit(canonicalUnit(duration.unit))) {
            report('type-mismatch', `${this.text(subjectExpr)} is a date, with no time of day: use days, weeks, months or years.`, { node: isWithinPredicate(e) ? e.window : e });
        }
    }

    checkOrder(e: OrderPredicate, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        for (const [expr, role] of [[e.subject, 'subject'], [e.bound, 'bound']] as const) {
            const type = this.typeOf(expr);
            if (type.kind !== 'error' && !isTemporal(type)) {
                report('type-mismatch', `\`${e.operator}\` compares dates, but the ${role} ${this.text(expr)} is ${describeType(type)}.`, { node: expr });
            }
        }
    }

    checkArithmetic(e: ArithmeticExpr, accept: ValidationAcceptor): void {
        const left = this.typeOf(e.left);
        const right = this.typeOf(e.right);
        if (left.kind === 'error' || right.kind === 'error' || this.typeOf(e).kind !== 'error') return;
        reporter(accept)('type-mismatch', `Cannot apply \`${e.operator}\` to ${describeType(left)} and ${describeType(right)}.`, { node: e });
    }

    checkNegation(e: NegationExpr, accept: ValidationAcceptor): void {
        const operand = this.typeOf(e.operand);
        if (operand.kind !== 'error' && operand.kind !== 'number') {
            reporter(accept)('type-mismatch', `Only numbers can be negated, but ${this.text(e.operand)} is ${describeType(operand)}.`, { node: e });
        }
    }

    checkFunctionCall(e: FunctionCall, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        const signature = builtinFunctions.get(e.function);
        if (!signature) {
            const suggestion = closestName(e.function, builtinFunctions.keys());
            report('unknown-function', `Unknown function \`${e.function}\`${suggestion ? `: did you mean \`${suggestion}\`?` : '.'}`, {
                node: e,
                property: 'function',
                data: suggestion ? { suggestion } : {},
            });
            return;
        }
        const min = signature.parameters.length;
        const arityOk = signature.variadic ? e.args.length >= min : e.args.length === min;
        if (!arityOk) {
            const expected = signature.variadic ? `at least ${min}` : String(min);
            report('wrong-arity', `\`${signature.signature}\` takes ${expected} argument${min === 1 && !signature.variadic ? '' : 's'}, not ${e.args.length}.`, { node: e });
            return;
        }
        const last = signature.parameters[signature.parameters.length - 1];
        const types = e.args.map((a) => this.typeOf(a));
        types.forEach((type, i) => {
            const parameter = signature.parameters[i] ?? last;
            if (type.kind !== 'error' && type.kind !== 'null' && !parameter.accepts(type)) {
                report('type-mismatch', `\`${signature.name}\` takes ${parameter.expected}, but ${this.text(e.args[i])} is ${describeType(type)}.`, { node: e.args[i] });
            }
        });
        if (signature.name === 'coalesce') {
            const known = types.filter((t) => t.kind !== 'error' && t.kind !== 'null');
            const first = known[0];
            const odd = known.findIndex((t) => !areComparable(first, t, false) || t.kind !== first.kind && !(isTextual(t) && isTextual(first)) && !(isTemporal(t) && isTemporal(first)));
            if (first && odd > 0) {
                report('type-mismatch', `The arguments of \`coalesce\` must have one type: ${describeType(first)} and ${describeType(known[odd])}.`, { node: e });
            }
        }
    }

    checkAggregate(e: Aggregate, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        this.expectCondition(e.filter, report, 'The `where` of an aggregate');
        const fn = e.function;
        if (fn === 'count' || fn === 'first_performed' || fn === 'last_performed') {
            if (e.property) {
                report('type-mismatch', `\`${fn}\` works on events, not on a property: write \`${fn}(${e.event?.$refText ?? "EVENT"} ...)\`.`, { node: e, property: 'property' });
            }
            return;
        }
        if (!e.property) {
            report('type-mismatch', `\`${fn}\` needs a property of the event: \`${fn}(${e.event?.$refText ?? "EVENT"}.property ...)\`.`, { node: e, property: 'event' });
            return;
        }
        const property = e.property.ref;
        if (!property) return;
        const type = this.types.typeOfTypeRef(property.type);
        const accepted = type.kind === 'number' || ((fn === 'min' || fn === 'max') && isTemporal(type));
        if (!accepted) {
            const expected = fn === 'min' || fn === 'max' ? 'a number, date or datetime property' : 'a number property';
            report('type-mismatch', `\`${fn}\` needs ${expected}, but \`${property.name}\` is ${describeType(type)}.`, { node: e, property: 'property' });
        }
    }

    checkPerformed(e: Performed, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        this.expectCondition(e.filter, report, 'The `where` of `performed`');
        if (e.frequency && !Number.isInteger(e.frequency.times)) {
            report('invalid-literal', `A number of times must be a whole number, not ${e.frequency.times}.`, { node: e.frequency, property: 'times' });
        }
    }

    checkDuration(d: Duration, accept: ValidationAcceptor): void {
        if (!Number.isInteger(d.amount)) {
            reporter(accept)('invalid-literal', `A duration takes a whole number of ${canonicalUnit(d.unit)}, not ${d.amount}: use a smaller unit.`, { node: d, property: 'amount' });
        }
    }

    checkWindowBounds(w: SinceWindow | BetweenWindow, accept: ValidationAcceptor): void {
        const report = reporter(accept);
        const bounds = 'end' in w ? [w.start, w.end] : [w.start];
        for (const bound of bounds) {
            const type = this.typeOf(bound);
            if (type.kind !== 'error' && !isTemporal(type)) {
                report('type-mismatch', `A window is bounded by dates or datetimes, but ${this.text(bound)} is ${describeType(type)}.`, { node: bound });
            }
        }
    }

    checkDateLiteral(d: DateLiteral, accept: ValidationAcceptor): void {
        if (!DateTime.fromISO(d.value, { zone: 'UTC' }).isValid) {
            reporter(accept)('invalid-literal', `${d.value} is not a calendar date.`, { node: d });
        }
    }

    checkDateTimeLiteral(d: DateTimeLiteral, accept: ValidationAcceptor): void {
        if (!DateTime.fromISO(d.value, { zone: 'UTC' }).isValid) {
            reporter(accept)('invalid-literal', `${d.value} is not a valid date and time.`, { node: d });
        }
    }

    checkTimezone(setting: TimezoneSetting, accept: ValidationAcceptor): void {
        if (!IANAZone.isValidZone(setting.value)) {
            reporter(accept)('invalid-literal', `"${setting.value}" is not an IANA time zone (such as "America/New_York" or "UTC").`, { node: setting, property: 'value' });
        }
    }
}
