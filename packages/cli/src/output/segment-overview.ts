import type { FunnelReport } from '@segments/engine';
import { paint } from './ansi.js';
import { funnelColumns } from './funnel-chart.js';
import { formatCount, formatPercent } from './numbers.js';

/** One segment of an evaluation of several. */
export interface SegmentSize {
    readonly name: string;
    /** The display name (the name when none is written). */
    readonly title: string;
    readonly members: number;
    /** The segment's funnel, with `--explain`. */
    readonly funnel?: FunnelReport;
}

/** What an overview says about the evaluation as a whole. */
export interface OverviewContext {
    /** The records evaluated. */
    readonly records: number;
    /** What the records are called, in the plural (`contacts`). */
    readonly noun: string;
    /** The data file, as given. */
    readonly source: string;
    /** The evaluation instant, as shown. */
    readonly now: string;
    /** Whether to use colours (on a terminal). */
    readonly color: boolean;
}

/** The indent of a funnel's rows under its segment's header line. */
const FUNNEL_INDENT = '  ';

/** The widest a condition's text is in an overview, its indent included. */
const FUNNEL_TEXT_WIDTH = 56;

/** The width of a full bar in an overview. */
const FUNNEL_BAR_WIDTH = 14;

/**
 * The results of an evaluation of several segments: a title, then a header line per segment with
 * its name, display name and size, the sizes aligned; with funnels, the heading of their columns
 * and each segment's funnel rows under its header line, in columns common to all segments.
 *
 * ```
 * 2 segments on 2,000 contacts of data/contacts.ndjson at 2026-11-20T12:00:00Z
 *
 * adults "Adults"                                  1,638 of 2,000 contacts (81.9%)
 * high_value_customers "High Value Customers"        292 of 2,000 contacts (14.6%)
 * ```
 */
export function formatOverview(segments: readonly SegmentSize[], context: OverviewContext): string {
    const { records, noun, color } = context;
    const names = segments.map(({ name, title }) => (title === name ? name : `${name} "${title}"`));
    const nameWidth = Math.max(0, ...names.map((name) => name.length));
    const sizes = segments.map(({ members }) => formatCount(members));
    const sizeWidth = Math.max(0, ...sizes.map((size) => size.length));
    const header = (index: number) => {
        const { name, title, members } = segments[index]!;
        const shown = paint(name, color, 'bold') + (title === name ? '' : ` ${paint(`"${title}"`, color, 'dim')}`);
        return `${shown}${' '.repeat(nameWidth - names[index]!.length)}  ${sizes[index]!.padStart(sizeWidth)} of ${formatCount(records)} ${noun} (${formatPercent(members, records)})`;
    };
    const title = `${segments.length === 1 ? '1 segment' : `${formatCount(segments.length)} segments`} on ${formatCount(records)} ${noun} of ${context.source} at ${context.now}`;
    const lines = [paint(title, color, 'bold'), ''];
    const funnels = segments.flatMap(({ funnel }) => (funnel ? [funnel] : []));
    if (funnels.length === segments.length && funnels.length > 0) {
        const { heading, rows } = funnelColumns(funnels, { indent: FUNNEL_INDENT, textWidth: FUNNEL_TEXT_WIDTH, barWidth: FUNNEL_BAR_WIDTH, color });
        lines.push(paint(heading, color, 'dim'));
        segments.forEach((_, index) => lines.push(header(index), ...rows[index]!));
    } else {
        segments.forEach((_, index) => lines.push(header(index)));
    }
    return `${lines.join('\n')}\n`;
}
