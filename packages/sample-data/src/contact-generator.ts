import { ActivitySimulator, sortedEvents, type TimedEvent } from './activity.js';
import { CampaignCalendar } from './catalog.js';
import { contactId, type Contact, type JsonValue } from './contact.js';
import { drawIdentity, type Identity, type IdentityOverrides } from './identity.js';
import { drawImperfections, noImperfections, RecordBuilder, type Imperfections } from './imperfections.js';
import { drawProfile, trackingStart, type Profile, type ProfileOverrides } from './profile.js';
import { hashSeed, SeededRandom, type Random } from './random.js';
import { DAY, DEFAULT_NOW, HOUR, MINUTE, formatDateTime, parseInstant } from './time.js';
import { signupSources, tagVocabulary } from './vocabulary.js';

/** The default seed of the sample. */
export const DEFAULT_SEED = 'segments';

/** The number of contacts of the committed sample. */
export const DEFAULT_CONTACTS = 2_000;

/** What to generate. */
export interface GeneratorOptions {
    /** How many contacts; default {@link DEFAULT_CONTACTS}. */
    readonly contacts?: number;
    /** Same seed, same contacts, byte for byte; default {@link DEFAULT_SEED}. */
    readonly seed?: string | number;
    /** The snapshot's instant, ISO-8601 with a zone; default {@link DEFAULT_NOW}. */
    readonly now?: string;
}

/** A hand-made contact at a fixed index: identity and behaviour overrides. */
export interface Persona {
    readonly identity: IdentityOverrides;
    readonly profile: ProfileOverrides;
}

/**
 * The people of `examples/lists/vip.csv`, so that the `engaged_vips` example has members and
 * non-members: two highly engaged, one highly engaged who bought this week (excluded by
 * `highly_engaged`), one who never opens an e-mail.
 */
export const personas: ReadonlyMap<number, Persona> = new Map<number, Persona>([
    [3, {
        identity: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB' },
        profile: { shopper: 'regular', reader: 'high', loyal: true, minimumAgeDays: 800, noPurchaseForDays: 10, openRate: 0.9, clickRate: 0.5 },
    }],
    [11, {
        identity: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', country: 'US', state: 'NY' },
        profile: { shopper: 'frequent', reader: 'high', loyal: true, minimumAgeDays: 1200, noPurchaseForDays: 9, openRate: 0.85, clickRate: 0.45 },
    }],
    [29, {
        identity: { firstName: 'Katherine', lastName: 'Johnson', email: 'katherine@example.org', country: 'US', state: 'VA' },
        profile: { shopper: 'regular', reader: 'high', loyal: true, minimumAgeDays: 600, purchaseDaysAgo: 2, openRate: 0.9, clickRate: 0.5 },
    }],
    [47, {
        identity: { firstName: 'Margaret', lastName: 'Hamilton', email: 'margaret@example.net', country: 'US', state: 'MA' },
        profile: { shopper: 'occasional', reader: 'never', loyal: true, minimumAgeDays: 900 },
    }],
]);

/** Event names of website activity: they make a visit. */
const webEvents: ReadonlySet<string> = new Set(['PageViewed', 'ProductViewed', 'CartUpdated', 'CheckoutStarted']);

/** Carts older than this are expired: the cart is empty again. */
const CART_LIFETIME = 30 * DAY;

/** Lifetime points needed for Silver and for Gold. */
export const TIER_THRESHOLDS = { Silver: 1_500, Gold: 4_000 } as const;

/**
 * Generates contacts, each from its own seed (the generator's seed and the contact's index), so
 * any contact can be made alone, in any order, and the same options give the same bytes.
 */
export class ContactGenerator {
    /** The snapshot's instant, epoch milliseconds. */
    readonly now: number;
    private readonly seed: string;
    private readonly calendar: CampaignCalendar;

