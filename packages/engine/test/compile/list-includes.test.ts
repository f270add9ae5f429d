import { describe, expect, test } from 'vitest';
import { elementIsText } from '../../src/compile/list-includes.js';
import { evaluatorFor, truths } from '../engine-test-utils.js';

const T = 'TRUE';
const F = 'FALSE';
const U = 'UNKNOWN';

describe('includes on a list of text, tested in place', () => {
    test('an element matches trimmed and ignoring case; blank elements never match', () => {
        expect(elementIsText('vip', 'vip')).toBe(true);
        expect(elementIsText('  VIP ', 'vip')).toBe(true);
        expect(elementIsText('\tVip\n', 'vip')).toBe(true);
        expect(elementIsText('vips', 'vip')).toBe(false);
        expect(elementIsText(' v ip', 'vip')).toBe(false);
        expect(elementIsText('', '')).toBe(false);
        expect(elementIsText('   ', '')).toBe(false);
        expect(elementIsText('İ', 'i̇')).toBe(true);
    });

    test('arrays of strings: whitespace, case, blanks', async () => {
        const records = [{ tags: [' VIP '] }, { tags: ['beta', 'Vip'] }, { tags: ['', '  ', 'beta'] }, { tags: [] }, { tags: ['vip ', 'x'] }];
        expect(await truths('tags includes "vip"', records)).toEqual([T, T, F, F, T]);
        expect(await truths('tags includes "VIP"', records)).toEqual([T, T, F, F, T]);
        expect(await truths('tags includes " vip"', records)).toEqual([F, F, F, F, F]);
        expect(await truths('tags includes ""', records)).toEqual([F, F, F, F, F]);
        expect(await truths('tags includes all of ("vip", "beta")', records)).toEqual([F, T, F, F, F]);
        expect(await truths('tags includes any of ("x", "beta")', records)).toEqual([F, T, T, F, T]);
        expect(await truths('not tags includes "vip"', records)).toEqual([F, F, T, T, F]);
    });

    test('fallbacks: `;`-joined strings, non-string items, missing and unreadable values', async () => {
        const records = [{ tags: 'beta; VIP ;' }, { tags: ['x', 7, null, 'vip'] }, { tags: [7] }, { tags: [true] }, { tags: ['vip', {}] }, { tags: 42 }, {}, { tags: null }];
        expect(await truths('tags includes "vip"', records)).toEqual([T, T, F, F, U, U, U, U]);
        expect(await truths('tags includes "7"', records)).toEqual([F, T, T, F, U, U, U, U]);
        expect(await truths('tags includes "true"', records)).toEqual([F, F, F, T, U, U, U, U]);
        expect(await truths('tags includes all of ("x", "vip")', records)).toEqual([F, T, F, F, U, U, U, U]);
    });

    test('an unreadable list is counted once per record, as the general conversion does', async () => {
        const evaluator = await evaluatorFor('tags includes "vip" or tags includes "beta"', '2026-03-15T12:00:00Z');
        for (const tags of [['vip', {}], ['a', 'b'], 42, 'vip;beta']) evaluator.test({ id: '1', tags });
        expect(evaluator.quality.unreadableValues).toEqual({ tags: 2 });
    });

    test('the same truth as the `;`-joined string of the same elements', async () => {
        const pool = ['vip', ' VIP', 'Vip ', 'beta', '', '  ', 'v i p', 'ViP\t', 'İ', 'newsletter'];
        let seed = 7;
        const pick = () => pool[(seed = (seed * 48271) % 2147483647) % pool.length];
        const arrays = Array.from({ length: 60 }, (_, i) => Array.from({ length: i % 5 }, pick));
        for (const condition of ['tags includes "vip"', 'tags includes all of ("vip", "beta")', 'tags includes any of ("İ", "newsletter")']) {
            const inPlace = await truths(condition, arrays.map((tags) => ({ tags })));
            const joined = await truths(condition, arrays.map((tags) => ({ tags: tags.join(';') })));
            expect(inPlace).toEqual(joined);
        }
    });
});
