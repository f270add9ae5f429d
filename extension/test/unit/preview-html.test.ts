import { describe, expect, test } from 'vitest';
import type { FunnelNode, SegmentTrace } from '@segments/engine';
import type { PreviewReady, SegmentSummary, TraceResult } from '@segments/language-server/protocol';
import { renderBar, renderFunnelChart } from '../../src/preview/funnel-chart.js';
import { countOf, escapeHtml, formatCount, formatPercent, singularOf } from '../../src/preview/html.js';
import { memberHeadline, PREVIEW_SNIPPET, previewTitle, renderPreviewBody, renderPreviewPage, renderTable } from '../../src/preview/preview-html.js';
import { renderTrace, traceValueText } from '../../src/preview/trace-view.js';

const SEGMENT: SegmentSummary = { name: 'high_value', title: 'High <Value>', description: 'Spent $1,000 & more', schema: 'Contact', noun: 'contacts', line: 4 };

const span = (line: number, text: string) => ({ line, column: 5, endLine: line, endColumn: 5 + text.length, text });

const FUNNEL: FunnelNode[] = [
    { id: 'where', kind: 'or', text: 'total_spent >= 1000 or points >= 5000', source: span(8, 'x'), depth: 1, counts: { TRUE: 1284, FALSE: 48716, UNKNOWN: 0 } },
    { id: 'where.0', kind: 'compare', text: 'total_spent >= 1000', source: span(8, 'total_spent >= 1000'), depth: 2, parent: 'where', counts: { TRUE: 1000, FALSE: 45000, UNKNOWN: 4000 } },
    { id: 'where.1', kind: 'compare', text: 'points >= 5000', source: span(9, 'points >= 5000'), depth: 2, parent: 'where', counts: { TRUE: 400, FALSE: 49600, UNKNOWN: 0 } },
    { id: 'exclude', kind: 'inSegment', text: 'in segment staff', source: span(11, 'in segment staff'), depth: 1, counts: { TRUE: 10, FALSE: 49990, UNKNOWN: 0 } },
];

const READY: PreviewReady = {
    kind: 'ready',
    uri: 'file:///p/a.segment',
    segment: SEGMENT,
    data: 'data/contacts.ndjson',
    now: '2026-11-20T12:00:00.000Z',
    total: 50000,
    members: 1284,
    funnel: FUNNEL,
    columns: ['id', 'total_spent'],
    memberRows: [
        { key: 'c1', truth: 'TRUE', values: ['c1', '1523.5'] },
        { key: 'c"2', truth: 'TRUE', values: ['c"2', ''] },
    ],
    otherRows: [{ key: 'c3', truth: 'UNKNOWN', values: ['c3', ''] }],
};

describe('numbers and text', () => {
    test('counts, percentages and nouns', () => {
        expect(formatCount(50000)).toBe('50,000');
        expect(formatPercent(1284, 50000)).toBe('2.6%');
        expect(formatPercent(1, 50000)).toBe('0.002%');
        expect(formatPercent(49999, 50000)).toBe('99.998%');
        expect(formatPercent(0, 0)).toBe('0%');
        expect(formatPercent(7, 7)).toBe('100%');
        expect(countOf(1, 'companies')).toBe('1 company');
        expect(countOf(2000, 'contacts')).toBe('2,000 contacts');
        expect(singularOf('boxes')).toBe('box');
        expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    });
});

describe('the funnel chart', () => {
    test('stacks TRUE, FALSE and UNKNOWN as SVG widths', () => {
        const bar = renderBar({ TRUE: 1000, FALSE: 45000, UNKNOWN: 4000 }, 50000);
        expect(bar).toContain('<rect class="true" x="0%" y="0" width="2%" height="100%">');
        expect(bar).toContain('<rect class="false" x="2%" y="0" width="90%" height="100%">');
        expect(bar).toContain('<rect class="unknown" x="92%" y="0" width="8%" height="100%">');
        expect(bar).toContain('aria-label="1,000 TRUE, 45,000 FALSE, 4,000 UNKNOWN"');
        expect(bar).not.toContain('style=');
        expect(renderBar({ TRUE: 0, FALSE: 0, UNKNOWN: 0 }, 0)).not.toContain('class="true"');
    });

    test('one row per condition, indented by depth, where then exclude, with the position to reveal', () => {
        const chart = renderFunnelChart(FUNNEL, 50000);
        const rows = chart.match(/<div class="funnel-row depth-\d"/g);
        expect(rows).toEqual(['<div class="funnel-row depth-1"', '<div class="funnel-row depth-2"', '<div class="funnel-row depth-2"', '<div class="funnel-row depth-1"']);
        expect(chart).toMatch(/<span class="clause">where<\/span> <span class="group">any of<\/span>/);
        expect(chart).toMatch(/<span class="clause">exclude<\/span> <code>in segment staff<\/code>/);
        expect(chart).toContain('data-line="7" data-character="4"');
        expect(chart).toContain('<span class="legend-item"><span class="swatch unknown"></span>UNKNOWN</span>');
        expect(chart).toContain('<span class="count unknown" title="UNKNOWN">4,000</span>');
        expect(renderFunnelChart([], 10)).toBe('');
    });

    test('caps the indentation', () => {
        expect(renderFunnelChart([{ ...FUNNEL[1]!, depth: 12 }], 10)).toContain('depth-8');
    });
});

