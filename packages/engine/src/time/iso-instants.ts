import { DAY_MS, daysFromCivil, daysInMonth, digits } from './civil-dates.js';
import type { ZoneClock } from './zone-clock.js';

/**
 * Parses an ISO-8601 date or date-time to epoch milliseconds, or `NaN`. Accepted:
 * `YYYY-MM-DD` (the start of that day in the clock's zone), and `YYYY-MM-DDThh:mm[:ss[.fff]]`
 * (`T`, `t` or a space between date and time, any number of fraction digits, kept to the
 * millisecond) followed by `Z`, `±hh`, `±hhmm`, `±hh:mm`, or nothing: a wall-clock time in the
 * clock's zone. Hand-written so that the common case costs no regular expression and no allocation.
 */
export function parseIsoInstant(text: string, clock: ZoneClock): number {
    const length = text.length;
    if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    const days = daysFromCivil(year, month, day);
    if (length === 10) return clock.startOfDay(days);
    const separator = text.charCodeAt(10);
    if ((separator !== 84 && separator !== 116 && separator !== 32) || text.charCodeAt(13) !== 58) return NaN;
    const hour = digits(text, 11, 13);
    const minute = digits(text, 14, 16);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
    let local = days * DAY_MS + hour * 3_600_000 + minute * 60_000;
    let i = 16;
    if (i < length && text.charCodeAt(i) === 58) {
        const second = digits(text, i + 1, i + 3);
        if (second < 0 || second > 59) return NaN;
        local += second * 1000;
        i += 3;
        const dot = text.charCodeAt(i);
        if (dot === 46 || dot === 44) {
            i++;
            let scale = 100;
            const first = i;
            for (let c = text.charCodeAt(i) - 48; c >= 0 && c <= 9; c = text.charCodeAt(++i) - 48) {
                local += c * scale;
                scale /= 10;
            }
            if (i === first) return NaN;
            local = Math.floor(local);
        }
    }
    if (i === length) return clock.instantOfWallTime(local);
    const sign = text.charCodeAt(i);
    if (sign === 90 || sign === 122) return i + 1 === length ? local : NaN;
    if (sign !== 43 && sign !== 45) return NaN;
    const offsetHours = digits(text, i + 1, i + 3);
    let offsetMinutes = 0;
    const rest = length - (i + 3);
    if (rest === 3 && text.charCodeAt(i + 3) === 58) offsetMinutes = digits(text, i + 4, i + 6);
    else if (rest === 2) offsetMinutes = digits(text, i + 3, i + 5);
    else if (rest !== 0) return NaN;
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return NaN;
    const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
    return sign === 43 ? local - offset : local + offset;
}
