import type { AggregateIR, CalculatedFieldIR, ConditionIR, EventIR, FieldIR, SegmentBundleIR, ValueIR, ValueTypeIR, WindowIR } from '@segments/ir';
import { SegmentEngineError } from '../errors.js';
import { Truth } from '../truth.js';
import { addMonthsToDays, parseCivilDate } from '../time/civil-dates.js';
import { parseIsoInstant } from '../time/iso-instants.js';
import type { ZoneClock } from '../time/zone-clock.js';
import { accessorFor } from '../values/accessors.js';
import { conversionFor, toText, UNREADABLE } from '../values/conversions.js';
import { compareClosures, compareWithConstant, flipOperator, textEqualsConstant, type ComparisonOperator } from './comparisons.js';
import type { Compiled, Fn, Probe, ProbedOperand } from './compiled.js';
import type { EvaluationState } from './evaluation-state.js';
import { compileScan, decisiveCount } from './event-scan.js';
import { textListIncludes } from './list-includes.js';
import { compileFunction } from './functions.js';

const { FALSE, UNKNOWN, TRUE } = Truth;

/** What a builder needs of the program it builds for. */
export interface ProgramContext {
    readonly bundle: SegmentBundleIR;
    readonly state: EvaluationState;
    /** The evaluation instant, epoch milliseconds. */
    readonly now: number;
    /** The values of static lists, lower-cased, by list name. */
    readonly lists: ReadonlyMap<string, ReadonlySet<string>>;
    /** Whether a record is a member of a segment of the bundle (memoised per record). */
    segmentMember(name: string): Fn<boolean>;
}

/** The bounds of a window as instants: `start <= at` and `at <= end` (or `at < end` when `endExclusive`). */
interface WindowBounds {
    start: Compiled<number | undefined>;
    end: Compiled<number | undefined>;
    endExclusive: boolean;
}

/**
 * Compiles IR values and conditions to closures in one time zone. Values evaluate to the
 * engine's representation (see `values/conversions.ts`) or `undefined` when missing; conditions
 * to {@link Truth}. Whatever does not read the record is evaluated once, here, and becomes a
 * constant: `30 days ago`, `today`, window bounds, `month(today) in (11, 12)`.
 */
export class ClosureBuilder {
    /** `today` in this zone, days since 1970-01-01. */
    readonly today: number;
    protected readonly state: EvaluationState;
    protected readonly fields: ReadonlyMap<string, FieldIR>;
    protected readonly calculatedFields: ReadonlyMap<string, CalculatedFieldIR>;
    protected readonly eventDecls: ReadonlyMap<string, EventIR>;
    protected readonly fieldReaders = new Map<string, Fn>();
    protected readonly calculatedReaders = new Map<string, Fn>();

    constructor(
        protected readonly program: ProgramContext,
        readonly clock: ZoneClock,
    ) {
        this.state = program.state;
        this.today = clock.dateOf(program.now);
        const schema = program.bundle.schema;
        this.fields = new Map(schema.fields.map((f) => [f.name, f]));
        this.calculatedFields = new Map(schema.calculated.map((c) => [c.name, c]));
        this.eventDecls = new Map(schema.events.map((e) => [e.name, e]));
    }

    // -----------------------------------------------------------------------------------------
    // Values