describe('the preview page', () => {
    test('a strict Content-Security-Policy with the nonce, and no external resource', () => {
        const page = renderPreviewPage(READY, { nonce: 'abc123', cspSource: 'vscode-resource:' });
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)![1]!.replaceAll('&#39;', "'");
        expect(csp).toBe("default-src 'none'; img-src vscode-resource: data:; style-src 'nonce-abc123'; script-src 'nonce-abc123'");
        expect(page).toContain('<style nonce="abc123">');
        expect(page).toContain('<script nonce="abc123">');
        expect(page.match(/<script/g)).toHaveLength(1);
        expect(page).not.toMatch(/(src|href)="https?:/);
        expect(page).not.toMatch(/ style="/);
        expect(page).toContain('<title>Preview: High &lt;Value&gt;</title>');
        expect(page).toContain('var(--vscode-charts-green)');
    });

    test('a ready preview: title, the member count, the funnel, the tables', () => {
        const body = renderPreviewBody(READY);
        expect(memberHeadline(READY)).toBe('1,284 of 50,000 contacts (2.6%)');
        expect(body).toContain('<h1>High &lt;Value&gt;</h1>');
        expect(body).toContain('<p class="description">Spent $1,000 &amp; more</p>');
        expect(body).toContain('<p class="headline" id="member-count">1,284 of 50,000 contacts (2.6%)</p>');
        expect(body).toContain('<h2>Members (the first 2)</h2>');
        expect(body).toContain('<h2>Not members (the first 1)</h2>');
        expect(body).toContain('data-key="c&quot;2"');
        expect(body).toContain('<td class="missing">—</td>');
        expect(body).toContain('<span class="badge unknown">UNKNOWN</span>');
        expect(body).toContain('Select a record to see why it is in or out.');
        expect(body).toContain('on <code>data/contacts.ndjson</code> at 2026-11-20T12:00:00.000Z');
    });

    test('all members listed, or none', () => {
        expect(renderPreviewBody({ ...READY, members: 2 })).toContain('<h2>Members</h2>');
        expect(renderPreviewBody({ ...READY, members: 0, memberRows: [] })).toContain('No record of the sample is a member.');
        expect(renderPreviewBody({ ...READY, otherRows: [] })).not.toContain('Not members');
    });

    test('the selected record and its trace survive a refresh', () => {
        const body = renderPreviewBody(READY, { selectedKey: 'c1', traceHtml: '<p>why</p>' });
        expect(body).toContain('<tr class="record selected" tabindex="0" data-key="c1">');
        expect(body).toContain('<section id="trace" aria-live="polite"><p>why</p></section>');
    });

    test('a record without a key cannot be selected', () => {
        const table = renderTable(['id'], [{ truth: 'TRUE', values: [''] }], false, undefined, '');
        expect(table).toContain('<tr><td class="missing">—</td></tr>');
    });

    test('a project without sample data: the snippet to add', () => {
        const body = renderPreviewBody({ kind: 'no-preview', uri: 'file:///p/a.segment', segment: SEGMENT, configFile: '/p/segment.config.json', configExists: false });
        expect(body).toContain('<code>/p/segment.config.json</code> (create the file: its folder becomes the project)');
        expect(body).toContain(escapeHtml(PREVIEW_SNIPPET));
        expect(JSON.parse(`{${PREVIEW_SNIPPET}}`)).toEqual({ preview: { data: 'data/contacts.ndjson', now: '2026-03-15T00:00:00Z' } });
        expect(renderPreviewBody({ kind: 'no-preview', uri: '', segment: SEGMENT, configFile: '/p/segment.config.json', configExists: true })).not.toContain('create the file');
    });

    test('errors, failures, no segment, and the page before the first answer', () => {
        const errors = renderPreviewBody({ kind: 'errors', uri: '', segment: SEGMENT, errors: [{ line: 3, message: 'Unknown field `totl`', code: 'unknown-field' }] });
        expect(errors).toContain('data-line="3" data-character="0">line 4: Unknown field `totl` <code>unknown-field</code></li>');
        expect(renderPreviewBody({ kind: 'failed', uri: '', message: 'ENOENT <x>' })).toContain('The preview failed: ENOENT &lt;x&gt;');
        expect(renderPreviewBody({ kind: 'no-segment', uri: '', name: 'vip' })).toContain('There is no segment <code>vip</code> in this file.');
        expect(renderPreviewBody({ kind: 'no-segment', uri: '' })).toContain('This file declares no segment.');
        expect(renderPreviewBody(undefined)).toContain('Computing the preview…');
        expect(previewTitle(undefined)).toBe('Segment Preview');
        expect(previewTitle({ kind: 'no-segment', uri: '' })).toBe('Segment Preview');
    });
});

describe('the trace', () => {
    const trace: SegmentTrace = {
        key: 'c7',
        member: false,
        truth: 'FALSE',
        where: {
            id: 'where',
            kind: 'and',
            text: 'country = "US" and total_spent > 500',
            source: span(3, 'x'),
            truth: 'FALSE',
            values: {},
            children: [
                { id: 'where.0', kind: 'compare', text: 'country = "US"', source: span(3, 'x'), truth: 'TRUE', values: { left: 'US', right: 'US' }, children: [] },
                { id: 'where.1', kind: 'compare', text: 'total_spent > 500', source: span(4, 'x'), truth: 'FALSE', values: { left: 20, right: 500 }, children: [] },
            ],
        },
        exclude: { id: 'exclude', kind: 'inList', text: 'in list staff', source: span(6, 'x'), truth: 'UNKNOWN', values: { value: null }, children: [] },
    };
    const result: TraceResult = { kind: 'trace', uri: '', segment: SEGMENT, trace };

    test('the verdict, then each condition with its truth and values', () => {
        const html = renderTrace(result);
        expect(html).toContain('<h3><span class="badge false">FALSE</span> <code>c7</code> is not a member of High &lt;Value&gt;</h3>');
        expect(html).toContain('<span class="badge true">TRUE</span> <code>country = &quot;US&quot;</code>');
        expect(html).toContain('<span class="value"><span class="role">left</span> 20</span><span class="value"><span class="role">right</span> 500</span>');
        expect(html).toContain('<span class="group">all of</span>');
        expect(html).toContain('<span class="clause">exclude</span>');
        expect(html).toContain('<span class="role">value</span> missing');
    });

    test('members and unknown verdicts', () => {
        expect(renderTrace({ ...result, trace: { ...trace, member: true, truth: 'TRUE', exclude: undefined } })).toContain('is a member of High &lt;Value&gt;');
        expect(renderTrace({ ...result, trace: { ...trace, truth: 'UNKNOWN' } })).toContain('the data does not say (UNKNOWN)');
        expect(renderTrace({ ...result, trace: { ...trace, exclude: undefined } })).not.toContain('exclude');
    });

    test('values as text', () => {
        expect(traceValueText(null)).toBe('missing');
        expect(traceValueText(['a', 1, null])).toBe('["a", 1, missing]');
        expect(traceValueText(true)).toBe('true');
        expect(traceValueText('2026-01-01')).toBe('"2026-01-01"');
    });

    test('other answers', () => {
        expect(renderTrace({ kind: 'not-found', uri: '', segment: SEGMENT, key: 'c<9>' })).toContain('No record of the sample has the key <code>c&lt;9&gt;</code>.');
        expect(renderTrace({ kind: 'failed', uri: '', message: 'boom' })).toContain('Cannot explain the record: boom');
        expect(renderTrace({ kind: 'errors', uri: '', segment: SEGMENT, errors: [] })).toContain('Fix the errors');
        expect(renderTrace({ kind: 'no-preview', uri: '', segment: SEGMENT, configFile: '', configExists: false })).toContain('no sample data');
        expect(renderTrace({ kind: 'no-segment', uri: '' })).toContain('gone');
    });
});