    constructor(options: Pick<GeneratorOptions, 'seed' | 'now'> = {}) {
        this.now = parseInstant(options.now ?? DEFAULT_NOW);
        this.seed = String(options.seed ?? DEFAULT_SEED);
        this.calendar = new CampaignCalendar(trackingStart(this.now) - DAY, this.now + DAY);
    }

    /**
     * The contact at `index` (0-based; its id is {@link contactId}).
     * @param createdAfter when set, the contact signs up in [createdAfter, now): a new contact of the day-later snapshot
     */
    contact(index: number, createdAfter?: number): Contact {
        const random = new SeededRandom(hashSeed(this.seed, 'contact', index));
        const persona = createdAfter === undefined ? personas.get(index) : undefined;
        const profile = drawProfile(random, this.now, createdAfter, persona?.profile);
        const identity = drawIdentity(random, this.now, persona?.identity);
        const timed = this.events(random, profile);
        const imperfections = persona === undefined ? drawImperfections(random) : noImperfections;
        return this.record(random, contactId(index), identity, profile, timed, imperfections);
    }

    /** Everything the contact did, oldest first. */
    private events(random: Random, profile: Profile): TimedEvent[] {
        const now = this.now;
        const simulator = new ActivitySimulator(random, this.calendar);
        const { behaviour, createdAt } = profile;
        const tracked = trackingStart(now);
        const activeEnd = profile.churnAt ?? now;
        const sink: TimedEvent[] = [];

        sink.push({ time: createdAt, event: { event: 'SignedUp', at: formatDateTime(createdAt), source: signupSources.pick(random) } });
        simulator.sessions(behaviour, Math.max(createdAt, tracked), activeEnd, sink);
        if (profile.inMarket) {
            const shopping = { ...behaviour, cartRate: 0.35 };
            const sessions = random.int(1, 3);
            for (let i = 0; i < sessions; i++) {
                simulator.session(shopping, Math.max(createdAt, now - random.between(20 * MINUTE, 47 * HOUR)), now, 2, sink);
            }
        }
        const purchasesEnd = Math.min(activeEnd, profile.purchasesUntil ?? activeEnd);
        simulator.purchases(behaviour, createdAt + 10 * MINUTE, purchasesEnd, tracked, sink);
        if (profile.forcedPurchaseAt !== undefined) {
            simulator.purchase(behaviour, profile.forcedPurchaseAt, tracked, sink);
        }
        if (profile.subscribedAt !== undefined) {
            simulator.emails(behaviour, Math.max(profile.subscribedAt, tracked), profile.subscriptionEndedAt ?? now, now, profile.churnAt, sink);
        }
        simulator.conversions(behaviour, createdAt, activeEnd, sink);
        return sortedEvents(sink);
    }

    /** The CRM record: fields consistent with the events (totals, last times, open cart). */
    private record(random: Random, id: string, identity: Identity, profile: Profile, timed: readonly TimedEvent[], imperfections: Imperfections): Contact {
        const now = this.now;
        const tracked = trackingStart(now);
        const summary = summarize(timed, now);

        const untrackedDays = Math.max(0, (Math.min(profile.churnAt ?? now, tracked) - profile.createdAt) / DAY);
        const untrackedVisits = random.poisson(profile.behaviour.sessionsPerDay * untrackedDays);
        const visits = 1 + summary.sessions + untrackedVisits;
        const firstVisit = profile.createdAt - (random.chance(0.5) ? random.between(0, 20 * DAY) : random.between(0, 10 * MINUTE));
        let lastVisit = Math.max(profile.createdAt, summary.lastWeb ?? 0);
        if (summary.lastWeb === undefined && untrackedVisits > 0) {
            lastVisit = Math.max(lastVisit, Math.min(profile.churnAt ?? now, tracked) - random.between(0, 60 * DAY));
        }
        const lastEvent = timed.length > 0 ? timed[timed.length - 1]!.time : profile.createdAt;

