import type { Behaviour } from './activity.js';
import { WeightedTable, type Random } from './random.js';
import { DAY, HOUR, MINUTE, YEAR } from './time.js';

/** How a contact shops. */
export type ShopperKind = 'browser' | 'occasional' | 'regular' | 'frequent' | 'whale';

/** How a contact reads e-mail. */
export type ReaderKind = 'never' | 'low' | 'medium' | 'high';

/**
 * What the generator knows about a contact and the CRM does not: when they arrived, when (if
 * ever) they lost interest, how they behave, and how their subscription went.
 */
export interface Profile {
    readonly createdAt: number;
    /** Activity stops here (purchases, visits, conversions); e-mail opens fade. */
    readonly churnAt: number | undefined;
    readonly shopper: ShopperKind;
    readonly reader: ReaderKind;
    readonly behaviour: Behaviour;
    /** When they subscribed to e-mail; `undefined` for a contact who never did. */
    readonly subscribedAt: number | undefined;
    /** How the subscription stands at `now`. */
    readonly subscription: 'Active' | 'Unsubscribed' | 'Bounced' | undefined;
    /** When an unsubscribe or a bounce ended the e-mails. */
    readonly subscriptionEndedAt: number | undefined;
    /** Whether the contact is shopping right now (sessions in the last two days). */
    readonly inMarket: boolean;
    /** No purchase at or after this instant (a hand-made persona); `undefined` for no limit. */
    readonly purchasesUntil: number | undefined;
    /** A purchase forced at this instant (a hand-made persona). */
    readonly forcedPurchaseAt: number | undefined;
}

/** Shares of the shopper kinds. */
const shopperKinds = new WeightedTable<ShopperKind>([
    ['browser', 35],
    ['occasional', 35],
    ['regular', 20],
    ['frequent', 7],
    ['whale', 3],
]);

/** Shares of the reader kinds. */
const readerKinds = new WeightedTable<ReaderKind>([
    ['never', 25],
    ['low', 45],
    ['medium', 22],
    ['high', 8],
]);

/** Median rates of each shopper kind: sessions a day, purchases a year, and whether premium. */
const shopperRates: Readonly<Record<ShopperKind, { sessionsPerDay: number; purchasesPerYear: number; premium: boolean }>> = {
    browser: { sessionsPerDay: 0.01, purchasesPerYear: 0, premium: false },
    occasional: { sessionsPerDay: 0.01, purchasesPerYear: 1, premium: false },
    regular: { sessionsPerDay: 0.016, purchasesPerYear: 3, premium: false },
    frequent: { sessionsPerDay: 0.028, purchasesPerYear: 6, premium: false },
    whale: { sessionsPerDay: 0.025, purchasesPerYear: 8, premium: true },
};

/** Open and click rate ranges of each reader kind. */
const readerRates: Readonly<Record<ReaderKind, { open: readonly [number, number]; click: readonly [number, number] }>> = {
    never: { open: [0, 0], click: [0, 0] },
    low: { open: [0.02, 0.12], click: [0.05, 0.2] },
    medium: { open: [0.12, 0.35], click: [0.1, 0.35] },
    high: { open: [0.55, 0.95], click: [0.25, 0.6] },
};

/** Contacts are at most this old. */
const MAX_AGE_DAYS = 5 * 365;

/** Overrides of a hand-made persona (the VIPs of `examples/lists/vip.csv`). */
export interface ProfileOverrides {
    readonly shopper?: ShopperKind;
    readonly reader?: ReaderKind;
    /** Days the contact has been known, at least. */
    readonly minimumAgeDays?: number;
    /** Whether to keep them active, subscribed and not shopping right now. */
    readonly loyal?: boolean;
    /** Days before `now` when purchases stop. */
    readonly noPurchaseForDays?: number;
    /** Days before `now` of a forced purchase. */
    readonly purchaseDaysAgo?: number;
    /** The open rate, instead of one drawn for the reader kind. */
    readonly openRate?: number;
    /** The click rate, instead of one drawn for the reader kind. */
    readonly clickRate?: number;
}

/**
 * Draws a contact's {@link Profile}.
 * @param now the snapshot's instant
 * @param createdAfter when set, the contact is created in [createdAfter, now) (a new contact of the day-later snapshot)
 */
export function drawProfile(random: Random, now: number, createdAfter: number | undefined, overrides: ProfileOverrides = {}): Profile {
    const createdAt = drawCreatedAt(random, now, createdAfter, overrides.minimumAgeDays);
    const shopper = overrides.shopper ?? shopperKinds.pick(random);
    const reader = overrides.reader ?? readerKinds.pick(random);
    const loyal = overrides.loyal === true;
    const churnAt = !loyal && random.chance(shopper === 'browser' ? 0.5 : 0.4) ? random.between(createdAt, now) : undefined;

    const rates = shopperRates[shopper];
    const readerRange = readerRates[reader];
    const behaviour: Behaviour = {
        sessionsPerDay: random.logNormal(rates.sessionsPerDay, 0.5),
        productViewsPerSession: random.between(0.3, 1.2),
        cartRate: random.between(0.05, 0.25),
        checkoutRate: random.between(0.15, 0.45),
        purchasesPerDay: rates.purchasesPerYear > 0 ? random.logNormal(rates.purchasesPerYear, 0.5) / 365 : 0,
        premium: rates.premium,
        conversionsPerDay: random.chance(0.4) ? random.logNormal(0.6, 0.7) / 365 : 0,
        openRate: overrides.openRate ?? random.between(readerRange.open[0], readerRange.open[1]),
        clickRate: overrides.clickRate ?? random.between(readerRange.click[0], readerRange.click[1]),
    };

    let subscribedAt: number | undefined;
    let subscription: Profile['subscription'];
    let subscriptionEndedAt: number | undefined;
    if (loyal || random.chance(0.88)) {
        const delay = loyal || random.chance(0.7) ? random.between(0, 10 * MINUTE) : random.exponential(60 * DAY);
        subscribedAt = Math.min(createdAt + delay, now - random.between(MINUTE, HOUR));
        const ending = loyal ? 1 : random.next();
        subscription = ending < 0.12 ? 'Unsubscribed' : ending < 0.16 ? 'Bounced' : 'Active';
        subscriptionEndedAt = subscription === 'Active' ? undefined : random.between(subscribedAt, now);
    }

    return {
        createdAt,
        churnAt,
        shopper,
        reader,
        behaviour,
        subscribedAt,
        subscription,
        subscriptionEndedAt,
        inMarket: !loyal && churnAt === undefined && random.chance(0.06),
        purchasesUntil: overrides.noPurchaseForDays === undefined ? undefined : now - overrides.noPurchaseForDays * DAY,
        forcedPurchaseAt: overrides.purchaseDaysAgo === undefined ? undefined : now - overrides.purchaseDaysAgo * DAY,
    };
}

/** When a contact was created: more recent sign-ups are more frequent (the list grows). */
function drawCreatedAt(random: Random, now: number, createdAfter: number | undefined, minimumAgeDays: number | undefined): number {
    if (createdAfter !== undefined) {
        return random.between(createdAfter, now);
    }
    const minimum = minimumAgeDays ?? 0;
    const ageDays = random.chance(0.03) ? random.between(0, 14) : Math.pow(random.next(), 1.4) * MAX_AGE_DAYS;
    return now - Math.min(MAX_AGE_DAYS, Math.max(minimum, ageDays)) * DAY - random.between(0, HOUR);
}

/** The start of the window of tracked behavioural events (visits, e-mails): one year before `now`. */
export function trackingStart(now: number): number {
    return now - YEAR;
}
