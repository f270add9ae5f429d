import type { PreviewReady, PreviewResult, PreviewRow, SegmentSummary } from '@segments/language-server/protocol';
import { MAX_CHART_DEPTH, renderBar, renderFunnelChart } from './funnel-chart.js';
import { countOf, escapeHtml, formatCount, formatPercent } from './html.js';

/** What the page needs from the webview it is shown in. */
export interface PreviewPageOptions {
    /** A fresh random value per rendering, allowing the page's one `<style>` and one `<script>`. */
    nonce: string;
    /** The webview's `cspSource`. */
    cspSource: string;
    /** The HTML of a record's trace to show at once (the selection survives a refresh). */
    traceHtml?: string;
    /** The key of the selected record. */
    selectedKey?: string;
}

/** The example `preview` section the page suggests when a project has none. */
export const PREVIEW_SNIPPET = `"preview": {
  "data": "data/contacts.ndjson",
  "now": "2026-03-15T00:00:00Z"
}`;

/** The page's title: the segment's title, or a neutral one. */
export function previewTitle(result: PreviewResult | undefined): string {
    const segment = result && 'segment' in result ? result.segment : undefined;
    return segment ? `Preview: ${segment.title}` : 'Segment Preview';
}

/** The headline of a ready preview: `1,284 of 50,000 contacts (2.6%)`. */
export function memberHeadline(result: PreviewReady): string {
    return `${formatCount(result.members)} of ${countOf(result.total, result.segment.noun)} (${formatPercent(result.members, result.total)})`;
}

/**
 * The whole page of a preview: a strict Content-Security-Policy (no network, the one style and
 * script allowed by their nonce), VS Code's theme colours, and the body of {@link renderPreviewBody}.
 */
