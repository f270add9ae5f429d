import { paint } from './ansi.js';
import { formatCount } from './numbers.js';

/** How one segment's membership changed between two snapshots. */
export interface SegmentChange {
    readonly name: string;
    /** The members (with a key) of the earlier snapshot. */
    readonly before: number;
    /** The members (with a key) of the later snapshot. */
    readonly after: number;
    /** The keys that entered, in the later snapshot's order. */
    readonly entered: readonly string[];
    /** The keys that exited, in the earlier snapshot's order. */
    readonly exited: readonly string[];
}

/** One of the two snapshots, as a report describes it. */
export interface SnapshotDescription {
    /** The data file, as given. */
    readonly source: string;
    readonly records: number;
    /** Its evaluation instant, as shown. */
    readonly now: string;
}

/** What a change report says about the comparison as a whole. */
export interface ChangeReportContext {
    readonly before: SnapshotDescription;
    readonly after: SnapshotDescription;
    /** What the records are called, in the plural (`contacts`). */
    readonly noun: string;
    /** How many keys of each side are listed per segment. */
    readonly limit: number;
    /** Whether to use colours (on a terminal). */
    readonly color: boolean;
}

/**
 * The changes of several segments: which snapshots are compared; then, per segment, a line with
 * its counts (`cart_abandoners: +3 −14 (17 → 6)`) followed by the first keys that entered and that
 * exited (a side without keys has no line); then a summary table of every segment's sizes and
 * counts.
 *
 * ```
 * Changes of 2 segments
 *   from 2,000 contacts of monday.ndjson at 2026-11-20T12:00:00Z
 *   to   2,020 contacts of tuesday.ndjson at 2026-11-21T12:00:00Z
 *
 * adults:          +2  −0  (1,638 → 1,640)
 *   entered: c0000123, c0000456
 * cart_abandoners: +3 −14  (17 → 6)
 *   entered: c0000001, c0000002, c0000003
 *   exited:  c0000011, c0000012, c0000013, c0000014, c0000015 and 9 more
 *
 * segment          before  after  entered  exited
 * ...
 * ```
 */
export function formatChangeReport(changes: readonly SegmentChange[], context: ChangeReportContext): string {
    const { before, after, noun, color } = context;
    const snapshotLine = (word: string, snapshot: SnapshotDescription) => `  ${word} ${formatCount(snapshot.records)} ${noun} of ${snapshot.source} at ${snapshot.now}`;
    const title = `Changes of ${changes.length === 1 ? '1 segment' : `${formatCount(changes.length)} segments`}`;
    const lines = [paint(title, color, 'bold'), snapshotLine('from', before), snapshotLine('to  ', after), ''];
    const nameWidth = Math.max(0, ...changes.map(({ name }) => name.length + 1));
    const enteredWidth = Math.max(0, ...changes.map(({ entered }) => formatCount(entered.length).length + 1));
    const exitedWidth = Math.max(0, ...changes.map(({ exited }) => formatCount(exited.length).length + 1));
    for (const change of changes) {
        const entered = `+${formatCount(change.entered.length)}`.padStart(enteredWidth);
        const exited = `−${formatCount(change.exited.length)}`.padStart(exitedWidth);
        lines.push(
            `${paint(`${change.name}:`, color, 'bold')}${' '.repeat(nameWidth - change.name.length - 1)} ` +
                `${paint(entered, color && change.entered.length > 0, 'green')} ${paint(exited, color && change.exited.length > 0, 'red')}  ` +
                `(${formatCount(change.before)} → ${formatCount(change.after)})`,
        );
        if (change.entered.length > 0) lines.push(`  entered: ${firstKeys(change.entered, context.limit)}`);
        if (change.exited.length > 0) lines.push(`  exited:  ${firstKeys(change.exited, context.limit)}`);
    }
    lines.push('', ...summaryTable(changes, color));
    return `${lines.join('\n')}\n`;
}

/** `a, b, c and 12 more`. */
function firstKeys(keys: readonly string[], limit: number): string {
    const shown = keys.slice(0, limit).join(', ');
    return keys.length > limit ? `${shown} and ${formatCount(keys.length - limit)} more` : shown;
}

/** The summary: a row per segment with its sizes before and after and its entered and exited counts. */
function summaryTable(changes: readonly SegmentChange[], color: boolean): string[] {
    const heading = ['segment', 'before', 'after', 'entered', 'exited'];
    const rows = changes.map((change) => [change.name, ...[change.before, change.after, change.entered.length, change.exited.length].map(formatCount)]);
    const widths = heading.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  ');
    return [paint(line(heading), color, 'bold'), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}
