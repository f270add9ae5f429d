import { CampaignCalendar, everydayProducts, premiumProducts, sitePages, type Product } from './catalog.js';
import type { ContactEvent } from './contact.js';
import { WeightedTable, type Random } from './random.js';
import { DAY, HOUR, MINUTE, formatDateTime } from './time.js';
import { conversionGoals } from './vocabulary.js';

/** How a contact behaves: the rates from which their events are drawn. */
export interface Behaviour {
    /** Website sessions per day while active. */
    readonly sessionsPerDay: number;
    /** Mean product views in a session. */
    readonly productViewsPerSession: number;
    /** Probability that a session with a product view fills the cart (and does not buy). */
    readonly cartRate: number;
    /** Probability that such an abandoned cart gets as far as the checkout. */
    readonly checkoutRate: number;
    /** Purchases per day while active, before the holiday season's boost. */
    readonly purchasesPerDay: number;
    /** Whether the contact buys expensive things and bigger baskets. */
    readonly premium: boolean;
    /** Website conversions (demo requests, trials, ...) per day while active. */
    readonly conversionsPerDay: number;
    /** Probability of opening a campaign e-mail. */
    readonly openRate: number;
    /** Probability of clicking an opened campaign e-mail. */
    readonly clickRate: number;
}

/** A simulated event: its instant in epoch milliseconds, and the event as written. */
export interface TimedEvent {
    readonly time: number;
    readonly event: ContactEvent;
}

/** How much more people buy in the holiday season: up to this factor. */
const MAX_SEASONAL_FACTOR = 3;

/** UTC hours at which people are online, by weight (the audience is mostly in the Americas). */
const activeHours = new WeightedTable<number>([
    [0, 5], [1, 4], [2, 3], [3, 2], [4, 1], [5, 1], [6, 1], [7, 1], [8, 2], [9, 2], [10, 3], [11, 3],
    [12, 4], [13, 5], [14, 6], [15, 6], [16, 6], [17, 6], [18, 6], [19, 6], [20, 6], [21, 6], [22, 6], [23, 6],
]);

/** Rounds dollars to cents. */
export function roundCents(amount: number): number {
    return Math.round(amount * 100) / 100;
}

/** How much more people buy at `epochMs` than usual: Black Friday week, then December. */
export function seasonalFactor(epochMs: number): number {
    const date = new Date(epochMs);
    const month = date.getUTCMonth();
    const day = date.getUTCDate();
    if ((month === 10 && day >= 23) || (month === 11 && day <= 2)) {
        return MAX_SEASONAL_FACTOR;
    }
    if (month === 11 && day <= 24) {
        return 2;
    }
    return month === 10 ? 1.4 : 1;
}

/**
 * Draws events from a {@link Behaviour} over a time window and appends them to a list, unsorted.
 * Every event lies in the window it was asked for, so nothing lies after the snapshot's `now`.
 */
export class ActivitySimulator {
    /**
     * @param random the contact's own randomness
     * @param calendar the e-mail sends
     */
    constructor(private readonly random: Random, private readonly calendar: CampaignCalendar) {}

    /** An instant in [from, to), at an hour when people are online when the window allows it. */
    instantIn(from: number, to: number): number {
        const uniform = this.random.between(from, to);
        const onlineTime = Math.floor(uniform / DAY) * DAY + activeHours.pick(this.random) * HOUR + this.random.between(0, HOUR);
        return onlineTime >= from && onlineTime < to ? onlineTime : uniform;
    }

    /** Browsing sessions in [from, to): page views, product views, and carts that are not bought. */
    sessions(behaviour: Behaviour, from: number, to: number, sink: TimedEvent[]): void {
        const count = this.random.poisson(behaviour.sessionsPerDay * Math.max(0, to - from) / DAY);
        for (let i = 0; i < count; i++) {
            this.session(behaviour, this.instantIn(from, to), to, 0, sink);
        }
    }

    /**
     * One browsing session starting at `start`, its events kept before `end`.
     * @param minimumProductViews product views the session has at least (a shopper in the market)
     */
    session(behaviour: Behaviour, start: number, end: number, minimumProductViews: number, sink: TimedEvent[]): void {
        const random = this.random;
        let time = start;
        const pages = 1 + random.poisson(0.3);
        for (let i = 0; i < pages; i++) {
            this.push(sink, time, end, { event: 'PageViewed', at: '', url: sitePages.pick(random) });
            time += random.between(20_000, 3 * MINUTE);
        }
        const views = minimumProductViews + random.poisson(behaviour.productViewsPerSession);
        const viewed: Product[] = [];
        for (let i = 0; i < views; i++) {
            const product = this.product(behaviour);
            viewed.push(product);
            this.push(sink, time, end, { event: 'ProductViewed', at: '', product: product.name, category: product.category, price: product.price });
            time += random.between(30_000, 4 * MINUTE);
        }
        if (viewed.length > 0 && random.chance(behaviour.cartRate)) {
            const items = Math.min(viewed.length, 1 + random.poisson(0.4));
            const cartValue = roundCents(viewed.slice(0, items).reduce((sum, product) => sum + product.price, 0));
            this.push(sink, time, end, { event: 'CartUpdated', at: '', cart_value: cartValue, items });
            if (random.chance(behaviour.checkoutRate)) {
                time += random.between(MINUTE, 6 * MINUTE);
                this.push(sink, time, end, { event: 'CheckoutStarted', at: '', cart_value: cartValue });
            }
        }
    }

