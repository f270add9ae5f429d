import type { DataQualityReport } from '../api.js';

/**
 * Counts what an evaluator could not read. Fields are counted at most once per record: each
 * field remembers the generation (the record's number) it was last counted for.
 */
export class QualityCounter {
    records = 0;
    recordsWithoutKey = 0;
    eventsWithoutTime = 0;
    invalidEvents = 0;
    protected readonly names: string[] = [];
    protected readonly counts: number[] = [];
    protected readonly countedFor: number[] = [];
    protected readonly slots = new Map<string, number>();

    /** The slot of a field (`name`) or event property (`Event.prop`), to pass to {@link unreadable}. */
    slotOf(name: string): number {
        let slot = this.slots.get(name);
        if (slot === undefined) {
            slot = this.names.length;
            this.slots.set(name, slot);
            this.names.push(name);
            this.counts.push(0);
            this.countedFor.push(-1);
        }
        return slot;
    }

    /** Counts an unreadable value of a slot, once per `generation` (record) when `once`. */
    unreadable(slot: number, generation: number, once: boolean): void {
        if (once) {
            if (this.countedFor[slot] === generation) return;
            this.countedFor[slot] = generation;
        }
        this.counts[slot]++;
    }

    /** A snapshot of the counts. */
    report(): DataQualityReport {
        const unreadableValues: Record<string, number> = {};
        this.names.forEach((name, slot) => {
            if (this.counts[slot] > 0) unreadableValues[name] = this.counts[slot];
        });
        return {
            records: this.records,
            recordsWithoutKey: this.recordsWithoutKey,
            unreadableValues,
            eventsWithoutTime: this.eventsWithoutTime,
            invalidEvents: this.invalidEvents,
        };
    }
}
