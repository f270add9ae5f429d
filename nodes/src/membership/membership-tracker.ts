import { applyEvaluation, type FirstRunPolicy, type MembershipEvaluation, type MembershipTransition } from '@segments/engine';
import type { MembershipStore } from './membership-store.js';

/** A compared membership whose new state is not stored yet. */
export interface PendingMembership extends MembershipTransition {
    /** The snapshot the comparison started from (undefined on a first run). */
    readonly previous: Uint8Array | undefined;
    /**
     * Stores the new membership. Call it once everything else of the run succeeded. It writes
     * nothing when the evaluation was incomplete or the membership did not change.
     */
    commit(): Promise<void>;
}

/**
 * Compares an evaluation with the membership stored under `key` (spec §8, `applyEvaluation`):
 * the first complete evaluation is a baseline (or emits every member with `firstRun: 'emitAll'`),
 * an incomplete one changes nothing and emits nothing. Nothing is written until `commit`.
 */
export async function compareMembership(
    store: MembershipStore,
    key: string,
    evaluation: MembershipEvaluation,
    options: { firstRun?: FirstRunPolicy } = {},
): Promise<PendingMembership> {
    const previous = await store.load(key);
    const transition = applyEvaluation(previous, evaluation, options);
    const unchanged = transition.next === undefined || (previous !== undefined && sameBytes(previous, transition.next));
    return {
        ...transition,
        previous,
        commit: async () => {
            if (!unchanged && transition.next !== undefined) await store.save(key, transition.next);
        },
    };
}

/** Whether two snapshots are the same bytes (snapshots are canonical: the same set gives the same bytes). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}
