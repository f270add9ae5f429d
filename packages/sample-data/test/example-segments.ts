import type { Contact, JsonValue } from '../src/index.js';

/**
 * The example segments of `examples/segments/`, written by hand over a contact record, so the
 * sample's tests can tell whether each has members and non-members without the engine. Missing
 * and unreadable values make a condition false here (a simplification of spec §5 that is exact
 * for membership of these segments, whose missing values never sit under a `not`). The
 * segments' time zone is the examples' America/New_York, on standard time (UTC-5) in November.
 */
export type ExampleSegment = (contact: Contact, now: number) => boolean;

const DAY = 86_400_000;
const NEW_YORK_OFFSET = -5 * 3_600_000;

/** Reads a record path. */
function at(contact: Contact, path: string): JsonValue | undefined {
    let value: JsonValue | undefined = contact;
    for (const key of path.split('.')) {
        value = typeof value === 'object' && value !== null && !Array.isArray(value) ? value[key] : undefined;
    }
    return value;
}

/** A number field: numbers and numeric strings. */
function num(contact: Contact, path: string): number | undefined {
    const value = at(contact, path);
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return Number.isFinite(number) ? number : undefined;
}

/** A datetime field: ISO strings and epoch milliseconds. */
function time(contact: Contact, path: string): number | undefined {
    const value = at(contact, path);
    const epoch = typeof value === 'number' ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
    return Number.isFinite(epoch) ? epoch : undefined;
}

/** A text field. */
function text(contact: Contact, path: string): string | undefined {
    const value = at(contact, path);
    return typeof value === 'string' ? value : undefined;
}

/** The New York calendar date of an instant, as a UTC midnight. */
function localDay(epochMs: number): Date {
    return new Date(Math.floor((epochMs + NEW_YORK_OFFSET) / DAY) * DAY);
}

/** A valid `YYYY-MM-DD` date field, as a UTC midnight. */
function date(contact: Contact, path: string): Date | undefined {
    const value = text(contact, path);
    const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match === null) {
        return undefined;
    }
    const result = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return result.getUTCDate() === Number(match[3]) ? result : undefined;
}

/** Events of a name, optionally from/until instants. */
function count(contact: Contact, name: string, from = -Infinity, until = Infinity, where: (event: Contact['events'][number]) => boolean = () => true): number {
    let n = 0;
    for (const event of contact.events) {
        const t = Date.parse(event.at);
        if (event.event === name && t >= from && t <= until && where(event)) {
            n++;
        }
    }
    return n;
}

/** `month(at)` in New York, 1-based. */
function month(epochMs: number): number {
    return localDay(epochMs).getUTCMonth() + 1;
}

/** Calendar months before `now`, as an instant (`N months ago`). */
function monthsAgo(now: number, months: number): number {
    const d = new Date(now);
    d.setUTCMonth(d.getUTCMonth() - months);
    return d.getTime();
}

/** Whether `x within last N days`. */
function withinDays(x: number | undefined, now: number, days: number): boolean {
    return x !== undefined && x >= now - days * DAY && x <= now;
}

/** Whether `x more than N days ago`. */
function moreThanDaysAgo(x: number | undefined, now: number, days: number): boolean {
    return x !== undefined && x < now - days * DAY;
}

/** Whole days from `x`'s New York date to today's. */
function daysSince(x: number | undefined, now: number): number | undefined {
    return x === undefined ? undefined : Math.round((localDay(now).getTime() - localDay(x).getTime()) / DAY);
}

const purchasedThisWeek: ExampleSegment = (c, now) => count(c, 'Purchased', now - 7 * DAY, now) >= 1;
const highlyEngaged: ExampleSegment = (c, now) =>
    count(c, 'EmailOpened', now - 30 * DAY, now) >= 5 && count(c, 'EmailClicked', now - 30 * DAY, now) >= 2 && !purchasedThisWeek(c, now);
const allSubscribers: ExampleSegment = (c) => text(c, 'subscription_status') === 'Active';
const vipEmails = new Set(['ada@example.com', 'grace@example.com', 'katherine@example.org', 'margaret@example.net']);

