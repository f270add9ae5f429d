import type { MembershipTransition } from '@segments/engine';

/** Which input items go to which output of the Segment Membership node. */
export interface MembershipRouting {
    /** Indexes of the items that entered (the first item of each key), in input order. */
    readonly entered: number[];
    /** Keys that exited, in the stored membership's order. */
    readonly exited: string[];
    /** Indexes of the items that were members before and still are (first item of each key), in input order. */
    readonly stayed: number[];
}

/**
 * Routes input items by a membership transition. `firstItems` maps each key to the index of the
 * first item that carries it (later duplicates are not routed: a membership is a set). Stayed
 * items exist only when the transition compared two memberships; a first run and an incomplete
 * evaluation have none.
 */
export function routeMembers(firstItems: ReadonlyMap<string, number>, transition: MembershipTransition): MembershipRouting {
    const entered = new Set(transition.entered);
    const enteredItems: number[] = [];
    const stayedItems: number[] = [];
    if (transition.outcome !== 'incomplete') {
        for (const [key, index] of firstItems) {
            if (entered.has(key)) enteredItems.push(index);
            else if (transition.outcome === 'compared') stayedItems.push(index);
        }
    }
    return { entered: enteredItems, exited: [...transition.exited], stayed: stayedItems };
}
