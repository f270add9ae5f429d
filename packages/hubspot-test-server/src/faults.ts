import { type Random, SeededRandom } from '@segments/sample-data';

/**
 * Injected faults: a queue of faults for the next read requests, and seeded random faults that strike a
 * given share of read requests, reproducibly.
 */

/** A fault the server can answer a read request with instead of its real answer. */
export type HubSpotFault =
    /** 429 with Retry-After and HubSpot's rate-limit body. */
    | { kind: 'rate-limit'; retryAfterSeconds?: number }
    /** A 5xx with HubSpot's error body (500 unless given). */
    | { kind: 'server-error'; status?: 500 | 502 | 503 | 504 }
    /** Accepts the request and never answers (until the server closes). */
    | { kind: 'timeout' }
    /** Sends the status, headers and part of the real body, then destroys the socket. */
    | { kind: 'truncated' };

/** Settings of random faults. */
export interface RandomFaultOptions {
    /** Seed of the pseudo-random sequence: the same seed and requests give the same faults. */
    seed: number;
    /** Chance, from 0 to 1, that a read request gets a fault. */
    probability: number;
    /** The kinds to choose from, with equal chance. */
    kinds: Array<HubSpotFault['kind']>;
}

/** Controls the faults of a running test server. */
export interface HubSpotFaults {
    /** Queues faults: each strikes one of the next read requests, in order. */
    enqueue(...faults: HubSpotFault[]): void;
    /** Strikes read requests at random (after the queue is empty), reproducibly from the seed. */
    random(options: RandomFaultOptions): void;
    /** Removes queued and random faults. */
    clear(): void;
}

/** The fault plan of one server. */
export class FaultPlan implements HubSpotFaults {
    private readonly queue: HubSpotFault[] = [];
    private chance: { random: Random; probability: number; kinds: Array<HubSpotFault['kind']> } | undefined;

    enqueue(...faults: HubSpotFault[]): void {
        this.queue.push(...faults);
    }

    random(options: RandomFaultOptions): void {
        if (!(options.probability >= 0 && options.probability <= 1) || options.kinds.length === 0) {
            throw new Error('Random faults need a probability from 0 to 1 and at least one kind');
        }
        this.chance = { random: new SeededRandom(options.seed), probability: options.probability, kinds: [...options.kinds] };
    }

    clear(): void {
        this.queue.length = 0;
        this.chance = undefined;
    }

    /** The fault for the next read request, if any. */
    take(): HubSpotFault | undefined {
        const queued = this.queue.shift();
        if (queued || !this.chance) {
            return queued;
        }
        if (this.chance.random.next() >= this.chance.probability) {
            return undefined;
        }
        const kind = this.chance.kinds[Math.floor(this.chance.random.next() * this.chance.kinds.length)];
        return { kind } as HubSpotFault;
    }
}
