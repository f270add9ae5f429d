import { WeightedTable, type Random } from './random.js';

/** A region of a country: its code (absent where addresses have no state) and time zone. */
export interface Region {
    readonly state: string | undefined;
    /** The CRM's time-zone abbreviation, as the schema's `timezone` field stores it. */
    readonly timezone: string;
}

/** A country: ISO code, phone prefix and regions by population. */
export interface Country {
    readonly code: string;
    readonly phonePrefix: string;
    /** Digits of a national number. */
    readonly phoneDigits: number;
    readonly regions: WeightedTable<Region>;
}

/** Builds a region table from `[state, timezone, weight]` rows. */
function regions(rows: ReadonlyArray<readonly [string | undefined, string, number]>): WeightedTable<Region> {
    return new WeightedTable(rows.map(([state, timezone, weight]) => [{ state, timezone }, weight] as const));
}

/** The countries of the sample, weighted: US and Canada heavy. */
export const countries = new WeightedTable<Country>([
    [{
        code: 'US', phonePrefix: '+1', phoneDigits: 10, regions: regions([
            ['CA', 'PST', 12], ['WA', 'PST', 2.5], ['OR', 'PST', 1.3], ['NV', 'PST', 1],
            ['AZ', 'MST', 2.2], ['CO', 'MST', 1.8], ['UT', 'MST', 1],
            ['TX', 'CST', 9], ['IL', 'CST', 3.8], ['MN', 'CST', 1.7], ['MO', 'CST', 1.8], ['TN', 'CST', 2],
            ['NY', 'EST', 6], ['FL', 'EST', 6.5], ['PA', 'EST', 3.9], ['OH', 'EST', 3.5], ['GA', 'EST', 3.2],
            ['NC', 'EST', 3.2], ['MI', 'EST', 3], ['NJ', 'EST', 2.8], ['VA', 'EST', 2.6], ['MA', 'EST', 2.1],
        ]),
    }, 45],
    [{
        code: 'CA', phonePrefix: '+1', phoneDigits: 10, regions: regions([
            ['ON', 'EST', 39], ['QC', 'EST', 22], ['BC', 'PST', 14], ['AB', 'MST', 12], ['MB', 'CST', 4], ['NS', 'AST', 3],
        ]),
    }, 12],
    [{ code: 'GB', phonePrefix: '+44', phoneDigits: 10, regions: regions([[undefined, 'GMT', 1]]) }, 8],
    [{ code: 'DE', phonePrefix: '+49', phoneDigits: 11, regions: regions([['BY', 'CET', 3], ['BE', 'CET', 1], ['NW', 'CET', 4], ['HH', 'CET', 1]]) }, 6],
    [{ code: 'FR', phonePrefix: '+33', phoneDigits: 9, regions: regions([[undefined, 'CET', 1]]) }, 5],
    [{ code: 'AU', phonePrefix: '+61', phoneDigits: 9, regions: regions([['NSW', 'AEST', 8], ['VIC', 'AEST', 6.5], ['QLD', 'AEST', 5], ['WA', 'AWST', 2.7]]) }, 5],
    [{ code: 'BR', phonePrefix: '+55', phoneDigits: 11, regions: regions([['SP', 'BRT', 5], ['RJ', 'BRT', 2], ['MG', 'BRT', 2]]) }, 5],
    [{ code: 'IN', phonePrefix: '+91', phoneDigits: 10, regions: regions([['MH', 'IST', 4], ['KA', 'IST', 3], ['DL', 'IST', 3], ['TN', 'IST', 2]]) }, 6],
    [{ code: 'MX', phonePrefix: '+52', phoneDigits: 10, regions: regions([['CMX', 'CST', 4], ['JAL', 'CST', 2], ['NLE', 'CST', 2]]) }, 4],
    [{ code: 'NL', phonePrefix: '+31', phoneDigits: 9, regions: regions([[undefined, 'CET', 1]]) }, 1.5],
    [{ code: 'ES', phonePrefix: '+34', phoneDigits: 9, regions: regions([[undefined, 'CET', 1]]) }, 1.5],
    [{ code: 'JP', phonePrefix: '+81', phoneDigits: 10, regions: regions([[undefined, 'JST', 1]]) }, 1],
]);

/** Time-zone abbreviations, for the few contacts whose stored zone does not match their state. */
export const timezoneAbbreviations: readonly string[] = ['PST', 'MST', 'CST', 'EST', 'GMT', 'CET'];

/** A phone number of `country` in E.164 form: `+14155550123`. */
export function phoneNumber(country: Country, random: Random): string {
    let digits = String(random.int(2, 9));
    for (let i = 1; i < country.phoneDigits; i++) {
        digits += String(random.int(0, 9));
    }
    return country.phonePrefix + digits;
}
