import type { IDataObject } from 'n8n-workflow';

/** How early a poll may come and still be due: n8n's poll times fire on their minute, give or take a little. */
export const REFRESH_TOLERANCE_MS = 30_000;

/**
 * A segment's `refresh every` hint, applied to the Segment Trigger: a poll that comes sooner than
 * the hint after the last complete poll is skipped, without a request to HubSpot. So n8n's *Poll
 * Times* say how often the trigger wakes up, and the segment how fresh it needs to be (`refresh
 * every 1 hours` on a trigger polling every 15 minutes reads HubSpot once an hour). A segment
 * without the hint is polled every time. The instant of the last complete poll is kept in the
 * node's static data, beside the membership; a failed poll does not count.
 */
export class RefreshGate {
    protected readonly key: string;

    constructor(
        protected readonly staticData: IDataObject,
        segment: string,
        protected readonly refreshMinutes: number | undefined,
    ) {
        this.key = `lastPoll:${segment}`;
    }

    /** Whether a poll at `now` should read HubSpot. */
    isDue(now: Date): boolean {
        if (this.refreshMinutes === undefined) return true;
        const last = Date.parse(String(this.staticData[this.key] ?? ''));
        return Number.isNaN(last) || now.getTime() - last >= this.refreshMinutes * 60_000 - REFRESH_TOLERANCE_MS;
    }

    /** Records a complete poll at `now`. */
    polled(now: Date): void {
        if (this.refreshMinutes !== undefined) this.staticData[this.key] = now.toISOString();
    }
}
