/**
 * Calendar dates as whole days since 1970-01-01 (proleptic Gregorian): cheap to compare and to
 * move by days. The conversions are pure arithmetic (no `Date`, no allocation).
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Whether `year` is a leap year. */
export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days of a month (1 = January). */
export function daysInMonth(year: number, month: number): number {
    return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a calendar date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}

/** The year of a day number. */
export function yearOfDays(days: number): number {
    const z = days + 719_468;
    const era = Math.floor(z / 146_097);
    const dayOfEra = z - era * 146_097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const mp = Math.floor((5 * dayOfYear + 2) / 153);
    return yearOfEra + era * 400 + (mp >= 10 ? 1 : 0);
}

/** The month (1–12) of a day number. */
export function monthOfDays(days: number): number {
    const z = days + 719_468;
    const dayOfEra = z - Math.floor(z / 146_097) * 146_097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const mp = Math.floor((5 * dayOfYear + 2) / 153);
    return mp < 10 ? mp + 3 : mp - 9;
}

/** The day of the month (1–31) of a day number. */
export function dayOfMonthOfDays(days: number): number {
    const z = days + 719_468;
    const dayOfEra = z - Math.floor(z / 146_097) * 146_097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const mp = Math.floor((5 * dayOfYear + 2) / 153);
    return dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
}

/** The day of the week of a day number: 1 = Monday ... 7 = Sunday. */
export function weekdayOfDays(days: number): number {
    return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** Moves a date by whole months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28 or 29). */
export function addMonthsToDays(days: number, months: number): number {
    const year = yearOfDays(days);
    const month = monthOfDays(days);
    const day = dayOfMonthOfDays(days);
    const index = year * 12 + (month - 1) + months;
    const targetYear = Math.floor(index / 12);
    const targetMonth = index - targetYear * 12 + 1;
    return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The month and day of `days` in `year`; 29 February becomes 28 February in a common year. */
export function anniversaryInYear(days: number, year: number): number {
    const month = monthOfDays(days);
    const day = dayOfMonthOfDays(days);
    return daysFromCivil(year, month, Math.min(day, daysInMonth(year, month)));
}

/** Parses `YYYY-MM-DD` (a real calendar date) to a day number, or `undefined`. */
export function parseCivilDate(text: string): number | undefined {
    if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return daysFromCivil(year, month, day);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatCivilDate(days: number): string {
    const year = yearOfDays(days);
    const month = monthOfDays(days);
    const day = dayOfMonthOfDays(days);
    return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The decimal number written in `text[start, end)`, or -1 when a character is not a digit (or lies past the end). */
export function digits(text: string, start: number, end: number): number {
    let value = 0;
    for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i) - 48;
        if (!(c >= 0 && c <= 9)) return -1;
        value = value * 10 + c;
    }
    return value;
}
