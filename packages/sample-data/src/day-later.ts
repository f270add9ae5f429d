import { ActivitySimulator, roundCents, sortedEvents, type Behaviour, type TimedEvent } from './activity.js';
import { CampaignCalendar } from './catalog.js';
import { ContactGenerator, DEFAULT_SEED, summarize, tierOf, type GeneratorOptions } from './contact-generator.js';
import type { Contact, JsonValue } from './contact.js';
import { countries } from './geography.js';
import { isObject } from './imperfections.js';
import { hashSeed, SeededRandom, type Random } from './random.js';
import { DAY, DEFAULT_NOW, MINUTE, YEAR, formatDateTime, parseDateTime, parseInstant } from './time.js';

/** The share of contacts deleted at the source during the day. */
export const DELETION_RATE = 0.003;

/** New contacts of the day, as a share of the first snapshot's contacts. */
export const NEW_CONTACT_RATE = 0.01;

/** Daily probabilities of the field changes of the day. */
export const DAILY_CHANGE_RATES = {
    /** An active subscriber unsubscribes. */
    unsubscribe: 0.004,
    /** A former subscriber, or a contact who never subscribed, subscribes. */
    subscribe: 0.01,
    /** A contact moves to another country. */
    move: 0.002,
    /** A promotion lifts a contact one tier up. */
    tierPromotion: 0.003,
    /** A contact with an open cart comes back and buys. */
    cartRecovered: 0.2,
    /** A recent subscriber gets the welcome e-mail. */
    welcomeSent: 0.6,
    /** An active contact goes shopping. */
    goesShopping: 0.02,
} as const;

/** The order of the tiers, for upgrades. */
const tiers = ['Bronze', 'Silver', 'Gold'] as const;

/** Web event names: sessions are runs of them. */
const webEvents: ReadonlySet<string> = new Set(['PageViewed', 'ProductViewed', 'CartUpdated', 'CheckoutStarted']);

/**
 * Moves contacts one day on (`now` + 24 h), deterministically: each contact's day is drawn from
 * the seed and its id. It continues each contact's recent behaviour (opens of the day's e-mail,
 * visits, purchases, recovered carts) and makes the changes of a CRM day (unsubscribes,
 * subscriptions, tier promotions, moves, welcome e-mails sent, deletions); new contacts come
 * from {@link newContacts}.
 */
export class DayLaterSimulator {
    /** The first snapshot's instant. */
    readonly now: number;
    /** The day-later snapshot's instant: `now` + 24 h. */
    readonly later: number;
    private readonly seed: string;
    private readonly calendar: CampaignCalendar;
    private readonly newContactGenerator: ContactGenerator;

    /** @param options the options the first snapshot was generated with */
    constructor(options: Pick<GeneratorOptions, 'seed' | 'now'> = {}) {
        this.now = parseInstant(options.now ?? DEFAULT_NOW);
        this.later = this.now + DAY;
        this.seed = String(options.seed ?? DEFAULT_SEED);
        this.calendar = new CampaignCalendar(this.now - 100 * DAY, this.later + DAY);
        this.newContactGenerator = new ContactGenerator({ seed: this.seed, now: formatDateTime(this.later) });
    }

    /** The contact a day later, a new object (`contact` is not changed); `undefined` when deleted. */
    advance(contact: Contact): Contact | undefined {
        const random = new SeededRandom(hashSeed(this.seed, 'day-later', contact.id));
        if (random.chance(DELETION_RATE)) {
            return undefined;
        }
        const { now, later } = this;
        const next = copyContact(contact);
        const history: TimedEvent[] = contact.events.map((event) => ({ time: parseDateTime(event.at), event }));
        const behaviour = this.estimateBehaviour(history, next);
        const simulator = new ActivitySimulator(random, this.calendar);
        const sink: TimedEvent[] = [];

        const emailsUntil = this.changeSubscription(random, next);
        if (emailsUntil !== undefined) {
            simulator.emails(behaviour, now, emailsUntil, later, undefined, sink);
        }
        simulator.sessions(behaviour, now, later, sink);
        const lastActivity = history.length > 0 ? history[history.length - 1]!.time : 0;
        if (now - lastActivity < 90 * DAY && random.chance(DAILY_CHANGE_RATES.goesShopping)) {
            simulator.session({ ...behaviour, cartRate: 0.35 }, random.between(now, later - 2 * MINUTE), later, 2, sink);
        }
        simulator.purchases(behaviour, now + 40 * MINUTE, later, now, sink);
        if ((readNumber(contact['cart_value']) ?? 0) > 0 && random.chance(DAILY_CHANGE_RATES.cartRecovered)) {
            simulator.purchase(behaviour, random.between(now + 40 * MINUTE, later), now, sink);
        }
        simulator.conversions(behaviour, now, later, sink);
        sortedEvents(sink);
        this.updateFields(random, next, [...history, ...sink], sink);
        const { events: _events, ...fields } = next;
        return { ...fields, id: contact.id, events: [...contact.events, ...sink.map((entry) => entry.event)] };
    }