/** Each example segment by name. */
export const exampleSegments: Readonly<Record<string, ExampleSegment>> = {
    active_last_30_days: (c, now) => withinDays(time(c, 'last_activity'), now, 30),
    age_21_plus: (c, now) => {
        const birthday = date(c, 'birthday');
        if (birthday === undefined) {
            return false;
        }
        const today = localDay(now);
        let age = today.getUTCFullYear() - birthday.getUTCFullYear();
        if (today.getUTCMonth() < birthday.getUTCMonth() || (today.getUTCMonth() === birthday.getUTCMonth() && today.getUTCDate() < birthday.getUTCDate())) {
            age--;
        }
        return age >= 21;
    },
    all_subscribers: allSubscribers,
    at_risk: (c, now) => count(c, 'EmailOpened', now - 60 * DAY, now) < 2 && count(c, 'EmailOpened', -Infinity, now - 60 * DAY - 1) > 5
        && moreThanDaysAgo(time(c, 'subscribed_at'), now, 90),
    big_basket_shoppers: (c) => {
        const orders = num(c, 'properties.num_orders');
        const spent = num(c, 'properties.total_revenue');
        return orders !== undefined && spent !== undefined && orders >= 3 && spent / orders >= 150;
    },
    birthday_month: (c, now) => {
        const birthday = date(c, 'birthday');
        return birthday !== undefined && birthday.getUTCMonth() === localDay(now).getUTCMonth();
    },
    browse_abandoners: (c, now) => count(c, 'ProductViewed', now - 2 * DAY, now) >= 4 && num(c, 'cart_items') === 0 && withinDays(time(c, 'last_visit'), now, 2),
    cart_abandoners: (c, now) => (num(c, 'cart_value') ?? 0) > 0 && at(c, 'last_purchase') == null
        && count(c, 'CartUpdated', now - DAY, now) >= 1 && count(c, 'CartUpdated', now - 3_600_000, now) === 0,
    customer_lifecycle: (c, now) => (daysSince(time(c, 'created_at'), now) ?? 0) > 365 && text(c, 'tier') === 'Gold'
        && ['Customer', 'Loyal'].includes(text(c, 'lifecycle_stage') ?? ''),
    employees: (c) => (text(c, 'email') ?? '').toLowerCase().endsWith('@company.com'),
    engaged_vips: (c, now) => vipEmails.has((text(c, 'email') ?? '').toLowerCase()) && highlyEngaged(c, now),
    geographic_targeting: (c) => text(c, 'country')?.toUpperCase() === 'US' && ['CA', 'OR', 'WA'].includes(text(c, 'state')?.toUpperCase() ?? '')
        && text(c, 'timezone')?.toUpperCase() === 'PST',
    high_value_customers: (c) => (num(c, 'properties.total_revenue') ?? 0) >= 1_000 || (num(c, 'lifetime_points') ?? 0) >= 5_000,
    high_value_north_america: (c, now) => (num(c, 'properties.total_revenue') ?? 0) > 500 && count(c, 'Purchased', now - 30 * DAY, now) >= 1
        && ['US', 'CA'].includes(text(c, 'country')?.toUpperCase() ?? '') && !purchasedThisWeek(c, now),
    highly_engaged: highlyEngaged,
    holiday_shoppers: (c, now) => [11, 12].includes(month(now))
        && count(c, 'Purchased', monthsAgo(now, 12), now, (e) => [11, 12].includes(month(Date.parse(e.at)))) >= 1,
    inactive_customers: (c, now) => (num(c, 'visits') ?? 0) >= 2 && moreThanDaysAgo(time(c, 'last_visit'), now, 60),
    inactive_subscribers: (c, now) => count(c, 'EmailOpened', now - 90 * DAY, now) === 0 && moreThanDaysAgo(time(c, 'subscribed_at'), now, 90)
        && allSubscribers(c, now),
    loyal_but_gone_quiet: (c, now) => (num(c, 'properties.total_revenue') ?? 0) > 10_000 && count(c, 'Purchased', monthsAgo(now, 3), now) === 0,
    never_engaged: (c, now) => count(c, 'EmailOpened') === 0 && count(c, 'EmailClicked') === 0 && moreThanDaysAgo(time(c, 'subscribed_at'), now, 30),
    non_purchasing_subscribers: (c, now) => allSubscribers(c, now) && !purchasedThisWeek(c, now),
    purchased_this_week: purchasedThisWeek,
    recent_converters: (c, now) => text(c, 'email') !== undefined && count(c, 'Converted', monthsAgo(now, 6), now) >= 1 && text(c, 'journey_phase') === 'Decision',
    recent_purchasers: (c, now) => withinDays(time(c, 'last_purchase'), now, 7),
    second_purchase_nudge: (c, now) => {
        const days = daysSince(time(c, 'last_purchase'), now);
        return num(c, 'properties.num_orders') === 1 && days !== undefined && days >= 30 && days <= 60;
    },
    signup_anniversary: (c, now) => {
        const subscribed = time(c, 'subscribed_at');
        if (subscribed === undefined) {
            return false;
        }
        const day = localDay(subscribed);
        const today = localDay(now);
        return day.getUTCMonth() === today.getUTCMonth() && day.getUTCDate() === today.getUTCDate() && day.getUTCFullYear() < today.getUTCFullYear();
    },
    software_and_marketing_leads: (c) => {
        const interest = text(c, 'product_interest');
        const title = (text(c, 'properties.jobtitle') ?? '').toLowerCase();
        const fit = (interest === 'Software' && title.includes('developer')) || (interest === 'Marketing' && title.includes('marketing'));
        return fit && ((num(c, 'company.employees') ?? 0) > 100 || (num(c, 'budget') ?? 0) > 10_000);
    },
    top_scored_contacts: (c, now) => count(c, 'EmailOpened', now - 90 * DAY, now) * 2 + count(c, 'EmailClicked', now - 90 * DAY, now) * 5
        + count(c, 'Purchased', now - 90 * DAY, now) * 10 >= 100,
    top_tier: (c, now) => (num(c, 'properties.total_revenue') ?? 0) > 1_000 || count(c, 'Purchased', monthsAgo(now, 12), now) >= 6,
    welcome_series: (c, now) => withinDays(time(c, 'subscribed_at'), now, 7) && at(c, 'welcome_email_sent') !== true
        && at(c, 'welcome_email_sent') !== 'true',
    win_back: (c, now) => moreThanDaysAgo(time(c, 'last_purchase'), now, 180) && count(c, 'Purchased') >= 2,
};
