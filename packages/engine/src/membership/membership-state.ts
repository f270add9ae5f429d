import { type MembershipChange, type MembershipDiffOptions } from './membership-diff.js';
import { diffSnapshots } from './snapshot-diff.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot-format.js';

/** One evaluation of a segment, as the caller saw it. */
export interface MembershipEvaluation {
    /** The keys of the records that are members (duplicates count once). */
    readonly members: Iterable<string>;
    /**
     * Whether the evaluation read the whole source. False after an error, a timeout or a cut-off
     * page: the members are then a part of the membership, never taken for a shrunken segment.
     */
    readonly complete: boolean;
}

/**
 * How an evaluation was taken: `firstRun` recorded the first baseline, `compared` diffed against
 * the previous snapshot, `incomplete` was ignored (no state change, nothing emitted).
 */
export type MembershipOutcome = 'firstRun' | 'compared' | 'incomplete';

/** The result of applying one evaluation to the remembered membership. */
export interface MembershipTransition extends MembershipChange {
    /** How the evaluation was taken. */
    readonly outcome: MembershipOutcome;
    /** The snapshot to remember from now on: the new membership, or `previous` itself when the evaluation was incomplete. */
    readonly next: Uint8Array | undefined;
}

/**
 * Applies an evaluation to the remembered membership `previous` (an uncompressed snapshot, or
 * undefined before the first complete evaluation), following spec §8:
 * - an incomplete evaluation emits nothing and keeps `previous` (its members are not even read);
 * - the first complete evaluation records a baseline and emits nothing, or every member as
 *   entered when `options.firstRun` is `emitAll`;
 * - later ones emit the keys that entered and exited; a record deleted at the source exits.
 * Both lists are in snapshot order (see {@link diffSnapshots}). A corrupt `previous` raises a
 * `SnapshotFormatError` rather than being taken for an empty membership.
 */
export function applyEvaluation(previous: Uint8Array | undefined, evaluation: MembershipEvaluation, options: MembershipDiffOptions = {}): MembershipTransition {
    if (!evaluation.complete) return { outcome: 'incomplete', entered: [], exited: [], next: previous };
    const next = encodeSnapshot(evaluation.members);
    if (previous === undefined) {
        return { outcome: 'firstRun', entered: options.firstRun === 'emitAll' ? decodeSnapshot(next) : [], exited: [], next };
    }
    return { outcome: 'compared', ...diffSnapshots(previous, next), next };
}

/** The membership of one segment remembered in memory between evaluations, with {@link applyEvaluation} semantics. */
export class MembershipState {
    private current: Uint8Array | undefined;
    private readonly options: MembershipDiffOptions;

    /** Starts from a stored snapshot, or from nothing (the next complete evaluation is the first run). */
    constructor(snapshot?: Uint8Array, options: MembershipDiffOptions = {}) {
        this.current = snapshot;
        this.options = options;
    }

    /** The remembered snapshot (uncompressed), undefined until a complete evaluation. */
    get snapshot(): Uint8Array | undefined {
        return this.current;
    }

    /** Applies an evaluation and remembers the outcome's snapshot. */
    apply(evaluation: MembershipEvaluation): MembershipTransition {
        const transition = applyEvaluation(this.current, evaluation, this.options);
        this.current = transition.next;
        return transition;
    }
}
