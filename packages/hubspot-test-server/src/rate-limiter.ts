/** A sliding one-second window: at most N accepted requests in any second, as HubSpot limits search. */
export class RateLimiter {
    private readonly accepted: number[] = [];

    constructor(private readonly requestsPerSecond: number, private readonly now: () => number = Date.now) {
        if (!(requestsPerSecond > 0)) {
            throw new Error(`requestsPerSecond must be positive, not ${requestsPerSecond}`);
        }
    }

    /** Accepts a request (undefined) or says how many whole seconds to wait before retrying. */
    admit(): number | undefined {
        const now = this.now();
        while (this.accepted.length > 0 && this.accepted[0] <= now - 1000) {
            this.accepted.shift();
        }
        if (this.accepted.length >= this.requestsPerSecond) {
            return Math.max(1, Math.ceil((this.accepted[0] + 1000 - now) / 1000));
        }
        this.accepted.push(now);
        return undefined;
    }
}
