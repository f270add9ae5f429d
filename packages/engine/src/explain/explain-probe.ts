import type { ConditionIR, SegmentIR, ValueTypeIR } from '@segments/ir';
import type { FunnelNode, TraceNode, TraceValue } from '../api.js';
import type { Fn, Probe, ProbedOperand } from '../compile/compiled.js';
import { formatCivilDate } from '../time/civil-dates.js';
import { Truth, truthName } from '../truth.js';

/** What explain knows of one condition: its last truth and operand values, and its counts. */
interface ProbedCondition {
    operands: readonly ProbedOperand[];
    truth: Truth;
    values: unknown[];
    counts: [number, number, number];
}

/**
 * The probe of explain: wraps every condition of a segment's `where` and `exclude` trees so that
 * it counts its truth values (the funnel) and, when `recordValues` is set, remembers the values
 * its operands had (the trace). The closures it wraps are the evaluator's own.
 */
export class ExplainProbe implements Probe {
    protected readonly probed = new Map<string, ProbedCondition>();

    constructor(protected readonly recordValues: boolean) {}

    condition(ir: ConditionIR, fn: Fn<Truth>, operands: readonly ProbedOperand[]): Fn<Truth> {
        const probed: ProbedCondition = { operands, truth: Truth.UNKNOWN, values: [], counts: [0, 0, 0] };
        this.probed.set(ir.id, probed);
        const recordValues = this.recordValues;
        return (s) => {
            const truth = fn(s);
            probed.truth = truth;
            probed.counts[truth]++;
            if (recordValues) probed.values = operands.map((o) => o.fn(s));
            return truth;
        };
    }

    /** The trace tree of a condition, from the values of the last evaluation. */
    trace(ir: ConditionIR): TraceNode {
        const probed = this.probed.get(ir.id);
        const values: Record<string, TraceValue> = {};
        probed?.operands.forEach((operand, i) => {
            values[operand.role] = traceValue(probed.values[i], operand.type);
        });
        return {
            id: ir.id,
            kind: ir.kind,
            text: ir.source.text,
            source: ir.source,
            truth: truthName(probed?.truth ?? Truth.UNKNOWN),
            values,
            children: childrenOf(ir).map((child) => this.trace(child)),
        };
    }

    /** The funnel nodes of a segment: `where`, then `exclude`, depth first. */
    funnel(segment: SegmentIR): FunnelNode[] {
        const nodes: FunnelNode[] = [];
        const visit = (ir: ConditionIR, depth: number, parent: string | undefined): void => {
            const counts = this.probed.get(ir.id)?.counts ?? [0, 0, 0];
            nodes.push({
                id: ir.id,
                kind: ir.kind,
                text: ir.source.text,
                source: ir.source,
                depth,
                ...(parent !== undefined && { parent }),
                counts: { TRUE: counts[Truth.TRUE], FALSE: counts[Truth.FALSE], UNKNOWN: counts[Truth.UNKNOWN] },
            });
            for (const child of childrenOf(ir)) visit(child, depth + 1, ir.id);
        };
        visit(segment.where, 1, undefined);
        if (segment.exclude) visit(segment.exclude, 1, undefined);
        return nodes;
    }
}

/** The operands of `and`, `or` and `not`. */
function childrenOf(ir: ConditionIR): ConditionIR[] {
    return ir.kind === 'and' || ir.kind === 'or' ? ir.operands : ir.kind === 'not' ? [ir.operand] : [];
}

/** A value for display: dates as `YYYY-MM-DD`, datetimes as ISO-8601 UTC, missing as `null`. */
export function traceValue(value: unknown, type: ValueTypeIR): TraceValue {
    if (value === undefined || value === null) return null;
    if (Array.isArray(value)) return value.map((v) => traceValue(v, type));
    if (typeof value === 'number') {
        if (type === 'date') return formatCivilDate(value);
        if (type === 'datetime') return Math.abs(value) <= 8.64e15 ? new Date(value).toISOString() : null;
        return value;
    }
    return typeof value === 'string' || typeof value === 'boolean' ? value : null;
}
