import { describe, expect, test } from 'vitest';
import { diffMemberships } from '../../src/membership/membership-diff.js';

describe('diffMemberships', () => {
    test('entered are in the current order, exited in the previous order', () => {
        const change = diffMemberships(['a', 'b', 'c', 'd'], ['e', 'c', 'a', 'f']);
        expect(change).toEqual({ entered: ['e', 'f'], exited: ['b', 'd'] });
    });

    test('a record deleted at the source exits', () => {
        expect(diffMemberships(['1', '2', '3'], ['1', '3'])).toEqual({ entered: [], exited: ['2'] });
    });

    test('duplicates count once on both sides', () => {
        expect(diffMemberships(['a', 'b', 'a', 'b'], ['c', 'c', 'a', 'c'])).toEqual({ entered: ['c'], exited: ['b'] });
    });

    test('equal sets in different orders do not change', () => {
        expect(diffMemberships(['x', 'y', 'z'], ['z', 'x', 'y'])).toEqual({ entered: [], exited: [] });
    });

    test('an empty previous membership is not a first run: everything enters', () => {
        expect(diffMemberships([], ['a', 'b'])).toEqual({ entered: ['a', 'b'], exited: [] });
    });

    test('everything exits when the current membership is empty', () => {
        expect(diffMemberships(['a', 'b'], [])).toEqual({ entered: [], exited: ['a', 'b'] });
    });

    test('the first run records a baseline and emits nothing by default', () => {
        expect(diffMemberships(undefined, ['a', 'b'])).toEqual({ entered: [], exited: [] });
        expect(diffMemberships(undefined, ['a', 'b'], { firstRun: 'baseline' })).toEqual({ entered: [], exited: [] });
    });

    test('the first run emits every member once when asked to', () => {
        expect(diffMemberships(undefined, ['b', 'a', 'b'], { firstRun: 'emitAll' })).toEqual({ entered: ['b', 'a'], exited: [] });
    });

    test('accepts any iterables, read once', () => {
        function* keys(...values: string[]) {
            yield* values;
        }
        expect(diffMemberships(keys('1', '2'), new Set(['2', '3']))).toEqual({ entered: ['3'], exited: ['1'] });
    });
});