    /** Compiles a value; `event` is the event whose `where` the value sits in, if any. */
    value(ir: ValueIR, event?: EventIR): Compiled {
        switch (ir.kind) {
            case 'literal':
                return this.constant(this.literal(ir));
            case 'field':
                return { fn: this.field(ir.name), constant: false };
            case 'calculated':
                return this.calculated(ir.name);
            case 'eventProperty':
                return { fn: this.eventProperty(this.requireEvent(event, ir.name), ir.name), constant: false };
            case 'eventTime':
                this.requireEvent(event, 'at');
                return { fn: (s) => s.eventAt, constant: false };
            case 'now':
                return this.constant(this.program.now);
            case 'today':
                return this.constant(this.today);
            case 'shift':
                return this.shift(ir, event);
            case 'dateOf':
                return this.asDate(this.value(ir.operand, event), ir.operand.type);
            case 'arithmetic':
                return this.arithmetic(ir.operator, this.value(ir.left, event), this.value(ir.right, event));
            case 'negate': {
                const operand = this.value(ir.operand, event);
                const fn = operand.fn as Fn<number | undefined>;
                return this.fold((s) => {
                    const a = fn(s);
                    return a === undefined ? undefined : -a;
                }, operand.constant);
            }
            case 'call': {
                const args = ir.args.map((a) => this.value(a, event));
                const fn = compileFunction(ir.function, { args: args.map((a) => a.fn), argTypes: ir.args.map((a) => a.type), type: ir.type, clock: this.clock, today: this.today });
                return this.fold(fn, args.every((a) => a.constant));
            }
            case 'aggregate':
                return { fn: this.aggregate(ir), constant: false };
            case 'condition': {
                const condition = this.condition(ir.condition, event, undefined);
                const fn = condition.fn;
                return this.fold((s) => {
                    const t = fn(s);
                    return t === TRUE ? true : t === FALSE ? false : undefined;
                }, condition.constant);
            }
            default:
                throw new SegmentEngineError(`Unknown value kind ${JSON.stringify((ir as { kind: unknown }).kind)} in the segment IR.`);
        }
    }

    protected literal(ir: Extract<ValueIR, { kind: 'literal' }>): unknown {
        switch (ir.type) {
            case 'date': {
                const days = parseCivilDate(ir.value);
                if (days === undefined) throw new SegmentEngineError(`Invalid date literal ${JSON.stringify(ir.value)} in the segment IR.`);
                return days;
            }
            case 'datetime': {
                const ms = parseIsoInstant(ir.value, this.clock);
                if (ms !== ms) throw new SegmentEngineError(`Invalid datetime literal ${JSON.stringify(ir.value)} in the segment IR.`);
                return ms;
            }
            case 'null':
                return undefined;
            default:
                return ir.value;
        }
    }

    /** The reader of a stored field, converting its raw value and counting what it cannot read. */
    field(name: string): Fn {
        let reader = this.fieldReaders.get(name);
        if (reader === undefined) {
            const field = this.fields.get(name);
            if (field === undefined) throw new SegmentEngineError(`Unknown field ${JSON.stringify(name)} in the segment IR.`);
            reader = this.reader(field.type, field.path, this.state.quality.slotOf(name), false);
            this.fieldReaders.set(name, reader);
        }
        return reader;
    }

    /** Reads `path` of the record (or of the current event), converted to `type`, with fast paths for values already of the type. */
    protected reader(type: FieldIR['type'], path: readonly string[], slot: number, ofEvent: boolean): Fn {
        const access = accessorFor(path);
        const convert = conversionFor(type, this.clock);
        const quality = this.state.quality;
        const slow = (raw: unknown, s: EvaluationState): unknown => {
            const value = convert(raw);
            if (value === UNREADABLE) {
                quality.unreadable(slot, s.generation, !ofEvent);
                return undefined;
            }
            return value;
        };
        const source = ofEvent ? (s: EvaluationState) => s.event : (s: EvaluationState) => s.record;
        switch (type) {
            case 'number':
                return ofEvent
                    ? (s) => {
                          const raw = access(s.event);
                          return typeof raw === 'number' && raw - raw === 0 ? raw : slow(raw, s);
                      }
                    : (s) => {
                          const raw = access(s.record);
                          return typeof raw === 'number' && raw - raw === 0 ? raw : slow(raw, s);
                      };
            case 'text':
            case 'enum':
                return ofEvent
                    ? (s) => {
                          const raw = access(s.event);
                          return typeof raw === 'string' ? raw : slow(raw, s);
                      }
                    : (s) => {
                          const raw = access(s.record);
                          return typeof raw === 'string' ? raw : slow(raw, s);
                      };
            case 'datetime': {
                const clock = this.clock;
                return (s) => {
                    const raw = access(source(s));
                    if (typeof raw === 'string') {
                        const ms = parseIsoInstant(raw, clock);
                        if (ms === ms) return ms;
                    }
                    return slow(raw, s);
                };
            }
            case 'date':
                return (s) => {
                    const raw = access(source(s));
                    if (typeof raw === 'string' && raw.length === 10) {
                        const days = parseCivilDate(raw);
                        if (days !== undefined) return days;
                    }
                    return slow(raw, s);
                };
            default:
                return (s) => slow(access(source(s)), s);
        }
    }

