import { IR_VERSION, SegmentBundleSchema, type SegmentBundleIR, type SegmentIR } from '@segments/ir';
import type { CompileOptions, CompiledSegment, DataQualityReport, EvaluationOptions, EventsInput, Funnel, InstantInput, SegmentEvaluator, SegmentTrace } from './api.js';
import type { Fn } from './compile/compiled.js';
import { EvaluationState } from './compile/evaluation-state.js';
import { SegmentProgram, verdict, type CompiledConditions } from './compile/segment-program.js';
import { SegmentEngineError } from './errors.js';
import { ExplainProbe } from './explain/explain-probe.js';
import { formatCivilDate } from './time/civil-dates.js';
import { parseIsoInstant } from './time/iso-instants.js';
import { ZoneClock } from './time/zone-clock.js';
import { Truth, truthName } from './truth.js';
import { accessorFor, type Accessor } from './values/accessors.js';
import { toText } from './values/conversions.js';

/**
 * Compiles a segment bundle (the IR of `segment compile --json`, or `services.ir.Lowering`).
 * Validates it with `SegmentBundleSchema`, refuses IR versions this engine does not know, and
 * reads every static list it uses from `options.lists`. Throws a {@link SegmentEngineError}.
 */
export function compileSegment(bundle: unknown, options: CompileOptions = {}): CompiledSegment {
    const version = typeof bundle === 'object' && bundle !== null ? (bundle as { irVersion?: unknown }).irVersion : undefined;
    if (version !== IR_VERSION) {
        throw new SegmentEngineError(`This engine reads segment IR version ${IR_VERSION}, not ${JSON.stringify(version)}: compile the segment with a matching version of the language.`);
    }
    const parsed = SegmentBundleSchema.safeParse(bundle);
    if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(bundle)'}: ${issue.message}`);
        throw new SegmentEngineError(`Not a valid segment IR bundle: ${issues.join('; ')}`);
    }
    return new EngineCompiledSegment(parsed.data, loadLists(parsed.data, options));
}

function loadLists(bundle: SegmentBundleIR, options: CompileOptions): Map<string, ReadonlySet<string>> {
    const lists = new Map<string, ReadonlySet<string>>();
    for (const list of Object.values(bundle.lists)) {
        if (options.lists === undefined) {
            throw new SegmentEngineError(`The segment uses the static list ${JSON.stringify(list.name)}: pass a list source (\`lists\`) to compileSegment.`);
        }
        const values = new Set<string>();
        for (const value of options.lists.values(list)) values.add(String(value).trim().toLowerCase());
        lists.set(list.name, values);
    }
    return lists;
}

/** The epoch milliseconds of an instant input; a string without an offset is read in `clock`'s zone. */
function instantOf(input: InstantInput, clock: ZoneClock): number {
    const ms = input instanceof Date ? input.getTime() : typeof input === 'number' ? input : typeof input === 'string' ? parseIsoInstant(input.trim(), clock) : NaN;
    if (!Number.isFinite(ms)) throw new SegmentEngineError(`Invalid \`now\` ${JSON.stringify(input)}: give a Date, an ISO-8601 string or epoch milliseconds.`);
    return ms;
}

class EngineCompiledSegment implements CompiledSegment {
    readonly name: string;
    readonly keyField: string;
    protected readonly clocks = new Map<string, ZoneClock>();

    constructor(
        readonly bundle: SegmentBundleIR,
        readonly lists: ReadonlyMap<string, ReadonlySet<string>>,
    ) {
        this.name = bundle.segment.name;
        this.keyField = bundle.schema.key;
    }

    /** The clock of a zone, kept across evaluations so that its offset cache stays warm. */
    clock(zone: string): ZoneClock {
        let clock = this.clocks.get(zone);
        if (clock === undefined) {
            clock = new ZoneClock(zone);
            this.clocks.set(zone, clock);
        }
        return clock;
    }

