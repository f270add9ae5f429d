import type { Duration, Expression, Frequency, TypeRef, Window } from '../generated/ast.js';
import type { SourceText } from './source-text.js';

/**
 * Prints an expression, a type, a duration or a window on one line in the canonical style:
 * lower-case keywords, one space around binary operators and between words, `f(a, b)`,
 * `("a", "b")`; names, strings, numbers and dates exactly as written in the source.
 */
export class ExpressionPrinter {
    constructor(protected readonly source: SourceText) {}

    /** The one-line text of an expression. */
    expression(e: Expression): string {
        switch (e.$type) {
            case 'BinaryExpr':
                return `${this.expression(e.left)} ${e.operator} ${this.expression(e.right)}`;
            case 'NotExpr':
                return `not ${this.expression(e.operand)}`;
            case 'Comparison':
            case 'ArithmeticExpr':
                return `${this.expression(e.left)} ${e.operator} ${this.expression(e.right)}`;
            case 'BetweenPredicate':
                return `${this.subject(e.subject, e.negated)}between ${this.expression(e.low)} and ${this.expression(e.high)}`;
            case 'InPredicate':
                return `${this.subject(e.subject, e.negated)}in ${this.list(e.values)}`;
            case 'TextPredicate':
                return `${this.subject(e.subject, e.negated)}${e.operator} ${this.expression(e.pattern)}`;
            case 'PresencePredicate':
                return `${this.expression(e.subject)} is ${e.negated ? 'not ' : ''}${e.check}`;
            case 'IncludesPredicate': {
                const values = e.quantifier ? `${e.quantifier} of ${this.list(e.values)}` : this.expression(e.values[0]);
                return `${this.subject(e.subject, e.negated)}includes ${values}`;
            }
            case 'WithinPredicate':
                return `${this.expression(e.subject)} ${this.window(e.window)}`;
            case 'AgoPredicate':
                return `${this.expression(e.subject)} ${e.comparison} than ${this.duration(e.duration)} ago`;
            case 'OrderPredicate':
                return `${this.expression(e.subject)} ${e.operator} ${this.expression(e.bound)}`;
            case 'NegationExpr':
                return `-${this.expression(e.operand)}`;
            case 'ParenExpr':
                return `(${this.expression(e.inner)})`;
            case 'Performed': {
                const parts = ['performed', this.source.property(e, 'event')];
                if (e.frequency) parts.push(this.frequency(e.frequency));
                if (e.window) parts.push(this.window(e.window));
                if (e.filter) parts.push('where', this.expression(e.filter));
                return parts.join(' ');
            }
            case 'Aggregate': {
                const parts = [this.source.property(e, 'event') + (e.property ? `.${this.source.property(e, 'property')}` : '')];
                if (e.window) parts.push(this.window(e.window));
                if (e.filter) parts.push('where', this.expression(e.filter));
                return `${e.function}(${parts.join(' ')})`;
            }
            case 'InSegment':
                return `in segment ${this.source.property(e, 'segment')}`;
            case 'InList':
                return `in list ${this.source.property(e, 'list')}`;
            case 'DurationLiteral':
                return `${this.duration(e.duration)}${e.ago ? ' ago' : e.fromNow ? ' from now' : ''}`;
            case 'NumberLiteral':
            case 'StringLiteral':
            case 'DateLiteral':
            case 'DateTimeLiteral':
                return this.source.property(e, 'value');
            case 'BooleanLiteral':
                return e.value ? 'true' : 'false';
            case 'NullLiteral':
                return 'null';
            case 'NowLiteral':
                return 'now';
            case 'TodayLiteral':
                return 'today';
            case 'FunctionCall':
                return `${e.function}(${e.args.map((arg) => this.expression(arg)).join(', ')})`;
            case 'FieldRef':
                return this.source.property(e, 'field');
        }
    }

    /** The text of a type: `text`, `list of number`, `one of ("A", "B")`. */
    type(type: TypeRef): string {
        switch (type.$type) {
            case 'ScalarType':
                return type.name;
            case 'ListType':
                return `list of ${type.element}`;
            case 'EnumType':
                return `one of (${this.source.properties(type, 'values').join(', ')})`;
        }
    }

    /** `30 days`, with the amount as written. */
    duration(duration: Duration): string {
        return `${this.source.property(duration, 'amount')} ${duration.unit}`;
    }

    /** `within last 30 days`, `since D`, `between D1 and D2`. */
    window(window: Window): string {
        switch (window.$type) {
            case 'WithinWindow':
                return `within ${window.direction} ${this.duration(window.duration)}`;
            case 'SinceWindow':
                return `since ${this.expression(window.start)}`;
            case 'BetweenWindow':
                return `between ${this.expression(window.start)} and ${this.expression(window.end)}`;
        }
    }

    /** `at least 2 times`, `exactly 1 time` (`time` or `times` as written, in lower case). */
    protected frequency(frequency: Frequency): string {
        return `${frequency.bound} ${this.source.property(frequency, 'times')} ${this.source.lastText(frequency).toLowerCase()}`;
    }

    /** A predicate's subject followed by `not ` when the predicate is negated. */
    protected subject(subject: Expression, negated: boolean): string {
        return `${this.expression(subject)} ${negated ? 'not ' : ''}`;
    }

    /** `(a, b)`: a parenthesised list, without a trailing comma. */
    protected list(values: readonly Expression[]): string {
        return `(${values.map((value) => this.expression(value)).join(', ')})`;
    }
}
