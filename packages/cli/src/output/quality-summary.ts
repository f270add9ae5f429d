import type { DataQualityReport } from '@segments/engine';
import type { EventIndex } from '../input/event-index.js';
import type { MalformedLog } from '../input/malformed-log.js';
import { formatCount, plural } from './numbers.js';

/** Everything that could not be read during one evaluation. */
export interface QualityFindings {
    /** The entries of the data file (and of the events file) that could not be read. */
    readonly malformed: readonly MalformedLog[];
    /** The evaluator's report. */
    readonly quality: DataQualityReport;
    /** The separate events, when there are. */
    readonly events?: EventIndex;
}

/**
 * The data-quality summary: the lines that could not be read (with the first few line numbers and
 * messages), the records without a key, the values that could not be read as their type, the
 * events without a time or with the wrong shape, and the separate events nobody claimed. Empty
 * when everything was read.
 */
export function formatQuality(findings: QualityFindings, heading = 'Data quality'): string {
    const lines: string[] = [];
    for (const log of findings.malformed) {
        if (log.count === 0) continue;
        lines.push(`  ${log.file}: ${plural(log.count, 'entry', 'entries')} could not be read (skipped)`);
        for (const item of log.first) lines.push(`    line ${item.line}: ${item.message}`);
        if (log.count > log.first.length) lines.push(`    ... and ${formatCount(log.count - log.first.length)} more`);
    }
    const { quality, events } = findings;
    if (quality.recordsWithoutKey > 0) lines.push(`  ${plural(quality.recordsWithoutKey, 'record')} without a key`);
    const unreadable = Object.entries(quality.unreadableValues).filter(([, count]) => count > 0);
    if (unreadable.length > 0) {
        lines.push(`  values that could not be read as their type (UNKNOWN): ${unreadable.map(([field, count]) => `${field} ${formatCount(count)}`).join(', ')}`);
    }
    if (quality.eventsWithoutTime > 0) lines.push(`  ${plural(quality.eventsWithoutTime, 'event')} without a readable time (ignored)`);
    if (quality.invalidEvents > 0) lines.push(`  ${plural(quality.invalidEvents, 'events entry', 'events entries')} that are not events (ignored)`);
    if (events) {
        if (events.withoutKey > 0) lines.push(`  ${plural(events.withoutKey, 'event')} without a "contact" key (ignored)`);
        const unmatched = events.unmatchedEvents();
        if (unmatched > 0) lines.push(`  ${plural(unmatched, 'event')} for records not in the data`);
    }
    return lines.length === 0 ? '' : `${heading}:\n${lines.join('\n')}\n`;
}

/**
 * The data-quality report of several segments evaluated on the same records: each count is the
 * largest any of their reports holds. Every segment tests every record, so the records without a
 * key are counted exactly; a value is counted by the segments that read it, and a segment reads
 * only what its conditions need (an `and` stops at its first FALSE), so the other counts are
 * those of the segment that met the most, a lower bound of the records concerned.
 */
export function combinedQuality(reports: readonly DataQualityReport[]): DataQualityReport {
    const unreadableValues: Record<string, number> = {};
    for (const report of reports) {
        for (const [field, count] of Object.entries(report.unreadableValues)) unreadableValues[field] = Math.max(unreadableValues[field] ?? 0, count);
    }
    const largest = (count: (report: DataQualityReport) => number) => Math.max(0, ...reports.map(count));
    return {
        records: largest((report) => report.records),
        recordsWithoutKey: largest((report) => report.recordsWithoutKey),
        unreadableValues,
        eventsWithoutTime: largest((report) => report.eventsWithoutTime),
        invalidEvents: largest((report) => report.invalidEvents),
    };
}
