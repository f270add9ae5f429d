import type { DataQualityReport } from '@segments/engine';

/** What the evaluation of one record could not read (see the engine's {@link DataQualityReport}). */
export interface RecordQuality {
    /** Whether the record's key is missing or unreadable. */
    missingKey: boolean;
    /** The fields (and `Event.property`) whose present values could not be read as their type: they count as unknown. */
    unreadable: string[];
    /** Events without a readable `at` (ignored). */
    eventsWithoutTime: number;
    /** Entries of the events array that are not objects. */
    invalidEvents: number;
}

/** Whether a record's evaluation met anything it could not read. */
export function hasQualityIssues(quality: RecordQuality): boolean {
    return quality.missingKey || quality.unreadable.length > 0 || quality.eventsWithoutTime > 0 || quality.invalidEvents > 0;
}

/**
 * The difference between two snapshots of an evaluator's data-quality report, taken before and
 * after the evaluation of one record (or of one record by several evaluators, merged).
 */
export function recordQuality(before: DataQualityReport, after: DataQualityReport, into?: RecordQuality): RecordQuality {
    const quality = into ?? { missingKey: false, unreadable: [], eventsWithoutTime: 0, invalidEvents: 0 };
    quality.missingKey ||= after.recordsWithoutKey > before.recordsWithoutKey;
    for (const [name, count] of Object.entries(after.unreadableValues)) {
        if (count > (before.unreadableValues[name] ?? 0) && !quality.unreadable.includes(name)) quality.unreadable.push(name);
    }
    quality.eventsWithoutTime = Math.max(quality.eventsWithoutTime, after.eventsWithoutTime - before.eventsWithoutTime);
    quality.invalidEvents = Math.max(quality.invalidEvents, after.invalidEvents - before.invalidEvents);
    return quality;
}

/**
 * Totals of the records of a run that had something unreadable, for the hint a node shows in
 * its output pane.
 */
export class QualitySummary {
    protected records = 0;
    protected missingKeys = 0;
    protected readonly fields = new Map<string, number>();

    /** Counts one record's issues. */
    add(quality: RecordQuality): void {
        if (!hasQualityIssues(quality)) return;
        this.records++;
        if (quality.missingKey) this.missingKeys++;
        for (const name of quality.unreadable) this.fields.set(name, (this.fields.get(name) ?? 0) + 1);
    }

    /** A sentence for a builder, or `undefined` when every record was read whole. */
    message(): string | undefined {
        if (this.records === 0) return undefined;
        const parts = [...this.fields].map(([name, count]) => `${name} in ${count}`);
        if (this.missingKeys > 0) parts.push(`the record key in ${this.missingKeys}`);
        const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
        return `${this.records} item${this.records === 1 ? ' has' : 's have'} values the segment could not read${detail}: they count as unknown. Add the "Data Quality Field" option to see them per item.`;
    }
}
