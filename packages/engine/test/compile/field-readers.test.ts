import { describe, expect, test } from 'vitest';
import { evaluatorFor, truths } from '../engine-test-utils.js';

const T = 'TRUE';
const F = 'FALSE';
const U = 'UNKNOWN';
const NOW = '2026-03-15T12:00:00Z';

describe('date fields: `YYYY-MM-DD` fast, everything else through the full conversion', () => {
    test('plain dates, impossible dates, datetimes, epoch milliseconds', async () => {
        const records = [
            { birthday: '1990-03-02' },
            { birthday: '1990-02-30' },
            { birthday: '1990-3-02XX' },
            { birthday: '1990-03-02T10:00:00Z' },
            { birthday: '1990-03-01T23:30:00-05:00' },
            { birthday: ' 1990-03-02 ' },
            { birthday: Date.parse('1990-03-02T00:00:00Z') },
            { birthday: '' },
            { birthday: 'March 2' },
        ];
        expect(await truths('birthday = 1990-03-02', records, NOW)).toEqual([T, U, U, T, T, T, T, U, U]);
        const evaluator = await evaluatorFor('month(birthday) = 3', NOW);
        records.forEach((r) => evaluator.test({ id: 'x', ...r }));
        expect(evaluator.quality.unreadableValues).toEqual({ birthday: 3 });
    });
});

describe('text predicates against a constant', () => {
    test('contains ignores case unless case-sensitive; missing is UNKNOWN', async () => {
        const records = [{ first_name: 'Ada Lovelace' }, { first_name: 'ADA' }, { first_name: 'Grace' }, {}, { first_name: 7 }];
        expect(await truths('first_name contains "ada"', records, NOW)).toEqual([T, T, F, U, F]);
        expect(await truths('first_name contains "LOVE"', records, NOW)).toEqual([T, F, F, U, F]);
        expect(await truths('first_name contains ""', records, NOW)).toEqual([T, T, T, U, T]);
        expect(await truths('first_name starts with "gr"', records, NOW)).toEqual([F, F, T, U, F]);
    });
});
