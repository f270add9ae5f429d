/**
 * The handwritten JavaScript predicates: what an engineer would write by hand for each benchmark
 * segment, reading the same raw records as the engine (same field paths, same conversions of
 * numeric strings and ISO-8601 datetimes, case-insensitive text) with the same meaning of
 * missing values where it decides membership (a missing or unreadable value is not a member).
 * Window bounds and `month(today)` are computed once, when the predicates are made. Conditions
 * are tested in the segment's order, stopping at the first that decides.
 */

const DAY_MS = 86_400_000;

/** A raw value as a number: numbers as they are (finite), decimal strings; NaN when missing or unreadable. */
function toNumber(raw: unknown): number {
    if (typeof raw === 'number') return raw;
    if (typeof raw === 'string' && raw.trim() !== '') return Number(raw);
    return NaN;
}

/** A raw datetime as epoch milliseconds (ISO-8601 strings through `Date.parse`, numbers as epoch ms); NaN when missing or unreadable. */
function toInstant(raw: unknown): number {
    if (typeof raw === 'string') return Date.parse(raw);
    if (typeof raw === 'number') return raw;
    return NaN;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
    if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Four or two ASCII digits as a number, or -1. */
function digitsAt(text: string, from: number, to: number): number {
    let value = 0;
    for (let i = from; i < to; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return -1;
        value = value * 10 + d;
    }
    return value;
}

/**
 * The month (1-12, UTC) of a raw date: a valid `YYYY-MM-DD` (Date.parse would accept `1987-02-30`),
 * else any instant {@link toInstant} reads; NaN when missing or unreadable.
 */
function monthOf(raw: unknown): number {
    if (typeof raw === 'string' && raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
        const year = digitsAt(raw, 0, 4);
        const month = digitsAt(raw, 5, 7);
        const day = digitsAt(raw, 8, 10);
        return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? month : NaN;
    }
    const ms = toInstant(raw);
    return ms === ms ? new Date(ms).getUTCMonth() + 1 : NaN;
}

/** Text equality ignoring case and surrounding blanks, against a lower-case constant. */
function sameText(value: unknown, lower: string): boolean {
    return typeof value === 'string' && (value === lower || value.trim().toLowerCase() === lower);
}

/** Whether a raw list of text (an array, or one `;`-separated string) holds `lower`, ignoring case. */
function listIncludes(raw: unknown, lower: string): boolean {
    if (Array.isArray(raw)) {
        for (let i = 0; i < raw.length; i++) if (sameText(raw[i], lower)) return true;
        return false;
    }
    if (typeof raw === 'string') {
        const parts = raw.split(';');
        for (let i = 0; i < parts.length; i++) if (sameText(parts[i], lower)) return true;
    }
    return false;
}

/** A record's nested object at `name`, if it is one. */
function objectAt(record: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
    const value = record[name];
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** The three handwritten predicates, bound to one evaluation instant (UTC, like the segments). */
export interface HandwrittenPredicates {
    attribute(record: Record<string, unknown>): boolean;
    nested(record: Record<string, unknown>): boolean;
    event(record: Record<string, unknown>): boolean;
}

/** Makes the handwritten predicates for the instant `now` (epoch milliseconds). */
export function handwrittenPredicates(now: number): HandwrittenPredicates {
    const countries = new Set(['us', 'ca', 'gb', 'de', 'fr']);
    const activeSince = now - 30 * DAY_MS;
    const thisMonth = new Date(now).getUTCMonth() + 1;
    const purchasesSince = now - 90 * DAY_MS;
    const opensSince = now - 60 * DAY_MS;
    return {
        // country in ("US", "CA", "GB", "DE", "FR") and last_activity within last 30 days
        // and total_spent >= $100 and lifetime_points < 5000
        attribute(record) {
            const country = record.country;
            if (typeof country !== 'string' || !countries.has(country.toLowerCase())) return false;
            const lastActivity = toInstant(record.last_activity);
            if (!(lastActivity >= activeSince && lastActivity <= now)) return false;
            const properties = objectAt(record, 'properties');
            if (properties === undefined || !(toNumber(properties.total_revenue) >= 100)) return false;
            return toNumber(record.lifetime_points) < 5000;
        },
        // (tags includes "newsletter" or job_title contains "manager") and month(birthday) = month(today)
        nested(record) {
            if (!listIncludes(record.tags, 'newsletter')) {
                const jobTitle = objectAt(record, 'properties')?.jobtitle;
                if (typeof jobTitle !== 'string' || !jobTitle.toLowerCase().includes('manager')) return false;
            }
            return monthOf(record.birthday) === thisMonth;
        },
        // performed Purchased at least 2 times within last 90 days where amount > 50
        // and not performed EmailOpened within last 60 days
        event(record) {
            const events = record.events;
            if (!Array.isArray(events)) return false;
            let purchases = 0;
            for (let i = 0; i < events.length; i++) {
                const event = events[i] as Record<string, unknown> | null;
                if (typeof event !== 'object' || event === null) continue;
                const name = event.event;
                if (name === 'Purchased') {
                    const at = toInstant(event.at);
                    if (at >= purchasesSince && at <= now && toNumber(event.amount) > 50) purchases++;
                } else if (name === 'EmailOpened') {
                    const at = toInstant(event.at);
                    if (at >= opensSince && at <= now) return false;
                }
            }
            return purchases >= 2;
        },
    };
}
