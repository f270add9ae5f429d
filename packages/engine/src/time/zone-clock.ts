import { DateTime, IANAZone } from 'luxon';
import type { TimeUnitIR } from '@segments/ir';
import { SegmentEngineError } from '../errors.js';
import { DAY_MS } from './civil-dates.js';

const BUCKET_MS = 900_000;
const MAX_CACHED_OFFSETS = 65_536;
/** Names of UTC itself, which need no offset lookups (upper case). */
const UTC_NAMES = new Set(['UTC', 'ETC/UTC', 'UCT', 'ETC/UCT', 'GMT', 'ETC/GMT', 'GMT0', 'ETC/GMT0', 'ETC/GMT+0', 'ETC/GMT-0', 'UNIVERSAL', 'ETC/UNIVERSAL', 'ZULU', 'ETC/ZULU', 'GREENWICH', 'ETC/GREENWICH']);

/**
 * Time in one IANA zone: the calendar date of an instant, the instant of a wall-clock time,
 * calendar arithmetic. Zone offsets come from luxon and are cached per quarter hour, so that
 * `dateOf` of millions of instants costs a map lookup each, not a luxon call.
 */
export class ZoneClock {
    readonly zone: string;
    protected readonly iana: IANAZone | undefined;
    protected readonly offsets = new Map<number, number>();

    constructor(zone: string) {
        if (!IANAZone.isValidZone(zone)) {
            throw new SegmentEngineError(`Unknown time zone ${JSON.stringify(zone)}: give an IANA name such as "America/New_York".`);
        }
        this.zone = zone;
        this.iana = UTC_NAMES.has(zone.toUpperCase()) ? undefined : IANAZone.create(zone);
    }

    /** The zone's offset from UTC at an instant, in milliseconds. */
    offsetAt(ms: number): number {
        const iana = this.iana;
        if (iana === undefined) return 0;
        const bucket = Math.floor(ms / BUCKET_MS);
        const cached = this.offsets.get(bucket);
        if (cached !== undefined) return cached;
        const start = iana.offset(bucket * BUCKET_MS) * 60_000;
        const end = iana.offset(bucket * BUCKET_MS + BUCKET_MS - 1) * 60_000;
        if (start !== end) return iana.offset(ms) * 60_000;
        if (this.offsets.size >= MAX_CACHED_OFFSETS) this.offsets.clear();
        this.offsets.set(bucket, start);
        return start;
    }

    /** The calendar date (days since 1970-01-01) of an instant in this zone. */
    dateOf(ms: number): number {
        return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
    }

    /**
     * The instant of a wall-clock time in this zone (`local` is that time read as if it were UTC).
     * A time repeated when clocks go back is its earlier instant; a time skipped when they go
     * forward is read with the offset before the change (so it moves forward by the gap).
     */
    instantOfWallTime(local: number): number {
        const before = this.offsetAt(local - DAY_MS);
        const after = this.offsetAt(local + DAY_MS);
        const early = local - before;
        if (before === after) return early;
        const late = local - after;
        const earlyValid = this.offsetAt(early) === before;
        const lateValid = this.offsetAt(late) === after;
        if (earlyValid && lateValid) return Math.min(early, late);
        if (lateValid) return late;
        return early;
    }

    /** The instant a calendar date starts in this zone. */
    startOfDay(days: number): number {
        return this.instantOfWallTime(days * DAY_MS);
    }

    /** An instant moved by `amount` units: minutes and hours exactly, longer units on the calendar in this zone (DST-correct). */
    shiftInstant(ms: number, amount: number, unit: TimeUnitIR): number {
        if (unit === 'minutes') return ms + amount * 60_000;
        if (unit === 'hours') return ms + amount * 3_600_000;
        return DateTime.fromMillis(ms, { zone: this.zone }).plus({ [unit]: amount }).toMillis();
    }
}