    /** A calculated field, evaluated at most once per record (memoised), unless it reads nothing of the record. */
    protected calculated(name: string): Compiled {
        const cached = this.calculatedReaders.get(name);
        if (cached !== undefined) return { fn: cached, constant: false };
        const declaration = this.calculatedFields.get(name);
        if (declaration === undefined) throw new SegmentEngineError(`Unknown calculated field ${JSON.stringify(name)} in the segment IR.`);
        const inner = this.value(declaration.value);
        if (inner.constant) return inner;
        const slot = this.state.allocateMemo();
        const compute = inner.fn;
        const fn: Fn = (s) => {
            if (s.memoGeneration[slot] === s.generation) return s.memoValue[slot];
            const value = compute(s);
            s.memoGeneration[slot] = s.generation;
            s.memoValue[slot] = value;
            return value;
        };
        this.calculatedReaders.set(name, fn);
        return { fn, constant: false };
    }

    protected requireEvent(event: EventIR | undefined, name: string): EventIR {
        if (event === undefined) throw new SegmentEngineError(`The event property ${JSON.stringify(name)} is used outside of an event's \`where\` in the segment IR.`);
        return event;
    }

    /** A property of the event occurrence being looked at; unreadable values are counted per occurrence. */
    protected eventProperty(event: EventIR, name: string): Fn {
        const property = event.properties.find((p) => p.name === name);
        if (property === undefined) throw new SegmentEngineError(`Unknown property ${JSON.stringify(name)} of event ${JSON.stringify(event.name)} in the segment IR.`);
        return this.reader(property.type, property.path, this.state.quality.slotOf(`${event.name}.${name}`), true);
    }

    protected shift(ir: Extract<ValueIR, { kind: 'shift' }>, event: EventIR | undefined): Compiled {
        const base = this.value(ir.base, event);
        const fn = base.fn as Fn<number | undefined>;
        const { amount, unit } = ir;
        if (ir.type === 'date' && ir.base.type === 'date') {
            const move =
                unit === 'months' || unit === 'years'
                    ? (d: number) => addMonthsToDays(d, unit === 'years' ? amount * 12 : amount)
                    : (d: number) => d + (unit === 'weeks' ? amount * 7 : unit === 'days' ? amount : 0);
            return this.fold((s) => {
                const d = fn(s);
                return d === undefined ? undefined : move(d);
            }, base.constant);
        }
        const instant = ir.base.type === 'date' ? this.asDateTime(base, 'date').fn : fn;
        const clock = this.clock;
        return this.fold((s) => {
            const ms = instant(s) as number | undefined;
            return ms === undefined ? undefined : clock.shiftInstant(ms, amount, unit);
        }, base.constant);
    }

    /** A date or datetime value as a calendar date (days) in this zone. */
    protected asDate(value: Compiled, type: ValueTypeIR): Compiled {
        if (type !== 'datetime') return value;
        const fn = value.fn as Fn<number | undefined>;
        const clock = this.clock;
        return this.fold((s) => {
            const ms = fn(s);
            return ms === undefined ? undefined : clock.dateOf(ms);
        }, value.constant);
    }

    /** A date or datetime value as an instant: a date means its start of day in this zone. */
    protected asDateTime(value: Compiled, type: ValueTypeIR): Compiled {
        if (type !== 'date') return value;
        const fn = value.fn as Fn<number | undefined>;
        const clock = this.clock;
        return this.fold((s) => {
            const days = fn(s);
            return days === undefined ? undefined : clock.startOfDay(days);
        }, value.constant);
    }