    /** New contacts of the day: they sign up between `now` and `later`, ids from `firstIndex` on. */
    *newContacts(firstIndex: number, count: number): Generator<Contact> {
        for (let index = firstIndex; index < firstIndex + count; index++) {
            yield this.newContactGenerator.contact(index, this.now);
        }
    }

    /**
     * Unsubscribes, subscriptions and re-subscriptions of the day, changing `next`.
     * @returns until when the day's e-mails reach the contact; `undefined` when they do not
     */
    private changeSubscription(random: Random, next: Contact): number | undefined {
        const { now, later } = this;
        const status = next['subscription_status'];
        if (status === 'Active') {
            if (random.chance(DAILY_CHANGE_RATES.unsubscribe)) {
                const at = random.between(now, later);
                next['subscription_status'] = 'Unsubscribed';
                return at;
            }
            return later;
        }
        if ((status === 'Unsubscribed' || status === undefined || status === null) && random.chance(DAILY_CHANGE_RATES.subscribe)) {
            const at = random.between(now, later - MINUTE);
            next['subscription_status'] = 'Active';
            next['subscribed_at'] = formatDateTime(at);
            next['welcome_email_sent'] = false;
            return at;
        }
        return undefined;
    }

    /** Rates that continue what the contact did lately (90 days of visits and e-mail, a year of purchases). */
    private estimateBehaviour(history: readonly TimedEvent[], contact: Contact): Behaviour {
        const { now } = this;
        const recent = now - 90 * DAY;
        let sessions = 0;
        let productViews = 0;
        let lastWeb = -Infinity;
        let purchases = 0;
        let spent = 0;
        let conversions = 0;
        let opens = 0;
        let clicks = 0;
        for (const { time, event } of history) {
            const name = event.event;
            if (time >= recent && webEvents.has(name)) {
                if (time - lastWeb > 30 * MINUTE) {
                    sessions++;
                }
                lastWeb = time;
                productViews += name === 'ProductViewed' ? 1 : 0;
            } else if (name === 'Purchased' && time >= now - YEAR) {
                purchases++;
                spent += readNumber(event['amount']) ?? 0;
            } else if (name === 'Converted' && time >= now - YEAR) {
                conversions++;
            } else if (name === 'EmailOpened' && time >= recent) {
                opens++;
            } else if (name === 'EmailClicked' && time >= recent) {
                clicks++;
            }
        }
        const subscribedAt = parseDateTime(String(contact['subscribed_at']));
        const sent = this.calendar.countBetween(Number.isNaN(subscribedAt) ? recent : Math.max(recent, subscribedAt), now);
        return {
            sessionsPerDay: Math.max(0.002, sessions / 90),
            productViewsPerSession: sessions > 0 ? productViews / sessions : 0.8,
            cartRate: 0.15,
            checkoutRate: 0.3,
            purchasesPerDay: Math.max(0.0005, purchases / 365),
            premium: purchases > 0 && spent / purchases > 250,
            conversionsPerDay: Math.max(0.0005, conversions / 365),
            openRate: sent > 0 ? Math.min(0.97, opens / sent) : 0.2,
            clickRate: opens > 0 ? Math.min(0.9, clicks / opens) : 0.1,
        };
    }