        const subscribed = profile.subscribedAt !== undefined;
        const tags = drawTags(random, subscribed);
        const bonusPoints = random.chance(0.05) ? Math.round(random.logNormal(1_500, 0.8)) : 0;
        const lifetimePoints = Math.round(summary.totalSpent * 2 + visits * 15 + (subscribed ? 100 : 0) + (tags.includes('referral') ? 500 : 0) + bonusPoints);
        const currentPoints = Math.round(lifetimePoints * (random.chance(0.4) ? 1 : random.between(0.1, 0.9)));
        const lifecycle = lifecycleStage(random, summary, subscribed);
        const phase = journeyPhase(random, summary, now);
        const welcomed = profile.subscribedAt === undefined ? undefined
            : now - profile.subscribedAt < 7 * DAY ? random.chance(0.35) : random.chance(0.98);

        const builder = new RecordBuilder(imperfections);
        const contact = { id } as Contact;
        const set = (path: string, value: JsonValue | undefined): void => builder.set(contact, path, path, value);
        set('email', identity.email);
        set('phone', identity.phone);
        set('first_name', identity.firstName);
        set('last_name', identity.lastName);
        set('birthday', identity.birthday);
        set('country', identity.country);
        set('state', identity.state);
        set('timezone', identity.timezone);
        set('product_interest', identity.productInterest);
        set('budget', identity.budget);
        set('tags', imperfections.joinedTags && tags.length >= 2 ? tags.join(';') : tags);
        set('tier', tierOf(lifetimePoints));
        set('lifecycle_stage', lifecycle);
        set('journey_phase', phase);
        set('subscription_status', profile.subscription);
        set('lifetime_points', lifetimePoints);
        set('current_points', currentPoints);
        set('visits', visits);
        set('cart_value', summary.cartValue);
        set('cart_items', summary.cartItems);
        set('created_at', imperfections.epochCreatedAt ? Math.floor(profile.createdAt / 1000) * 1000 : formatDateTime(profile.createdAt));
        set('first_visit', formatDateTime(firstVisit));
        set('last_visit', formatDateTime(lastVisit));
        set('last_activity', formatDateTime(Math.max(lastEvent, lastVisit)));
        set('last_purchase', summary.lastPurchase === undefined ? undefined : formatDateTime(summary.lastPurchase));
        set('subscribed_at', profile.subscribedAt === undefined ? undefined : formatDateTime(profile.subscribedAt));
        set('welcome_email_sent', welcomed);

        const properties: { [key: string]: JsonValue } = {};
        const property = (key: string, value: JsonValue): void => builder.set(properties, 'properties.' + key, key, value);
        property('jobtitle', identity.jobTitle);
        property('total_revenue', imperfections.stringProperties ? String(summary.totalSpent) : summary.totalSpent);
        property('num_orders', imperfections.stringProperties ? String(summary.orders) : summary.orders);
        contact['properties'] = properties;

        const company: { [key: string]: JsonValue } = {};
        if (identity.company !== undefined) {
            company['name'] = identity.company.name;
        }
        builder.set(company, 'company.employees', 'employees', identity.company?.employees);
        if (Object.keys(company).length > 0) {
            contact['company'] = company;
        }
        contact.events = timed.map((entry) => entry.event);
        return contact;
    }
}

/** What a contact's events add up to. */
export interface EventSummary {
    /** Dollars spent, cents rounded. */
    readonly totalSpent: number;
    readonly orders: number;
    readonly lastPurchase: number | undefined;
    /** Sessions seen in the tracked events (a run of web events with gaps under 30 minutes). */
    readonly sessions: number;
    readonly lastWeb: number | undefined;
    /** The open cart: the last cart update not followed by a purchase, unless expired. */
    readonly cartValue: number;
    readonly cartItems: number;
    readonly lastConversion: { readonly at: number; readonly goal: string } | undefined;
    readonly lastCheckout: number | undefined;
}