    protected arithmetic(operator: '+' | '-' | '*' | '/', left: Compiled, right: Compiled): Compiled {
        const l = left.fn as Fn<number | undefined>;
        const r = right.fn as Fn<number | undefined>;
        const apply: (a: number, b: number) => number | undefined =
            operator === '+' ? (a, b) => a + b : operator === '-' ? (a, b) => a - b : operator === '*' ? (a, b) => a * b : (a, b) => (b === 0 ? undefined : a / b);
        return this.fold((s) => {
            const a = l(s);
            if (a === undefined) return undefined;
            const b = r(s);
            if (b === undefined) return undefined;
            const result = apply(a, b);
            return result !== undefined && result - result === 0 ? result : undefined;
        }, left.constant && right.constant);
    }

    // -----------------------------------------------------------------------------------------
    // Events

    /** The stream of an event of the schema; its occurrences are those whose `event` is its name in the source. */
    protected stream(name: string): { decl: EventIR; index: number; sourceName: string } {
        const decl = this.eventDecls.get(name);
        if (decl === undefined) throw new SegmentEngineError(`Unknown event ${JSON.stringify(name)} in the segment IR.`);
        const sourceName = decl.path ? decl.path.join('.') : decl.name;
        return { decl, index: this.state.streamOf(sourceName), sourceName };
    }

    /** A window's bounds as instants; a date bound covers its whole day. */
    protected window(window: WindowIR | undefined, event: EventIR | undefined): WindowBounds {
        const start = window?.start ? this.asDateTime(this.value(window.start, event), window.start.type) : this.constant(-Infinity);
        if (!window?.end) return { start: start as Compiled<number | undefined>, end: this.constant(Infinity) as Compiled<number | undefined>, endExclusive: false };
        const end = this.value(window.end, event);
        if (window.end.type !== 'date') return { start: start as Compiled<number | undefined>, end: end as Compiled<number | undefined>, endExclusive: false };
        const days = end.fn as Fn<number | undefined>;
        const clock = this.clock;
        const next = this.fold((s) => {
            const d = days(s);
            return d === undefined ? undefined : clock.startOfDay(d + 1);
        }, end.constant);
        return { start: start as Compiled<number | undefined>, end: next as Compiled<number | undefined>, endExclusive: true };
    }

    /**
     * The number of matching occurrences of a `performed` or `count`; the scan stops at `limit`
     * matches (see {@link decisiveCount}).
     */
    protected counter(event: string, window: WindowIR | undefined, where: ConditionIR | undefined, outer: EventIR | undefined, limit = Infinity): Fn<number | undefined> {
        const { decl } = this.stream(event);
        const filter = where ? this.condition(where, decl, undefined).fn : undefined;
        return this.scan(event, this.window(window, outer), filter, undefined, limit);
    }

    /** A scan of an event stream of the schema; see {@link compileScan}. */
    protected scan(event: string, window: WindowBounds, where: Fn<Truth> | undefined, visit: ((s: EvaluationState, at: number) => void) | undefined, limit: number): Fn<number | undefined> {
        const { index, sourceName } = this.stream(event);
        const bounds = { start: window.start.fn, end: window.end.fn, endExclusive: window.endExclusive };
        return compileScan({ stream: index, sourceName, window: bounds, where, visit, limit }, this.state.clock);
    }

    protected aggregate(ir: AggregateIR): Fn {
        if (ir.function === 'count') return this.counter(ir.event, ir.window, ir.where, undefined);
        const { decl } = this.stream(ir.event);
        const bounds = this.window(ir.window, undefined);
        const filter = ir.where ? this.condition(ir.where, decl, undefined).fn : undefined;
        const property = ir.property !== undefined ? this.eventProperty(decl, ir.property) : undefined;
        // Accumulators live in the closure; an aggregate cannot re-enter itself.
        let sum = 0;
        let seen = 0;
        let least = Infinity;
        let most = -Infinity;
        const collect = (s: EvaluationState, at: number): void => {
            const value = property === undefined ? at : (property(s) as number | undefined);
            if (value === undefined) return;
            sum += value;
            seen++;
            if (value < least) least = value;
            if (value > most) most = value;
        };
        const run = this.scan(ir.event, bounds, filter, collect, Infinity);
        const fn = ir.function;
        return (s) => {
            sum = 0;
            seen = 0;
            least = Infinity;
            most = -Infinity;
            if (run(s) === undefined) return undefined;
            switch (fn) {
                case 'sum':
                    return sum;
                case 'avg':
                    return seen === 0 ? undefined : sum / seen;
                case 'min':
                case 'first_performed':
                    return seen === 0 ? undefined : least;
                default:
                    return seen === 0 ? undefined : most;
            }
        };
    }