    /** Brings the record's fields up to date with the day's events, and makes the day's other changes. */
    private updateFields(random: Random, next: Contact, all: TimedEvent[], today: readonly TimedEvent[]): void {
        const { later } = this;
        const day = summarize(today, later);
        const whole = summarize(all, later);
        const properties = isObject(next['properties']) ? next['properties'] : undefined;

        if (properties !== undefined) {
            addTo(properties, 'total_revenue', day.totalSpent, roundCents);
            addTo(properties, 'num_orders', day.orders);
        }
        addTo(next, 'visits', day.sessions);
        const points = Math.round(day.totalSpent * 2 + day.sessions * 15);
        addTo(next, 'lifetime_points', points);
        addTo(next, 'current_points', points);
        replaceIfReadable(next, 'cart_value', whole.cartValue);
        replaceIfReadable(next, 'cart_items', whole.cartItems);
        if (day.lastPurchase !== undefined) {
            next['last_purchase'] = formatDateTime(day.lastPurchase);
        }
        if (day.lastWeb !== undefined) {
            next['last_visit'] = formatDateTime(day.lastWeb);
        }
        if (today.length > 0) {
            next['last_activity'] = formatDateTime(today[today.length - 1]!.time);
        }

        const lifetimePoints = readNumber(next['lifetime_points']);
        const tierIndex = tiers.indexOf(next['tier'] as (typeof tiers)[number]);
        if (tierIndex >= 0) {
            const earned = lifetimePoints === undefined ? tierIndex : tiers.indexOf(tierOf(lifetimePoints));
            const promoted = random.chance(DAILY_CHANGE_RATES.tierPromotion) ? tierIndex + 1 : tierIndex;
            next['tier'] = tiers[Math.min(2, Math.max(tierIndex, earned, promoted))]!;
        }

        const stage = next['lifecycle_stage'];
        if (day.orders > 0 && (stage === 'Prospect' || stage === 'Lead' || stage === 'Trial')) {
            next['lifecycle_stage'] = 'Customer';
        } else if (day.orders > 0 && stage === 'Customer' && (readNumber(properties?.['num_orders']) ?? 0) >= 5) {
            next['lifecycle_stage'] = 'Loyal';
        } else if (day.lastConversion?.goal === 'trial_started' && (stage === 'Prospect' || stage === 'Lead')) {
            next['lifecycle_stage'] = 'Trial';
        }
        if ((day.lastConversion !== undefined || day.lastCheckout !== undefined) && next['journey_phase'] !== undefined && random.chance(0.85)) {
            next['journey_phase'] = 'Decision';
        }

        const subscribedAt = parseDateTime(String(next['subscribed_at']));
        if (!Number.isNaN(subscribedAt) && later - subscribedAt < 7 * DAY && next['welcome_email_sent'] !== true
            && subscribedAt < this.now && random.chance(DAILY_CHANGE_RATES.welcomeSent)) {
            next['welcome_email_sent'] = true;
        }
        if (random.chance(DAILY_CHANGE_RATES.move)) {
            const country = countries.pick(random);
            const region = country.regions.pick(random);
            next['country'] = country.code;
            if (region.state === undefined) {
                delete next['state'];
            } else {
                next['state'] = region.state;
            }
            next['timezone'] = region.timezone;
        }
    }
}

/**
 * The "day later" snapshot of a snapshot: every contact moved one day on (some deleted), then
 * the day's new contacts, their ids following the first snapshot's (index = its contact count).
 * Lazy: contacts are consumed and produced one at a time.
 * @param options the options the first snapshot was generated with
 */
export function* dayLater(contacts: Iterable<Contact>, options: Pick<GeneratorOptions, 'seed' | 'now'> = {}): Generator<Contact> {
    const simulator = new DayLaterSimulator(options);
    let count = 0;
    for (const contact of contacts) {
        count++;
        const next = simulator.advance(contact);
        if (next !== undefined) {
            yield next;
        }
    }
    yield* simulator.newContacts(count, newContactCount(count));
}

/** How many contacts sign up during the day, for a snapshot of `contacts`. */
export function newContactCount(contacts: number): number {
    return Math.round(contacts * NEW_CONTACT_RATE);
}

/** A copy of a contact deep enough to change its fields and nested objects (events are shared). */
function copyContact(contact: Contact): Contact {
    const copy = { ...contact };
    for (const key of ['properties', 'company']) {
        const value = copy[key];
        if (isObject(value)) {
            copy[key] = { ...value };
        }
    }
    return copy;
}

/** A number, or a numeric string, as a number; `undefined` for anything else. */
export function readNumber(value: JsonValue | undefined): number | undefined {
    if (typeof value === 'number') {
        return value;
    }
    if (typeof value === 'string' && value.trim() !== '') {
        const number = Number(value);
        return Number.isFinite(number) ? number : undefined;
    }
    return undefined;
}

/** Adds `amount` to a readable number field, keeping its encoding (number or numeric string); leaves others alone. */
function addTo(target: { [key: string]: JsonValue }, key: string, amount: number, round: (n: number) => number = (n) => n): void {
    const value = target[key];
    const current = readNumber(value);
    if (amount === 0 || current === undefined) {
        return;
    }
    const sum = round(current + amount);
    target[key] = typeof value === 'string' ? String(sum) : sum;
}

/** Replaces a readable number field (missing and malformed values stay as they are). */
function replaceIfReadable(target: { [key: string]: JsonValue }, key: string, value: number): void {
    if (readNumber(target[key]) !== undefined) {
        target[key] = value;
    }
}
