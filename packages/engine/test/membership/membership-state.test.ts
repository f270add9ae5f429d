import { describe, expect, test } from 'vitest';
import { SnapshotFormatError } from '../../src/membership/membership-errors.js';
import { applyEvaluation, MembershipState } from '../../src/membership/membership-state.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/membership/snapshot-format.js';

/** Members that must not be read (an incomplete evaluation ignores them). */
const unreadable: Iterable<string> = {
    [Symbol.iterator]() {
        throw new Error('the members of an incomplete evaluation were read');
    },
};

describe('applyEvaluation', () => {
    test('the first complete evaluation records a baseline and emits nothing', () => {
        const transition = applyEvaluation(undefined, { members: ['b', 'a'], complete: true });
        expect(transition.outcome).toBe('firstRun');
        expect(transition.entered).toEqual([]);
        expect(transition.exited).toEqual([]);
        expect(decodeSnapshot(transition.next!)).toEqual(['a', 'b']);
    });

    test('the first run emits every member as entered when asked to', () => {
        const transition = applyEvaluation(undefined, { members: ['b', 'a', 'b'], complete: true }, { firstRun: 'emitAll' });
        expect(transition).toMatchObject({ outcome: 'firstRun', entered: ['a', 'b'], exited: [] });
    });

    test('later evaluations emit entered and exited; a record deleted at the source exits', () => {
        const first = applyEvaluation(undefined, { members: ['1', '2', '3'], complete: true });
        const second = applyEvaluation(first.next, { members: ['1', '3', '4'], complete: true }, { firstRun: 'emitAll' });
        expect(second).toMatchObject({ outcome: 'compared', entered: ['4'], exited: ['2'] });
        expect(decodeSnapshot(second.next!)).toEqual(['1', '3', '4']);
    });

    test('an incomplete evaluation changes no state and emits nothing, not even entries', () => {
        const previous = encodeSnapshot(['1', '2', '3']);
        const transition = applyEvaluation(previous, { members: unreadable, complete: false });
        expect(transition).toEqual({ outcome: 'incomplete', entered: [], exited: [], next: previous });
        expect(transition.next).toBe(previous);
    });

    test('an incomplete first evaluation leaves no baseline: the next complete one is the first run', () => {
        const partial = applyEvaluation(undefined, { members: unreadable, complete: false }, { firstRun: 'emitAll' });
        expect(partial).toEqual({ outcome: 'incomplete', entered: [], exited: [], next: undefined });
        const complete = applyEvaluation(partial.next, { members: ['x'], complete: true }, { firstRun: 'emitAll' });
        expect(complete).toMatchObject({ outcome: 'firstRun', entered: ['x'] });
    });

    test('a corrupt previous snapshot raises', () => {
        const previous = encodeSnapshot(['1']);
        previous[previous.length - 1] ^= 0xff;
        expect(() => applyEvaluation(previous, { members: ['1'], complete: true })).toThrow(SnapshotFormatError);
    });
});

describe('MembershipState', () => {
    test('remembers the snapshot across evaluations and ignores incomplete ones', () => {
        const state = new MembershipState();
        expect(state.snapshot).toBeUndefined();
        expect(state.apply({ members: ['a', 'b'], complete: true })).toMatchObject({ outcome: 'firstRun', entered: [] });
        expect(state.apply({ members: ['a'], complete: false })).toMatchObject({ outcome: 'incomplete', exited: [] });
        expect(decodeSnapshot(state.snapshot!)).toEqual(['a', 'b']);
        expect(state.apply({ members: ['a', 'c'], complete: true })).toMatchObject({ entered: ['c'], exited: ['b'] });
        expect(state.apply({ members: ['a', 'c'], complete: true })).toMatchObject({ entered: [], exited: [] });
    });

    test('starts from a stored snapshot with the first-run policy given', () => {
        const restored = new MembershipState(encodeSnapshot(['a']), { firstRun: 'emitAll' });
        expect(restored.apply({ members: ['a', 'b'], complete: true })).toMatchObject({ outcome: 'compared', entered: ['b'] });
        const fresh = new MembershipState(undefined, { firstRun: 'emitAll' });
        expect(fresh.apply({ members: ['a', 'b'], complete: true })).toMatchObject({ outcome: 'firstRun', entered: ['a', 'b'] });
    });
});