    // -----------------------------------------------------------------------------------------
    // Conditions

    /**
     * Compiles a condition; `event` is the event whose `where` it is, if any; `probe`, when
     * given, instruments this condition and those under it (explain).
     */
    condition(ir: ConditionIR, event: EventIR | undefined, probe: Probe | undefined): Compiled<Truth> {
        const operands: ProbedOperand[] = [];
        const built = this.conditionClosure(ir, event, probe, operands);
        if (probe === undefined) return built;
        return { fn: probe.condition(ir, built.fn, operands), constant: false };
    }

    protected conditionClosure(ir: ConditionIR, event: EventIR | undefined, probe: Probe | undefined, operands: ProbedOperand[]): Compiled<Truth> {
        const domain = 'domain' in ir ? ir.domain : undefined;
        const operand = (role: string, value: ValueIR, compiled: Compiled): Compiled => {
            operands.push({ role, fn: compiled.fn, type: domain === 'date' || domain === 'datetime' ? domain : value.type });
            return compiled;
        };
        switch (ir.kind) {
            case 'and':
            case 'or':
                return this.junction(
                    ir.kind,
                    ir.operands.map((o) => this.condition(o, event, probe)),
                    probe !== undefined,
                );
            case 'not': {
                const inner = this.condition(ir.operand, event, probe);
                const fn = inner.fn;
                return this.fold((s) => (2 - fn(s)) as Truth, inner.constant);
            }
            case 'compare': {
                const left = operand('left', ir.left, this.operand(ir.left, ir.domain, event));
                const right = operand('right', ir.right, this.operand(ir.right, ir.domain, event));
                return this.compare(ir.operator, ir.domain === 'text', left, right);
            }
            case 'between': {
                const subject = operand('subject', ir.subject, this.operand(ir.subject, ir.domain, event));
                const low = operand('low', ir.low, this.operand(ir.low, ir.domain, event));
                const high = operand('high', ir.high, this.operand(ir.high, ir.domain, event));
                return this.negate(this.between(ir.domain === 'text', subject, low, high), ir.negated);
            }
            case 'in': {
                const subject = operand('subject', ir.subject, this.operand(ir.subject, ir.domain, event));
                const values = ir.values.map((v) => this.operand(v, ir.domain, event));
                operands.push({ role: 'values', fn: (s) => values.map((v) => v.fn(s)), type: ir.domain === 'date' || ir.domain === 'datetime' ? ir.domain : ir.subject.type });
                return this.negate(this.membership(ir.domain === 'text', subject, values), ir.negated);
            }
            case 'text': {
                const subject = operand('subject', ir.subject, this.value(ir.subject, event));
                const pattern = operand('pattern', ir.pattern, this.value(ir.pattern, event));
                return this.negate(this.textPredicate(ir.operator, ir.caseSensitive, subject, pattern), ir.negated);
            }
            case 'presence': {
                const subject = operand('subject', ir.subject, this.value(ir.subject, event));
                const fn = subject.fn;
                const test: Fn<Truth> =
                    ir.check === 'set'
                        ? (s) => (fn(s) !== undefined ? TRUE : FALSE)
                        : (s) => {
                              const v = fn(s);
                              return v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? TRUE : FALSE;
                          };
                return this.negate(this.fold(test, subject.constant), ir.negated);
            }
            case 'includes': {
                const subject = operand('subject', ir.subject, this.value(ir.subject, event));
                const values = ir.values.map((v) => this.value(v, event));
                operands.push({ role: 'values', fn: (s) => values.map((v) => v.fn(s)), type: ir.domain });
                return this.negate(this.includes(ir.quantifier, ir.domain === 'text', subject, values, ir.subject), ir.negated);
            }
            case 'performed': {
                // Explain shows the full count; plain evaluation stops where the answer is known.
                const limit = probe === undefined ? decisiveCount(ir.count.operator, ir.count.value) : Infinity;
                const count = this.counter(ir.event, ir.window, ir.where, event, limit);
                operands.push({ role: 'count', fn: count, type: 'number' });
                if (ir.window?.start) operands.push({ role: 'start', fn: this.value(ir.window.start, event).fn, type: ir.window.start.type });
                if (ir.window?.end) operands.push({ role: 'end', fn: this.value(ir.window.end, event).fn, type: ir.window.end.type });
                return { fn: compareWithConstant(ir.count.operator, count, ir.count.value), constant: false };
            }
            case 'inSegment': {
                const member = this.program.segmentMember(ir.segment);
                return { fn: (s) => (member(s) ? TRUE : FALSE), constant: false };
            }
            case 'inList':
                return this.inList(ir.list, operands);
            default:
                throw new SegmentEngineError(`Unknown condition kind ${JSON.stringify((ir as { kind: unknown }).kind)} in the segment IR.`);
        }
    }

