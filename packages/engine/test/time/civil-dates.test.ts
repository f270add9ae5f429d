import { describe, expect, test } from 'vitest';
import { addMonthsToDays, anniversaryInYear, dayOfMonthOfDays, daysFromCivil, formatCivilDate, monthOfDays, parseCivilDate, weekdayOfDays, yearOfDays } from '../../src/index.js';

describe('civil dates', () => {
    test('round trips against Date over four centuries', () => {
        for (let days = -150_000; days < 150_000; days += 37) {
            const date = new Date(days * 86_400_000);
            expect([yearOfDays(days), monthOfDays(days), dayOfMonthOfDays(days)]).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
            expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(days);
            expect(weekdayOfDays(days)).toBe(((date.getUTCDay() + 6) % 7) + 1);
        }
    });

    test('parse and format', () => {
        expect(parseCivilDate('2024-02-29')).toBe(daysFromCivil(2024, 2, 29));
        expect([parseCivilDate('2026-02-29'), parseCivilDate('2026-13-01'), parseCivilDate('2026-1-01'), parseCivilDate('20260101xx')]).toEqual([undefined, undefined, undefined, undefined]);
        expect(formatCivilDate(daysFromCivil(2026, 3, 8))).toBe('2026-03-08');
    });

    test('month arithmetic clamps to the end of the month; anniversaries of 29 February', () => {
        expect(formatCivilDate(addMonthsToDays(daysFromCivil(2026, 1, 31), 1))).toBe('2026-02-28');
        expect(formatCivilDate(addMonthsToDays(daysFromCivil(2026, 3, 31), -1))).toBe('2026-02-28');
        expect(formatCivilDate(addMonthsToDays(daysFromCivil(2026, 11, 30), 3))).toBe('2027-02-28');
        expect(formatCivilDate(anniversaryInYear(daysFromCivil(2024, 2, 29), 2026))).toBe('2026-02-28');
        expect(formatCivilDate(anniversaryInYear(daysFromCivil(2024, 2, 29), 2028))).toBe('2028-02-29');
    });
});
