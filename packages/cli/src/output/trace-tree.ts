import type { SegmentTrace, TraceNode, TruthName } from '@segments/engine';
import type { ConditionIR, SegmentBundleIR } from '@segments/language';
import type { KeyTraces } from '../evaluation/record-tracer.js';
import { paint, type Style } from './ansi.js';
import { describeTraceValues } from './trace-values.js';

/** The widest a condition's text is in a trace, its indent included; longer texts are cut with `…`. */
const TEXT_WIDTH = 60;

/** The marker of each truth value, and its colour on a terminal. */
const markers: Record<TruthName, { readonly symbol: string; readonly style: Style }> = {
    TRUE: { symbol: '✓', style: 'green' },
    FALSE: { symbol: '✗', style: 'red' },
    UNKNOWN: { symbol: '?', style: 'yellow' },
};

/**
 * The `--trace` report: for each key asked for, in order, its trace against each segment (see
 * {@link formatTrace}), or `KEY: no record with this key`; blocks separated by blank lines.
 * `bundles` are the segments, in the order of each key's traces.
 */
export function formatTraces(results: readonly KeyTraces[], bundles: readonly SegmentBundleIR[], color: boolean): string {
    const blocks = results.flatMap(({ key, traces }) =>
        traces === undefined ? [`${paint(key, color, 'bold')}: no record with this key\n`] : traces.map((trace, index) => formatTrace(key, trace, bundles[index]!, color)),
    );
    return blocks.join('\n');
}

/**
 * Why one record is in or out of a segment: a header (`c-1 is IN adults`, or
 * `c-1 is NOT in adults (where is UNKNOWN)`), then each condition of `where` and `exclude`,
 * indented by depth, with its truth (✓ TRUE, ✗ FALSE, ? UNKNOWN) and the values it compared:
 *
 * ```
 * c-1 is NOT in adults (where is FALSE)
 *   where age >= 21 and country = "US"  ✗
 *     age >= 21                         ✗  age = 17
 *     country = "US"                    ✓  country = "us"
 * ```
 */
export function formatTrace(key: string, trace: SegmentTrace, bundle: SegmentBundleIR, color: boolean): string {
    const conditions = conditionsById(bundle);
    const rows: Array<{ text: string; truth: TruthName; values: string }> = [];
    const visit = (node: TraceNode, depth: number, clause: string | undefined): void => {
        const indent = '  '.repeat(depth);
        const prefix = clause === undefined ? '' : `${clause} `;
        rows.push({ text: indent + cut(prefix + oneLine(node.text), TEXT_WIDTH - indent.length), truth: node.truth, values: describeTraceValues(node, conditions.get(node.id), bundle.lists) });
        for (const child of node.children) visit(child, depth + 1, undefined);
    };
    visit(trace.where, 1, 'where');
    if (trace.exclude) visit(trace.exclude, 1, 'exclude');
    const width = Math.max(...rows.map((row) => row.text.length));
    const lines = rows.map(({ text, truth, values }) => {
        const marker = paint(markers[truth].symbol, color, markers[truth].style);
        return `${text.padEnd(width)}  ${marker}  ${values}`.trimEnd();
    });
    return `${[header(key, trace, bundle.segment.name, color), ...lines].join('\n')}\n`;
}

/** `c-1 is IN adults`, or `c-1 is NOT in adults (where is UNKNOWN)` with what kept it out. */
function header(key: string, trace: SegmentTrace, segment: string, color: boolean): string {
    const name = paint(segment, color, 'bold');
    const subject = paint(key, color, 'bold');
    if (trace.member) return `${subject} is ${paint('IN', color, 'green')} ${name}`;
    const reasons = [...(trace.where.truth === 'TRUE' ? [] : [`where is ${trace.where.truth}`]), ...(trace.exclude?.truth === 'TRUE' ? ['exclude is TRUE'] : [])];
    return `${subject} is ${paint('NOT in', color, 'red')} ${name} (${reasons.join(', ')})`;
}

/** The conditions of a segment's `where` and `exclude` trees, by id. */
function conditionsById(bundle: SegmentBundleIR): Map<string, ConditionIR> {
    const conditions = new Map<string, ConditionIR>();
    const visit = (condition: ConditionIR): void => {
        conditions.set(condition.id, condition);
        if (condition.kind === 'and' || condition.kind === 'or') condition.operands.forEach(visit);
        else if (condition.kind === 'not') visit(condition.operand);
    };
    visit(bundle.segment.where);
    if (bundle.segment.exclude) visit(bundle.segment.exclude);
    return conditions;
}

/** A condition's text on one line. */
function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** The text cut to `room` characters, ending with `…` when cut. */
function cut(text: string, room: number): string {
    return text.length > room ? `${text.slice(0, room - 1)}…` : text;
}