    /** An operand of a comparison, in the representation of its domain (text is lower-cased later, where needed). */
    protected operand(ir: ValueIR, domain: string, event: EventIR | undefined): Compiled {
        const value = this.value(ir, event);
        if (domain === 'date') return this.asDate(value, ir.type);
        if (domain === 'datetime') return this.asDateTime(value, ir.type);
        return value;
    }

    protected lowerCased(value: Compiled): Compiled {
        const fn = value.fn as Fn<string | undefined>;
        return this.fold((s) => {
            const v = fn(s);
            return v === undefined ? undefined : v.toLowerCase();
        }, value.constant);
    }

    protected compare(operator: ComparisonOperator, text: boolean, left: Compiled, right: Compiled): Compiled<Truth> {
        const constant = left.constant && right.constant;
        if (text && (operator === '=' || operator === '!=')) {
            const negated = operator === '!=';
            if (right.constant) return this.fold(textEqualsConstant(left.fn, right.fn(this.state) as string | undefined, negated), constant);
            if (left.constant) return this.fold(textEqualsConstant(right.fn, left.fn(this.state) as string | undefined, negated), constant);
        }
        const l = text ? this.lowerCased(left) : left;
        const r = text ? this.lowerCased(right) : right;
        if (r.constant) return this.fold(compareWithConstant(operator, l.fn, r.fn(this.state)), constant);
        if (l.constant) return this.fold(compareWithConstant(flipOperator(operator), r.fn, l.fn(this.state)), constant);
        return this.fold(compareClosures(operator, l.fn, r.fn), constant);
    }

    /** `low <= subject and subject <= high`, in Kleene logic. */
    protected between(text: boolean, subject: Compiled, low: Compiled, high: Compiled): Compiled<Truth> {
        const x = (text ? this.lowerCased(subject) : subject).fn as Fn<number | undefined>;
        const lo = text ? this.lowerCased(low) : low;
        const hi = text ? this.lowerCased(high) : high;
        const constant = subject.constant && low.constant && high.constant;
        if (lo.constant && hi.constant) {
            const a = lo.fn(this.state) as number | undefined;
            const b = hi.fn(this.state) as number | undefined;
            if (a !== undefined && b !== undefined) {
                return this.fold((s) => {
                    const v = x(s);
                    return v === undefined ? UNKNOWN : v >= a && v <= b ? TRUE : FALSE;
                }, constant);
            }
        }
        const lowFn = lo.fn as Fn<number | undefined>;
        const highFn = hi.fn as Fn<number | undefined>;
        return this.fold((s) => {
            const v = x(s);
            if (v === undefined) return UNKNOWN;
            const a = lowFn(s);
            const b = highFn(s);
            const first = a === undefined ? UNKNOWN : a <= v ? TRUE : FALSE;
            const second = b === undefined ? UNKNOWN : v <= b ? TRUE : FALSE;
            return first < second ? first : second;
        }, constant);
    }

