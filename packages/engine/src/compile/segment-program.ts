import type { SegmentBundleIR, SegmentIR } from '@segments/ir';
import { SegmentEngineError } from '../errors.js';
import { Truth } from '../truth.js';
import type { ZoneClock } from '../time/zone-clock.js';
import { ClosureBuilder, type ProgramContext } from './closure-builder.js';
import type { Fn, Probe } from './compiled.js';
import type { EvaluationState } from './evaluation-state.js';

const { FALSE, TRUE } = Truth;

/** The compiled conditions of one segment. */
export interface CompiledConditions {
    where: Fn<Truth>;
    exclude: Fn<Truth> | undefined;
}

/**
 * The segment's truth from its clauses: TRUE for a member, FALSE when `where` is FALSE or
 * `exclude` TRUE, else UNKNOWN. `exhaustive` evaluates `exclude` even when `where` is FALSE (explain).
 */
export function verdict(conditions: CompiledConditions, state: EvaluationState, exhaustive = false): Truth {
    const where = conditions.where(state);
    if (where === FALSE && !exhaustive) return FALSE;
    const exclude = conditions.exclude;
    if (exclude !== undefined && exclude(state) === TRUE) return FALSE;
    return where;
}

/**
 * The closures of a bundle at one instant: one {@link ClosureBuilder} per time zone (each
 * segment is evaluated in its own zone unless the evaluation overrides it), referenced segments
 * compiled once and memoised per record.
 */
export class SegmentProgram implements ProgramContext {
    protected readonly builders = new Map<string, ClosureBuilder>();
    protected readonly members = new Map<string, Fn<boolean>>();

    constructor(
        readonly bundle: SegmentBundleIR,
        readonly state: EvaluationState,
        readonly now: number,
        readonly lists: ReadonlyMap<string, ReadonlySet<string>>,
        protected readonly clockOf: (segment: SegmentIR) => ZoneClock,
    ) {}

    /** The builder of a segment's zone. */
    builderFor(segment: SegmentIR): ClosureBuilder {
        const clock = this.clockOf(segment);
        let builder = this.builders.get(clock.zone);
        if (builder === undefined) {
            builder = new ClosureBuilder(this, clock);
            this.builders.set(clock.zone, builder);
        }
        return builder;
    }

    /** Compiles a segment's `where` and `exclude`, instrumented by `probe` if given. */
    conditions(segment: SegmentIR, probe?: Probe): CompiledConditions {
        const builder = this.builderFor(segment);
        return {
            where: builder.condition(segment.where, undefined, probe).fn,
            exclude: segment.exclude ? builder.condition(segment.exclude, undefined, probe).fn : undefined,
        };
    }

    segmentMember(name: string): Fn<boolean> {
        let member = this.members.get(name);
        if (member === undefined) {
            const segment = this.bundle.segments[name];
            if (segment === undefined) throw new SegmentEngineError(`The segment ${JSON.stringify(name)} is not in the bundle's \`segments\`.`);
            const conditions = this.conditions(segment);
            const slot = this.state.allocateMemo();
            member = (s) => {
                if (s.memoGeneration[slot] === s.generation) return s.memoValue[slot] as boolean;
                const value = verdict(conditions, s) === TRUE;
                s.memoGeneration[slot] = s.generation;
                s.memoValue[slot] = value;
                return value;
            };
            this.members.set(name, member);
        }
        return member;
    }
}
