import type { TraceNode, TraceValue } from '@segments/engine';
import type { ConditionIR, ListIR, ValueIR } from '@segments/language';

/**
 * What a condition of a trace compared, as a short text: each operand that is not a literal (a
 * literal is already in the condition's text), named by what it reads (`total_spent = 412`,
 * `month(birthday) = 4`, `60 days ago = 2026-09-21T12:00:00.000Z`, `email is missing`); the
 * occurrences a `performed` counted and its window (`0 times, between A and B`); the `by` field
 * of `in list`. Empty for `and`, `or`, `not` and `in segment`. Without the condition's IR, every
 * value by its role (`left = 412`).
 */
export function describeTraceValues(node: TraceNode, condition: ConditionIR | undefined, lists: Readonly<Record<string, ListIR>>): string {
    const values = node.values;
    if (condition === undefined) return Object.entries(values).map(([role, value]) => named(role, value, undefined)).join(', ');
    const parts: string[] = [];
    const operand = (role: string, value: ValueIR): void => {
        if (value.kind !== 'literal' && role in values) parts.push(named(valueLabel(value) ?? role, values[role]!, value.type));
    };
    switch (condition.kind) {
        case 'compare':
            operand('left', condition.left);
            operand('right', condition.right);
            break;
        case 'between':
            operand('subject', condition.subject);
            if (condition.low.kind !== 'literal' || condition.high.kind !== 'literal') {
                parts.push(`between ${formatValue(values['low'] ?? null, condition.low.type)} and ${formatValue(values['high'] ?? null, condition.high.type)}`);
            }
            break;
        case 'in':
        case 'includes':
            operand('subject', condition.subject);
            if (condition.values.some((value) => value.kind !== 'literal')) parts.push(named('values', values['values'] ?? null, condition.subject.type));
            break;
        case 'text':
            operand('subject', condition.subject);
            operand('pattern', condition.pattern);
            break;
        case 'presence':
            operand('subject', condition.subject);
            break;
        case 'performed':
            parts.push(...performedParts(values));
            break;
        case 'inList': {
            const by = lists[condition.list]?.by;
            if ('value' in values) parts.push(named(by ?? 'value', values['value']!, undefined));
            break;
        }
        case 'and':
        case 'or':
        case 'not':
        case 'inSegment':
            break;
    }
    return parts.join(', ');
}

/** The occurrences a `performed` counted, and its window's bounds when it has one. */
function performedParts(values: Readonly<Record<string, TraceValue>>): string[] {
    const count = values['count'];
    const parts = [typeof count === 'number' ? `${count} ${count === 1 ? 'time' : 'times'}` : named('count', count ?? null, 'number')];
    const start = 'start' in values ? formatValue(values['start']!, 'datetime') : undefined;
    const end = 'end' in values ? formatValue(values['end']!, 'datetime') : undefined;
    if (start !== undefined && end !== undefined) parts.push(`between ${start} and ${end}`);
    else if (start !== undefined) parts.push(`since ${start}`);
    else if (end !== undefined) parts.push(`until ${end}`);
    return parts;
}

/** `label = value`, or `label is missing`. */
function named(label: string, value: TraceValue, type: ValueIR['type'] | undefined): string {
    return value === null ? `${label} is missing` : `${label} = ${formatValue(value, type)}`;
}

/** A value as the trace gives it: text quoted, dates and datetimes as they are, lists in brackets, missing as `missing`. */
export function formatValue(value: TraceValue, type: ValueIR['type'] | undefined): string {
    if (value === null) return 'missing';
    if (Array.isArray(value)) return `[${value.map((element) => formatValue(element, type)).join(', ')}]`;
    if (typeof value === 'string' && type !== 'date' && type !== 'datetime') return JSON.stringify(value);
    return String(value);
}

/**
 * A short name of what a value reads, for the values of a trace: a field's name, `now`, a call
 * with its arguments (`month(birthday)`), `30 days ago`, `count(Purchased …)`; `undefined` for
 * what has no short name (a condition used as a value).
 */
export function valueLabel(value: ValueIR): string | undefined {
    switch (value.kind) {
        case 'literal':
            return value.type === 'text' ? JSON.stringify(value.value) : String(value.value);
        case 'field':
        case 'calculated':
        case 'eventProperty':
            return value.name;
        case 'eventTime':
            return 'at';
        case 'now':
        case 'today':
            return value.kind;
        case 'dateOf':
            return valueLabel(value.operand);
        case 'shift':
            return shiftLabel(value.base, value.amount, value.unit);
        case 'negate': {
            const operand = valueLabel(value.operand);
            return operand === undefined ? undefined : `-${value.operand.kind === 'arithmetic' ? `(${operand})` : operand}`;
        }
        case 'arithmetic': {
            const [left, right] = [value.left, value.right].map((side) => {
                const label = valueLabel(side);
                return label !== undefined && side.kind === 'arithmetic' ? `(${label})` : label;
            });
            return left === undefined || right === undefined ? undefined : `${left} ${value.operator} ${right}`;
        }
        case 'call': {
            const args = value.args.map(valueLabel);
            return args.every((arg) => arg !== undefined) ? `${value.function}(${args.join(', ')})` : undefined;
        }
        case 'aggregate':
            return `${value.function}(${value.event}${value.property === undefined ? '' : `.${value.property}`}${value.window || value.where ? ' …' : ''})`;
        case 'condition':
            return undefined;
    }
}

/** `30 days ago` and `2 weeks from now` from `now` or `today`; `renewal_date + 1 month` from anything else. */
function shiftLabel(base: ValueIR, amount: number, unit: string): string | undefined {
    const size = Math.abs(amount);
    const units = `${size} ${size === 1 ? unit.replace(/s$/, '') : unit}`;
    if (base.kind === 'now' || base.kind === 'today') return amount < 0 ? `${units} ago` : `${units} from now`;
    const label = valueLabel(base);
    return label === undefined ? undefined : `${label} ${amount < 0 ? '-' : '+'} ${units}`;
}