    /** `subject in (values)`: Kleene `or` of equalities; a set lookup when the values are constants. */
    protected membership(text: boolean, subject: Compiled, values: Compiled[]): Compiled<Truth> {
        const constant = subject.constant && values.every((v) => v.constant);
        const x = subject.fn;
        if (values.every((v) => v.constant)) {
            const present = values.map((v) => v.fn(this.state)).filter((v) => v !== undefined);
            const missing = present.length < values.length ? UNKNOWN : FALSE;
            const set = new Set<unknown>(present);
            if (text) {
                for (const v of present) set.add((v as string).toLowerCase());
                return this.fold((s) => {
                    const v = x(s) as string | undefined;
                    return v === undefined ? UNKNOWN : set.has(v) || set.has(v.toLowerCase()) ? TRUE : missing;
                }, constant);
            }
            return this.fold((s) => {
                const v = x(s);
                return v === undefined ? UNKNOWN : set.has(v) ? TRUE : missing;
            }, constant);
        }
        const subjectFn = (text ? this.lowerCased(subject) : subject).fn;
        const valueFns = values.map((v) => (text ? this.lowerCased(v) : v).fn);
        return this.fold((s) => {
            const v = subjectFn(s);
            if (v === undefined) return UNKNOWN;
            let result: Truth = FALSE;
            for (const valueFn of valueFns) {
                const w = valueFn(s);
                if (w === undefined) result = UNKNOWN;
                else if (w === v) return TRUE;
            }
            return result;
        }, constant);
    }

    protected textPredicate(operator: 'contains' | 'startsWith' | 'endsWith' | 'matches', caseSensitive: boolean, subject: Compiled, pattern: Compiled): Compiled<Truth> {
        const constant = subject.constant && pattern.constant;
        if (operator === 'matches') {
            const x = subject.fn as Fn<string | undefined>;
            const expressions = new Map<string, RegExp | undefined>();
            const regexOf = (source: string): RegExp | undefined => {
                if (!expressions.has(source)) {
                    let expression: RegExp | undefined;
                    try {
                        expression = new RegExp(source, caseSensitive ? '' : 'i');
                    } catch {
                        expression = undefined;
                    }
                    expressions.set(source, expression);
                }
                return expressions.get(source);
            };
            if (pattern.constant) {
                const source = pattern.fn(this.state) as string | undefined;
                const regex = source === undefined ? undefined : regexOf(source);
                if (regex === undefined) return this.constant(UNKNOWN);
                return this.fold((s) => {
                    const v = x(s);
                    return v === undefined ? UNKNOWN : regex.test(v) ? TRUE : FALSE;
                }, constant);
            }
            const p = pattern.fn as Fn<string | undefined>;
            return this.fold((s) => {
                const v = x(s);
                const source = p(s);
                if (v === undefined || source === undefined) return UNKNOWN;
                const regex = regexOf(source);
                return regex === undefined ? UNKNOWN : regex.test(v) ? TRUE : FALSE;
            }, constant);
        }
        const x = (caseSensitive ? subject : this.lowerCased(subject)).fn as Fn<string | undefined>;
        const p = (caseSensitive ? pattern : this.lowerCased(pattern)).fn as Fn<string | undefined>;
        const test: (v: string, q: string) => boolean = operator === 'contains' ? (v, q) => v.includes(q) : operator === 'startsWith' ? (v, q) => v.startsWith(q) : (v, q) => v.endsWith(q);
        const fixed = pattern.constant ? (p(this.state) as string | undefined) : undefined;
        if (fixed !== undefined && operator === 'contains') {
            return this.fold((s) => {
                const v = x(s);
                return v === undefined ? UNKNOWN : v.includes(fixed) ? TRUE : FALSE;
            }, constant);
        }
        return this.fold((s) => {
            const v = x(s);
            if (v === undefined) return UNKNOWN;
            const q = p(s);
            if (q === undefined) return UNKNOWN;
            return test(v, q) ? TRUE : FALSE;
        }, constant);
    }

