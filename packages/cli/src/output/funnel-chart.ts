import type { FunnelNode, FunnelReport } from '@segments/engine';
import { paint } from './ansi.js';
import { blockBar, formatCount, formatPercent, plural } from './numbers.js';

/** How the rows of funnels are laid out. */
export interface FunnelLayout {
    /** Put before every row and the heading: an indent under a segment's header line. */
    readonly indent?: string;
    /** The widest a condition's text is, the indent included; longer texts are cut with `…`. */
    readonly textWidth?: number;
    /** The width of a full bar (every record TRUE), in cells. */
    readonly barWidth?: number;
    /** Whether to colour the bars (on a terminal). */
    readonly color?: boolean;
}

/** The rows of one or more funnels laid out in common columns, so that they line up one under another. */
export interface FunnelColumns {
    /** The heading of the columns: `condition  TRUE  TRUE  FALSE  UNKNOWN`. */
    readonly heading: string;
    /** The rows of each funnel, in the order of the reports. */
    readonly rows: ReadonlyArray<readonly string[]>;
}

/** The layout of the `--explain` funnel of one segment. */
const defaultLayout: Required<FunnelLayout> = { indent: '', textWidth: 56, barWidth: 20, color: false };

/**
 * The `--explain` funnel: each condition of the segment, indented as a tree under `where` and
 * `exclude`, with its text (on one line), a bar proportional to the records for which it is TRUE,
 * and its TRUE, FALSE and UNKNOWN counts; then the members among the records.
 *
 * ```
 * condition                          TRUE                  TRUE  FALSE  UNKNOWN
 * where  age >= 21 and country = "US"  ██████▍              320    655       25
 *   age >= 21                        ███████████████▋       780    195       25
 * ```
 */
export function formatFunnel(report: FunnelReport): string {
    const { heading, rows } = funnelColumns([report]);
    const lines = [heading, ...rows[0]!, '', `${plural(report.members, 'member')} among ${plural(report.total, 'record')} (${formatPercent(report.members, report.total)})`];
    return `${lines.join('\n')}\n`;
}

/**
 * The rows of several funnels (see {@link formatFunnel}) in columns wide enough for all of them,
 * and the heading of those columns: printed one under another, their bars and counts line up.
 */
export function funnelColumns(reports: readonly FunnelReport[], layout: FunnelLayout = {}): FunnelColumns {
    const { indent, textWidth: maxText, barWidth, color } = { ...defaultLayout, ...layout };
    const labels = reports.map((report) => report.nodes.map((node) => `${indent}${label(node, maxText - indent.length)}`));
    const counts = reports.map((report) => report.nodes.map((node) => [node.counts.TRUE, node.counts.FALSE, node.counts.UNKNOWN].map(formatCount)));
    const textWidth = Math.max(indent.length + 'condition'.length, ...labels.flat().map((text) => text.length));
    const countWidths = ['TRUE', 'FALSE', 'UNKNOWN'].map((name, index) => Math.max(name.length, ...counts.flat().map((row) => row[index]!.length)));
    const line = (text: string, bar: string, cells: readonly string[], colored = false) =>
        [text.padEnd(textWidth), paint(bar, colored, 'cyan') + ' '.repeat(Math.max(0, barWidth - bar.length)), ...cells.map((cell, index) => cell.padStart(countWidths[index]!))]
            .join('  ')
            .trimEnd();
    return {
        heading: line(`${indent}condition`, 'TRUE', ['TRUE', 'FALSE', 'UNKNOWN']),
        rows: reports.map((report, r) =>
            report.nodes.map((node, n) => line(labels[r]![n]!, blockBar(report.total === 0 ? 0 : node.counts.TRUE / report.total, barWidth), counts[r]![n]!, color)),
        ),
    };
}

/** A condition's line: indented by depth; `where` and `exclude` name their clause; cut to `room` characters. */
function label(node: FunnelNode, room: number): string {
    const indent = '  '.repeat(Math.max(0, node.depth - 1));
    const clause = node.parent === undefined ? `${node.id === 'exclude' ? 'exclude' : 'where'} ` : '';
    const text = node.text.replace(/\s+/g, ' ').trim();
    const left = room - indent.length - clause.length;
    return `${indent}${clause}${text.length > left ? `${text.slice(0, left - 1)}…` : text}`;
}