    prepare(options: EvaluationOptions): SegmentEvaluator {
        const override = options.timezone;
        const main = this.clock(override ?? this.bundle.segment.timezone);
        return new EngineEvaluator(this, main, instantOf(options.now, main), (segment) => this.clock(override ?? segment.timezone));
    }
}

/** The evaluator: the plain closures for `test`, and explain programs built on demand over the same state. */
export class EngineEvaluator implements SegmentEvaluator {
    readonly now: Date;
    readonly timezone: string;
    readonly today: string;
    protected readonly state: EvaluationState;
    protected readonly conditions: CompiledConditions;
    protected readonly keyAccess: Accessor;
    protected readonly keyRead: Fn;
    protected traced: { probe: ExplainProbe; conditions: CompiledConditions } | undefined;

    constructor(
        readonly compiled: EngineCompiledSegment,
        protected readonly clock: ZoneClock,
        protected readonly nowMs: number,
        protected readonly clockOf: (segment: SegmentIR) => ZoneClock,
    ) {
        this.now = new Date(nowMs);
        this.timezone = clock.zone;
        this.today = formatCivilDate(clock.dateOf(nowMs));
        this.state = new EvaluationState(clock);
        const program = this.program();
        this.conditions = program.conditions(compiled.bundle.segment);
        const schema = compiled.bundle.schema;
        const key = schema.fields.find((f) => f.name === schema.key);
        this.keyAccess = accessorFor(key?.path ?? [schema.key]);
        this.keyRead = program.builderFor(compiled.bundle.segment).field(schema.key);
    }

    /** A fresh program over this evaluator's state (each explain program gets its own closures). */
    protected program(): SegmentProgram {
        return new SegmentProgram(this.compiled.bundle, this.state, this.nowMs, this.compiled.lists, this.clockOf);
    }

    /** Starts a record: sets the state and counts a missing key. */
    protected begin(record: unknown, events: EventsInput | undefined): void {
        const state = this.state;
        state.begin(record, events);
        const key = this.keyRead(state);
        if (key === undefined || key === '') state.quality.recordsWithoutKey++;
    }

    test(record: unknown, events?: EventsInput): Truth {
        this.begin(record, events);
        return verdict(this.conditions, this.state);
    }

    isMember(record: unknown, events?: EventsInput): boolean {
        this.begin(record, events);
        return verdict(this.conditions, this.state) === Truth.TRUE;
    }

    keyOf(record: unknown): string | undefined {
        if (typeof record !== 'object' || record === null) return undefined;
        const key = toText(this.keyAccess(record as Record<string, unknown>));
        return typeof key === 'string' && key !== '' ? key : undefined;
    }

    get quality(): DataQualityReport {
        return this.state.quality.report();
    }

    trace(record: unknown, events?: EventsInput): SegmentTrace {
        if (this.traced === undefined) {
            const probe = new ExplainProbe(true);
            this.traced = { probe, conditions: this.program().conditions(this.compiled.bundle.segment, probe) };
        }
        const { probe, conditions } = this.traced;
        this.begin(record, events);
        const truth = verdict(conditions, this.state, true);
        const segment = this.compiled.bundle.segment;
        return {
            key: this.keyOf(record),
            member: truth === Truth.TRUE,
            truth: truthName(truth),
            where: probe.trace(segment.where),
            ...(segment.exclude && { exclude: probe.trace(segment.exclude) }),
        };
    }

    /** A funnel over this evaluator's closures; see {@link createFunnel}. */
    funnel(): Funnel {
        const probe = new ExplainProbe(false);
        const segment = this.compiled.bundle.segment;
        const conditions = this.program().conditions(segment, probe);
        let total = 0;
        let members = 0;
        return {
            add: (record, events) => {
                this.begin(record, events);
                const truth = verdict(conditions, this.state, true);
                total++;
                if (truth === Truth.TRUE) members++;
                return truth;
            },
            report: () => ({ total, members, nodes: probe.funnel(segment) }),
        };
    }
}