    /**
     * `list includes any/all of (values)`: Kleene `or`/`and` over each value's membership. A stored
     * `list of text` field against constants is tested in place (see {@link textListIncludes}).
     */
    protected includes(quantifier: 'any' | 'all', text: boolean, subject: Compiled, values: Compiled[], subjectIR: ValueIR): Compiled<Truth> {
        const constant = subject.constant && values.every((v) => v.constant);
        const list = subject.fn as Fn<unknown[] | undefined>;
        const valueFns = values.map((v) => (text ? this.lowerCased(v) : v).fn);
        const contains = text ? (l: unknown[], w: unknown) => l.some((e) => e === w || (e as string).toLowerCase() === w) : (l: unknown[], w: unknown) => l.includes(w);
        const any = quantifier === 'any';
        const general = this.fold((s) => {
            const l = list(s);
            if (l === undefined) return UNKNOWN;
            let result: Truth = any ? FALSE : TRUE;
            for (const valueFn of valueFns) {
                const w = valueFn(s);
                const t = w === undefined ? UNKNOWN : contains(l, w) ? TRUE : FALSE;
                if (any ? t > result : t < result) result = t;
            }
            return result;
        }, constant);
        const field = subjectIR.kind === 'field' ? this.fields.get(subjectIR.name) : undefined;
        if (!text || field?.type !== 'list-of-text' || !values.every((v) => v.constant)) return general;
        const needles = valueFns.map((fn) => fn(this.state) as string | undefined);
        return { fn: textListIncludes(accessorFor(field.path), needles, any, general.fn), constant: false };
    }

    protected inList(name: string, operands: ProbedOperand[]): Compiled<Truth> {
        const list = this.program.bundle.lists[name];
        const values = this.program.lists.get(name);
        if (list === undefined || values === undefined) throw new SegmentEngineError(`The static list ${JSON.stringify(name)} is not available.`);
        const by = this.field(list.by);
        operands.push({ role: 'value', fn: by, type: this.fields.get(list.by)?.type ?? 'text' });
        return {
            fn: (s) => {
                const text = toText(by(s));
                return typeof text === 'string' ? (values.has(text.toLowerCase()) ? TRUE : FALSE) : UNKNOWN;
            },
            constant: false,
        };
    }

    protected junction(kind: 'and' | 'or', operands: Compiled<Truth>[], exhaustive: boolean): Compiled<Truth> {
        const constant = operands.every((o) => o.constant);
        const fns = operands.map((o) => o.fn);
        const stop = kind === 'and' ? FALSE : TRUE;
        if (exhaustive) {
            return this.fold((s) => {
                let result: Truth = kind === 'and' ? TRUE : FALSE;
                for (const fn of fns) {
                    const t = fn(s);
                    if (kind === 'and' ? t < result : t > result) result = t;
                }
                return result;
            }, constant);
        }
        if (fns.length === 2) {
            const [a, b] = fns;
            return this.fold(
                kind === 'and'
                    ? (s) => {
                          const x = a(s);
                          if (x === FALSE) return FALSE;
                          const y = b(s);
                          return x < y ? x : y;
                      }
                    : (s) => {
                          const x = a(s);
                          if (x === TRUE) return TRUE;
                          const y = b(s);
                          return x > y ? x : y;
                      },
                constant,
            );
        }
        return this.fold(
            kind === 'and'
                ? (s) => {
                      let result: Truth = TRUE;
                      for (const fn of fns) {
                          const t = fn(s);
                          if (t === stop) return stop;
                          if (t < result) result = t;
                      }
                      return result;
                  }
                : (s) => {
                      let result: Truth = FALSE;
                      for (const fn of fns) {
                          const t = fn(s);
                          if (t === stop) return stop;
                          if (t > result) result = t;
                      }
                      return result;
                  },
            constant,
        );
    }

    protected negate(condition: Compiled<Truth>, negated: boolean): Compiled<Truth> {
        if (!negated) return condition;
        const fn = condition.fn;
        return this.fold((s) => (2 - fn(s)) as Truth, condition.constant);
    }

    // -----------------------------------------------------------------------------------------

    protected constant<T>(value: T): Compiled<T> {
        return { fn: () => value, constant: true };
    }

    /** A closure, evaluated now if it reads nothing of the record. */
    protected fold<T>(fn: Fn<T>, constant: boolean): Compiled<T> {
        return constant ? this.constant(fn(this.state)) : { fn, constant: false };
    }
}