export function renderPreviewPage(result: PreviewResult | undefined, options: PreviewPageOptions): string {
    const nonce = escapeHtml(options.nonce);
    const csp = [`default-src 'none'`, `img-src ${options.cspSource} data:`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(previewTitle(result))}</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
${renderPreviewBody(result, options)}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/** The content of the page for each kind of result. */
export function renderPreviewBody(result: PreviewResult | undefined, options: Pick<PreviewPageOptions, 'traceHtml' | 'selectedKey'> = {}): string {
    if (!result) return '<main><p class="notice">Computing the preview…</p></main>';
    switch (result.kind) {
        case 'ready':
            return `<main>${renderHeader(result.segment)}${renderReady(result, options)}</main>`;
        case 'no-preview':
            return (
                `<main>${renderHeader(result.segment)}<section class="notice">` +
                `<p>Previews evaluate the segment on sample records of the project. Add a <code>preview</code> section to ` +
                `<code>${escapeHtml(result.configFile)}</code>${result.configExists ? '' : ' (create the file: its folder becomes the project)'}:</p>` +
                `<pre><code>${escapeHtml(PREVIEW_SNIPPET)}</code></pre>` +
                '<p><code>data</code> is a file of sample records, one JSON object per line (<code>.ndjson</code>), relative to the configuration file; ' +
                '<code>events</code> (optional) a file of their events, one <code>{ "contact": KEY, "event": NAME, "at": ... }</code> per line; ' +
                '<code>now</code> (optional) the instant to evaluate at, so that counts stay the same from day to day.</p>' +
                '<p>Or name a sample in the setting <code>segments.preview.data</code> (it overrides the configuration files).</p>' +
                '</section></main>'
            );
        case 'errors':
            return (
                `<main>${renderHeader(result.segment)}<section class="notice error"><p>Fix the errors of this file to preview the segment:</p><ul class="problems">` +
                result.errors
                    .map((error) => `<li class="reveal" tabindex="0" data-line="${error.line}" data-character="0">line ${error.line + 1}: ${escapeHtml(error.message)}${error.code ? ` <code>${escapeHtml(error.code)}</code>` : ''}</li>`)
                    .join('') +
                '</ul></section></main>'
            );
        case 'failed':
            return `<main>${result.segment ? renderHeader(result.segment) : ''}<section class="notice error"><p>The preview failed: ${escapeHtml(result.message)}</p></section></main>`;
        case 'no-segment':
            return `<main><section class="notice"><p>${result.name ? `There is no segment <code>${escapeHtml(result.name)}</code> in this file.` : 'This file declares no segment.'}</p></section></main>`;
    }
}

/** The segment's title, name, schema and description. */
function renderHeader(segment: SegmentSummary): string {
    const description = segment.description ? `<p class="description">${escapeHtml(segment.description)}</p>` : '';
    return (
        `<header><h1>${escapeHtml(segment.title)}</h1>` +
        `<p class="subtitle"><code class="reveal" tabindex="0" data-line="${segment.line}" data-character="0">${escapeHtml(segment.name)}</code>${segment.schema ? ` of ${escapeHtml(segment.schema)}` : ''}</p>` +
        `${description}</header>`
    );
}

/** The member count, the funnel, the sample tables and the trace of the selected record. */
function renderReady(result: PreviewReady, options: Pick<PreviewPageOptions, 'traceHtml' | 'selectedKey'>): string {
    // Members on the track of the whole sample: the funnel below tells FALSE from UNKNOWN.
    const members = { TRUE: result.members, FALSE: 0, UNKNOWN: 0 };
    const summary =
        `<section class="summary"><p class="headline" id="member-count">${escapeHtml(memberHeadline(result))}</p>` +
        renderBar(members, result.total) +
        `<p class="meta">on <code>${escapeHtml(result.data)}</code> at ${escapeHtml(result.now)}</p></section>`;
    const funnel = result.funnel.length > 0 ? `<section><h2>Conditions</h2>${renderFunnelChart(result.funnel, result.total)}</section>` : '';
    const memberTitle = result.members > result.memberRows.length ? `Members (the first ${formatCount(result.memberRows.length)})` : 'Members';
    const tables =
        `<section><h2>${memberTitle}</h2>${renderTable(result.columns, result.memberRows, false, options.selectedKey, 'No record of the sample is a member.')}</section>` +
        (result.otherRows.length > 0 ? `<section><h2>Not members (the first ${formatCount(result.otherRows.length)})</h2>${renderTable(result.columns, result.otherRows, true, options.selectedKey, '')}</section>` : '');
    const trace = `<section id="trace" aria-live="polite">${options.traceHtml ?? '<p class="hint">Select a record to see why it is in or out.</p>'}</section>`;
    return summary + funnel + tables + trace;
}

/** A table of sample records; a row with a key can be selected to show its trace. */
export function renderTable(columns: readonly string[], rows: readonly PreviewRow[], withTruth: boolean, selectedKey: string | undefined, empty: string): string {
    if (rows.length === 0) return `<p class="hint">${escapeHtml(empty)}</p>`;
    const header = `<tr>${columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}${withTruth ? '<th scope="col">truth</th>' : ''}</tr>`;
    const body = rows
        .map((row) => {
            const attributes = row.key === undefined ? '' : ` class="record${row.key === selectedKey ? ' selected' : ''}" tabindex="0" data-key="${escapeHtml(row.key)}"`;
            const cells = row.values.map((value) => (value === '' ? '<td class="missing">—</td>' : `<td>${escapeHtml(value)}</td>`)).join('');
            const truth = withTruth ? `<td><span class="badge ${row.truth.toLowerCase()}">${row.truth}</span></td>` : '';
            return `<tr${attributes}>${cells}${truth}</tr>`;
        })
        .join('');
    return `<table><thead>${header}</thead><tbody>${body}</tbody></table>`;
}

/** Indentation of the funnel's rows by depth. */
const DEPTH_STYLES = Array.from({ length: MAX_CHART_DEPTH }, (_, index) => `.depth-${index + 1} .condition { padding-left: ${index * 1.25}em; }`).join('\n');

/** The page's style: VS Code's fonts and theme colours. */
const STYLES = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 24px; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: 0.95em; }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px 12px; border-radius: 4px; overflow-x: auto; }
h1 { font-size: 1.5em; margin: 16px 0 2px; }
h2 { font-size: 1.1em; margin: 24px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); padding-bottom: 4px; }
h3 { font-size: 1em; margin: 8px 0; }
h4 { font-size: 0.95em; margin: 8px 0 4px; }
.subtitle, .meta, .hint, .description { color: var(--vscode-descriptionForeground); margin: 2px 0; }
.headline { font-size: 1.3em; font-weight: 600; margin: 16px 0 6px; }
.notice { margin: 16px 0; }
.error { color: var(--vscode-errorForeground); }
.reveal, .record, .funnel-row { cursor: pointer; }
.reveal:hover { text-decoration: underline; }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
svg.bar { display: block; border-radius: 2px; }
.track { fill: var(--vscode-input-background, rgba(128, 128, 128, 0.15)); }
.true { fill: var(--vscode-charts-green); }
.false { fill: var(--vscode-charts-red); }
.unknown { fill: var(--vscode-charts-yellow); }
.legend { display: flex; gap: 16px; margin: 0 0 8px; color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.legend-item { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
.swatch.true, .badge.true { background: var(--vscode-charts-green); }
.swatch.false, .badge.false { background: var(--vscode-charts-red); }
.swatch.unknown, .badge.unknown { background: var(--vscode-charts-yellow); }
.funnel-row { display: grid; grid-template-columns: minmax(6em, 3fr) minmax(60px, 2fr) max-content; gap: 12px; align-items: center; padding: 3px 4px; border-radius: 3px; }
@media (max-width: 480px) {
  .funnel-row { grid-template-columns: minmax(6em, 1fr) minmax(60px, 1fr); row-gap: 2px; }
  .funnel-row .counts { grid-column: 1 / -1; justify-content: flex-end; }
}
.funnel-row:hover, tr.record:hover { background: var(--vscode-list-hoverBackground); }
.condition { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.clause { font-weight: 600; color: var(--vscode-textPreformat-foreground, inherit); }
.group { font-style: italic; color: var(--vscode-descriptionForeground); }
.counts { display: flex; gap: 8px; font-variant-numeric: tabular-nums; font-size: 0.9em; }
.count { min-width: 3.5em; text-align: right; }
.count.true { color: var(--vscode-charts-green); fill: none; }
.count.false { color: var(--vscode-charts-red); fill: none; }
.count.unknown { color: var(--vscode-charts-yellow); fill: none; }
.share { min-width: 3.5em; text-align: right; color: var(--vscode-descriptionForeground); }
${DEPTH_STYLES}
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.2)); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 240px; }
th { color: var(--vscode-descriptionForeground); font-weight: 600; }
td.missing { color: var(--vscode-descriptionForeground); }
tr.selected { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.8em; font-weight: 600; color: var(--vscode-editor-background); }
#trace { margin-top: 24px; }
.trace-tree, .trace-tree ul { list-style: none; padding-left: 1.25em; margin: 2px 0; }
.trace-tree { padding-left: 0; }
.trace-node { padding: 2px 0; }
.values { margin-left: 8px; color: var(--vscode-descriptionForeground); }
.value { margin-right: 10px; font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
.role { font-style: italic; }
.problems { padding-left: 1.25em; }
`;

/**
 * The page's behaviour: selecting a record asks the extension for its trace, selecting a
 * condition or an error reveals it in the editor; the extension answers a trace with its HTML.
 */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  function activate(target) {
    const record = target.closest('[data-key]');
    if (record) {
      document.querySelectorAll('tr.selected').forEach((row) => row.classList.remove('selected'));
      record.classList.add('selected');
      vscode.postMessage({ type: 'trace', key: record.getAttribute('data-key') });
      return;
    }
    const source = target.closest('[data-line]');
    if (source) vscode.postMessage({ type: 'reveal', line: Number(source.getAttribute('data-line')), character: Number(source.getAttribute('data-character')) });
  }
  document.addEventListener('click', (event) => activate(event.target));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') { activate(event.target); if (event.target.closest('[data-key], [data-line]')) event.preventDefault(); }
  });
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'trace') {
      const trace = document.getElementById('trace');
      if (trace) { trace.innerHTML = message.html; trace.scrollIntoView({ block: 'nearest' }); }
    }
  });
})();
`;