    /**
     * Purchases in [from, to), more of them in the holiday season. A purchase at or after
     * `trackedFrom` comes with its funnel: product view, cart, checkout.
     */
    purchases(behaviour: Behaviour, from: number, to: number, trackedFrom: number, sink: TimedEvent[]): void {
        const random = this.random;
        const candidates = random.poisson(behaviour.purchasesPerDay * MAX_SEASONAL_FACTOR * Math.max(0, to - from) / DAY);
        for (let i = 0; i < candidates; i++) {
            const time = this.instantIn(from, to);
            if (random.chance(seasonalFactor(time) / MAX_SEASONAL_FACTOR)) {
                this.purchase(behaviour, time, trackedFrom, sink);
            }
        }
    }

    /**
     * One purchase at `time`, with its funnel when `time >= trackedFrom`: a product view half
     * the time, the cart and the checkout, all within 15 minutes before.
     */
    purchase(behaviour: Behaviour, time: number, trackedFrom: number, sink: TimedEvent[]): void {
        const random = this.random;
        const product = this.product(behaviour);
        const quantity = 1 + random.poisson(behaviour.premium ? 1 : 0.3);
        const discount = random.chance(0.3) ? random.between(0.7, 0.95) : 1;
        const amount = roundCents(product.price * quantity * discount);
        if (time >= trackedFrom) {
            const checkoutAt = time - random.between(MINUTE, 6 * MINUTE);
            const cartAt = checkoutAt - random.between(MINUTE, 4 * MINUTE);
            if (random.chance(0.5)) {
                const viewedAt = cartAt - random.between(30_000, 5 * MINUTE);
                sink.push(this.timed(viewedAt, { event: 'ProductViewed', at: '', product: product.name, category: product.category, price: product.price }));
            }
            sink.push(this.timed(cartAt, { event: 'CartUpdated', at: '', cart_value: amount, items: quantity }));
            sink.push(this.timed(checkoutAt, { event: 'CheckoutStarted', at: '', cart_value: amount }));
        }
        sink.push(this.timed(time, { event: 'Purchased', at: '', amount, product: product.name }));
    }

    /**
     * Opens and clicks of the campaigns sent in [from, to), none at or after `horizon`.
     * @param fadeAt from then on the contact opens twenty times less (they lost interest)
     */
    emails(behaviour: Behaviour, from: number, to: number, horizon: number, fadeAt: number | undefined, sink: TimedEvent[]): void {
        if (behaviour.openRate <= 0) {
            return;
        }
        const random = this.random;
        for (const campaign of this.calendar.between(from, to)) {
            const openRate = fadeAt !== undefined && campaign.sentAt >= fadeAt ? behaviour.openRate * 0.05 : behaviour.openRate;
            if (!random.chance(openRate)) {
                continue;
            }
            const openedAt = campaign.sentAt + MINUTE + random.exponential(4 * HOUR);
            this.push(sink, openedAt, horizon, { event: 'EmailOpened', at: '', campaign: campaign.name });
            if (random.chance(behaviour.clickRate)) {
                this.push(sink, openedAt + random.between(5_000, 5 * MINUTE), horizon, { event: 'EmailClicked', at: '', campaign: campaign.name, url: campaign.url });
            }
        }
    }

    /** Website conversions in [from, to). */
    conversions(behaviour: Behaviour, from: number, to: number, sink: TimedEvent[]): void {
        const count = this.random.poisson(behaviour.conversionsPerDay * Math.max(0, to - from) / DAY);
        for (let i = 0; i < count; i++) {
            const [goal, value] = conversionGoals.pick(this.random);
            sink.push(this.timed(this.instantIn(from, to), { event: 'Converted', at: '', goal, value }));
        }
    }

    /** A product, as this contact picks them. */
    private product(behaviour: Behaviour): Product {
        return (behaviour.premium ? premiumProducts : everydayProducts).pick(this.random);
    }

    /** Appends the event when `time` is before `end`. */
    private push(sink: TimedEvent[], time: number, end: number, event: ContactEvent): void {
        if (time < end) {
            sink.push(this.timed(time, event));
        }
    }

    /** The event, its `at` filled in from `time` (whole seconds). */
    private timed(time: number, event: ContactEvent): TimedEvent {
        const seconds = Math.floor(time / 1000) * 1000;
        event.at = formatDateTime(seconds);
        return { time: seconds, event };
    }
}

/** Sorts simulated events in time order (stable for equal instants), in place. */
export function sortedEvents(timed: TimedEvent[]): TimedEvent[] {
    return timed.sort((a, b) => a.time - b.time);
}
