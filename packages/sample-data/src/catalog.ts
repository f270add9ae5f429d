import { WeightedTable } from './random.js';
import { DAY, HOUR, formatDate } from './time.js';

/** A product of the shop. */
export interface Product {
    readonly name: string;
    readonly slug: string;
    readonly category: string;
    /** List price, in dollars. */
    readonly price: number;
}

/** Builds a product, its slug made from its name. */
function product(name: string, category: string, price: number): Product {
    return { name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), category, price };
}

/** All products. Cheap ones sell more often: the weights fall with the price. */
const products: readonly Product[] = [
    product('Yoga Mat', 'Fitness', 39),
    product('Water Bottle', 'Fitness', 24),
    product('Resistance Bands', 'Fitness', 29),
    product('Trail Running Shoes', 'Footwear', 129),
    product('Leather Boots', 'Footwear', 219),
    product('Canvas Sneakers', 'Footwear', 69),
    product('Wool Sweater', 'Apparel', 89),
    product('Rain Jacket', 'Apparel', 159),
    product('Organic T-Shirt', 'Apparel', 29),
    product('Down Parka', 'Apparel', 349),
    product('Espresso Machine', 'Home', 449),
    product('Cast Iron Skillet', 'Home', 59),
    product('Linen Bedding Set', 'Home', 189),
    product('Scented Candle', 'Home', 19),
    product('Noise-Cancelling Headphones', 'Electronics', 299),
    product('Smart Watch', 'Electronics', 399),
    product('Wireless Charger', 'Electronics', 35),
    product('Laptop Stand', 'Electronics', 49),
    product('4K Monitor', 'Electronics', 549),
    product('Road Bike', 'Outdoor', 1_499),
    product('Camping Tent', 'Outdoor', 279),
    product('Hiking Backpack', 'Outdoor', 119),
    product('Gift Card', 'Gifts', 50),
    product('Coffee Beans Subscription', 'Grocery', 18),
];

/** Products as an everyday shopper picks them. */
export const everydayProducts = new WeightedTable<Product>(products.map((p) => [p, 100 / Math.sqrt(p.price)] as const));

/** Products as a big spender picks them: price matters much less. */
export const premiumProducts = new WeightedTable<Product>(products.map((p) => [p, Math.sqrt(p.price)] as const));

/** Pages of the website, besides product pages (`PageViewed.url`). */
export const sitePages = new WeightedTable<string>([
    ['/', 30],
    ['/collections/new', 10],
    ['/collections/sale', 10],
    ['/pricing', 6],
    ['/blog/holiday-gift-guide', 4],
    ['/blog/how-to-choose-running-shoes', 3],
    ['/blog/coffee-at-home', 3],
    ['/account', 6],
    ['/cart', 8],
    ['/help/shipping', 4],
    ['/help/returns', 3],
    ['/about', 2],
]);

/** One e-mail campaign send. */
export interface Campaign {
    readonly name: string;
    /** When it was sent, epoch milliseconds. */
    readonly sentAt: number;
    /** Where its main link goes (`EmailClicked.url`). */
    readonly url: string;
}

/**
 * The e-mail calendar: a newsletter every Tuesday 14:00 UTC, offers every Friday 15:00 UTC,
 * and the Black Friday and Cyber Monday sends. Depends only on the dates, so any two contacts,
 * and the two snapshots, agree on it.
 */
export class CampaignCalendar {
    private readonly campaigns: readonly Campaign[];

    /** Lists the sends from the day of `fromMs` to the day of `toMs` (both UTC). */
    constructor(fromMs: number, toMs: number) {
        const campaigns: Campaign[] = [];
        for (let day = Math.floor(fromMs / DAY) * DAY; day <= toMs; day += DAY) {
            const date = new Date(day);
            const weekday = date.getUTCDay();
            const iso = formatDate(day);
            if (weekday === 2) {
                campaigns.push({ name: `newsletter-${iso}`, sentAt: day + 14 * HOUR, url: '/blog' });
            } else if (weekday === 5) {
                const blackFriday = date.getUTCMonth() === 10 && date.getUTCDate() >= 23 && date.getUTCDate() <= 29;
                campaigns.push(blackFriday
                    ? { name: `black-friday-${date.getUTCFullYear()}`, sentAt: day + 11 * HOUR, url: '/collections/sale' }
                    : { name: `offers-${iso}`, sentAt: day + 15 * HOUR, url: '/collections/sale' });
            } else if (weekday === 1 && date.getUTCMonth() >= 10 && isCyberMonday(date)) {
                campaigns.push({ name: `cyber-monday-${date.getUTCFullYear()}`, sentAt: day + 13 * HOUR, url: '/collections/sale' });
            }
        }
        this.campaigns = campaigns;
    }

    /** The sends with `fromMs <= sentAt < toMs`, in time order. */
    between(fromMs: number, toMs: number): readonly Campaign[] {
        return this.campaigns.slice(this.indexAt(fromMs), this.indexAt(toMs));
    }

    /** How many sends have `fromMs <= sentAt < toMs`. */
    countBetween(fromMs: number, toMs: number): number {
        return Math.max(0, this.indexAt(toMs) - this.indexAt(fromMs));
    }

    /** The index of the first send at or after `epochMs`. */
    private indexAt(epochMs: number): number {
        let low = 0;
        let high = this.campaigns.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (this.campaigns[middle]!.sentAt < epochMs) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}

/** Whether `date` (a Monday) is the Monday after Black Friday (the Friday after the fourth Thursday of November). */
function isCyberMonday(date: Date): boolean {
    const friday = new Date(date.getTime() - 3 * DAY);
    return friday.getUTCMonth() === 10 && friday.getUTCDate() >= 23 && friday.getUTCDate() <= 29;
}
