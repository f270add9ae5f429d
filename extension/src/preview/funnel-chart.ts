import type { FunnelNode, TruthCounts } from '@segments/engine';
import { escapeHtml, formatCount, formatPercent } from './html.js';

/** The deepest indentation the chart draws; deeper conditions are drawn at this depth. */
export const MAX_CHART_DEPTH = 8;

/** The truth values in the order the bars stack them. */
const TRUTHS = ['TRUE', 'FALSE', 'UNKNOWN'] as const;

/** How a group condition reads in the chart. */
const GROUP_LABELS: Partial<Record<FunnelNode['kind'], string>> = { and: 'all of', or: 'any of', not: 'not' };

/** The legend of the chart's colours. */
export function renderLegend(): string {
    const items = TRUTHS.map((truth) => `<span class="legend-item"><span class="swatch ${truth.toLowerCase()}"></span>${truth}</span>`);
    return `<div class="legend" aria-hidden="true">${items.join('')}</div>`;
}

/**
 * A stacked horizontal bar of TRUE, FALSE and UNKNOWN counts, as inline SVG: the widths are SVG
 * attributes, so the page's Content-Security-Policy needs no inline styles.
 */
export function renderBar(counts: TruthCounts, total: number): string {
    const label = TRUTHS.map((truth) => `${formatCount(counts[truth])} ${truth}`).join(', ');
    let x = 0;
    const rects: string[] = [];
    for (const truth of TRUTHS) {
        const width = total > 0 ? (counts[truth] / total) * 100 : 0;
        if (width > 0) rects.push(`<rect class="${truth.toLowerCase()}" x="${round(x)}%" y="0" width="${round(width)}%" height="100%"></rect>`);
        x += width;
    }
    return `<svg class="bar" width="100%" height="12" role="img" aria-label="${escapeHtml(label)}"><rect class="track" x="0" y="0" width="100%" height="100%"></rect>${rects.join('')}</svg>`;
}

/**
 * The funnel: one row per condition of `where` (then `exclude`), indented by depth, with its
 * text, a stacked bar of how many records made it TRUE, FALSE or UNKNOWN, and the counts. A row
 * carries the condition's position (`data-line`, `data-character`, zero-based) so that the page
 * can reveal it in the editor.
 */
export function renderFunnelChart(nodes: readonly FunnelNode[], total: number): string {
    if (nodes.length === 0) return '';
    let clause = 'where';
    const rows = nodes.map((node, index) => {
        if (node.depth === 1 && index > 0) clause = 'exclude';
        return renderRow(node, total, node.depth === 1 ? clause : undefined);
    });
    return `<div class="funnel" role="list" aria-label="Conditions">${renderLegend()}${rows.join('')}</div>`;
}

/** One condition of the funnel; `clause` names `where` or `exclude` on their top-level condition. */
function renderRow(node: FunnelNode, total: number, clause: string | undefined): string {
    const depth = Math.min(Math.max(node.depth, 1), MAX_CHART_DEPTH);
    const group = GROUP_LABELS[node.kind];
    const text = group ? `<span class="group">${group}</span>` : `<code>${escapeHtml(node.text)}</code>`;
    const prefix = clause ? `<span class="clause">${clause}</span> ` : '';
    const counts = TRUTHS.map((truth) => `<span class="count ${truth.toLowerCase()}" title="${truth}">${formatCount(node.counts[truth])}</span>`).join('');
    return (
        `<div class="funnel-row depth-${depth}" role="listitem" tabindex="0" data-line="${node.source.line - 1}" data-character="${node.source.column - 1}" title="${escapeHtml(node.text)}">` +
        `<span class="condition">${prefix}${text}</span>` +
        renderBar(node.counts, total) +
        `<span class="counts">${counts}<span class="share">${formatPercent(node.counts.TRUE, total)}</span></span>` +
        '</div>'
    );
}

/** A percentage for an SVG attribute, with at most three decimals. */
function round(value: number): string {
    return String(Math.round(value * 1000) / 1000);
}
