import type { TraceNode, TraceValue } from '@segments/engine';
import type { TraceResult } from '@segments/language-server/protocol';
import { escapeHtml } from './html.js';

/** How a group condition reads in a trace. */
const GROUP_LABELS: Partial<Record<TraceNode['kind'], string>> = { and: 'all of', or: 'any of', not: 'not' };

/** A value of a trace as text: strings quoted, missing values as `missing`, lists in brackets. */
export function traceValueText(value: TraceValue): string {
    if (value === null) return 'missing';
    if (Array.isArray(value)) return `[${value.map(traceValueText).join(', ')}]`;
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The truth of a condition as a badge. */
function badge(truth: TraceNode['truth']): string {
    return `<span class="badge ${truth.toLowerCase()}">${truth}</span>`;
}

/** One condition of a trace with the values it compared, and its operands below it. */
export function renderTraceNode(node: TraceNode): string {
    const group = GROUP_LABELS[node.kind];
    const text = group ? `<span class="group">${group}</span>` : `<code>${escapeHtml(node.text)}</code>`;
    const values = Object.entries(node.values)
        .map(([role, value]) => `<span class="value"><span class="role">${escapeHtml(role)}</span> ${escapeHtml(traceValueText(value))}</span>`)
        .join('');
    const children = node.children.length > 0 ? `<ul>${node.children.map((child) => `<li>${renderTraceNode(child)}</li>`).join('')}</ul>` : '';
    return `<div class="trace-node" title="${escapeHtml(node.text)}">${badge(node.truth)} ${text}${values ? `<span class="values">${values}</span>` : ''}</div>${children}`;
}

/**
 * Why a sample record is or is not a member: the verdict, then `where` and `exclude` as trees of
 * conditions, each with its truth and the values it compared.
 */
export function renderTrace(result: TraceResult): string {
    switch (result.kind) {
        case 'trace': {
            const { trace } = result;
            const who = `<code>${escapeHtml(trace.key ?? '(no key)')}</code>`;
            const verdict = trace.member
                ? `${who} is a member of ${escapeHtml(result.segment.title)}`
                : trace.truth === 'UNKNOWN'
                  ? `${who} is not a member: the data does not say (UNKNOWN)`
                  : `${who} is not a member of ${escapeHtml(result.segment.title)}`;
            const exclude = trace.exclude
                ? `<h4><span class="clause">exclude</span></h4><ul class="trace-tree"><li>${renderTraceNode(trace.exclude)}</li></ul>`
                : '';
            return (
                `<h3>${badge(trace.truth)} ${verdict}</h3>` +
                `<h4><span class="clause">where</span></h4><ul class="trace-tree"><li>${renderTraceNode(trace.where)}</li></ul>` +
                exclude
            );
        }
        case 'not-found':
            return `<p class="notice">No record of the sample has the key <code>${escapeHtml(result.key)}</code>.</p>`;
        case 'failed':
            return `<p class="notice error">Cannot explain the record: ${escapeHtml(result.message)}</p>`;
        case 'errors':
            return '<p class="notice error">Fix the errors of the segment to explain its records.</p>';
        case 'no-preview':
            return '<p class="notice">The project has no sample data.</p>';
        case 'no-segment':
            return '<p class="notice">The segment is gone from its file.</p>';
    }
}