/** Adds up a contact's events, oldest first, as they stand at `now`. */
export function summarize(timed: readonly TimedEvent[], now: number): EventSummary {
    let totalCents = 0;
    let orders = 0;
    let lastPurchase: number | undefined;
    let sessions = 0;
    let lastWeb: number | undefined;
    let cart: { value: number; items: number; at: number } | undefined;
    let lastConversion: EventSummary['lastConversion'];
    let lastCheckout: number | undefined;
    for (const { time: at, event } of timed) {
        switch (event.event) {
            case 'Purchased':
                totalCents += Math.round(numberOf(event['amount']) * 100);
                orders++;
                lastPurchase = at;
                cart = undefined;
                break;
            case 'CartUpdated':
                cart = { value: numberOf(event['cart_value']), items: numberOf(event['items']), at };
                break;
            case 'CheckoutStarted':
                lastCheckout = at;
                break;
            case 'Converted':
                lastConversion = { at, goal: String(event['goal']) };
                break;
        }
        if (webEvents.has(event.event)) {
            if (lastWeb === undefined || at - lastWeb > 30 * MINUTE) {
                sessions++;
            }
            lastWeb = at;
        }
    }
    const open = cart !== undefined && now - cart.at < CART_LIFETIME ? cart : undefined;
    return {
        totalSpent: totalCents / 100,
        orders,
        lastPurchase,
        sessions,
        lastWeb,
        cartValue: open?.value ?? 0,
        cartItems: open?.items ?? 0,
        lastConversion,
        lastCheckout,
    };
}

/** A JSON number, 0 for anything else. */
function numberOf(value: JsonValue | undefined): number {
    return typeof value === 'number' ? value : 0;
}

/** The loyalty tier of a points balance. */
export function tierOf(lifetimePoints: number): 'Bronze' | 'Silver' | 'Gold' {
    return lifetimePoints >= TIER_THRESHOLDS.Gold ? 'Gold' : lifetimePoints >= TIER_THRESHOLDS.Silver ? 'Silver' : 'Bronze';
}

/** The customer-journey stage that orders and conversions imply. */
export function lifecycleStage(random: Random, summary: EventSummary, subscribed: boolean): string {
    if (summary.orders >= 5) {
        return random.chance(0.15) ? 'Advocate' : 'Loyal';
    }
    if (summary.orders >= 1) {
        return 'Customer';
    }
    if (summary.lastConversion?.goal === 'trial_started') {
        return 'Trial';
    }
    return summary.lastConversion !== undefined || subscribed ? 'Lead' : 'Prospect';
}

/** The buying phase the web tracker computes: decision after a recent conversion or checkout. */
export function journeyPhase(random: Random, summary: EventSummary, now: number): string {
    const recentConversion = summary.lastConversion !== undefined && now - summary.lastConversion.at < 60 * DAY;
    const recentCheckout = summary.lastCheckout !== undefined && now - summary.lastCheckout < 14 * DAY;
    if ((recentConversion || recentCheckout) && random.chance(0.85)) {
        return 'Decision';
    }
    if (summary.lastWeb !== undefined && now - summary.lastWeb < 30 * DAY) {
        return random.chance(0.7) ? 'Consideration' : 'Orientation';
    }
    return random.chance(0.8) ? 'Orientation' : 'Consideration';
}

/** Up to a few distinct tags; subscribers mostly carry `newsletter`. */
function drawTags(random: Random, subscribed: boolean): string[] {
    const tags = new Set<string>();
    if (subscribed && random.chance(0.5)) {
        tags.add('newsletter');
    }
    const extra = random.poisson(0.6);
    for (let i = 0; i < extra; i++) {
        tags.add(tagVocabulary.pick(random));
    }
    return [...tags];
}

/** Contacts `0 .. count-1` of a generator, one at a time: nothing is held in memory. */
export function* generateContacts(options: GeneratorOptions = {}): Generator<Contact> {
    const generator = new ContactGenerator(options);
    const count = options.contacts ?? DEFAULT_CONTACTS;
    for (let index = 0; index < count; index++) {
        yield generator.contact(index);
    }
}
