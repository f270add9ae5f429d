import { countries, phoneNumber, timezoneAbbreviations, type Country } from './geography.js';
import type { Random } from './random.js';
import { DAY, formatDate, isLeapYear } from './time.js';
import {
    analyticsTitles, companyNames, consumerDomains, corporateDomains, firstNames, lastNames, marketingTitles,
    nonCompanyTitles, otherTitles, productInterests, softwareTitles,
} from './vocabulary.js';

/** Who a contact is: the descriptive fields, independent of their behaviour. */
export interface Identity {
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string;
    readonly phone: string;
    /** `YYYY-MM-DD`. */
    readonly birthday: string;
    readonly country: string;
    readonly state: string | undefined;
    readonly timezone: string;
    readonly jobTitle: string;
    readonly productInterest: 'Software' | 'Marketing' | 'Analytics';
    /** `undefined` for a contact who is not at a company (student, retired, ...). */
    readonly company: { readonly name: string; readonly employees: number } | undefined;
    /** Yearly budget in dollars; `undefined` when not declared. */
    readonly budget: number | undefined;
}

/** Hand-made details of a persona, instead of drawn ones. */
export interface IdentityOverrides {
    readonly firstName?: string;
    readonly lastName?: string;
    readonly email?: string;
    readonly country?: string;
    readonly state?: string;
}

/** The share of contacts born on 29 February on top of the natural one in 1,461 (leap-day handling). */
const LEAP_DAY_RATE = 0.003;

/** Draws a contact's {@link Identity}; `now` sets their age. */
export function drawIdentity(random: Random, now: number, overrides: IdentityOverrides = {}): Identity {
    const country = countryOf(random, overrides.country);
    const region = country.regions.pick(random);
    const state = overrides.state ?? region.state;
    const timezone = random.chance(0.04) ? random.pick(timezoneAbbreviations) : region.timezone;
    const firstName = overrides.firstName ?? random.pick(firstNames);
    const lastName = overrides.lastName ?? random.pick(lastNames);

    const productInterest = productInterests.pick(random);
    const jobTitle = random.chance(0.5) ? random.pick(titlesFor(productInterest)) : random.pick(otherTitles);
    const atCompany = !nonCompanyTitles.has(jobTitle);
    let domain = consumerDomains.pick(random);
    let companyName = random.pick(companyNames);
    if (atCompany && random.chance(0.55)) {
        [domain, companyName] = corporateDomains.pick(random);
    }
    const company = atCompany ? { name: companyName, employees: Math.max(1, Math.round(random.logNormal(80, 1.6))) } : undefined;
    const budget = atCompany && random.chance(0.85) ? Math.max(500, Math.round(random.logNormal(6_000, 1.1) / 500) * 500) : undefined;

    return {
        firstName,
        lastName,
        email: overrides.email ?? emailOf(random, firstName, lastName, domain),
        phone: phoneNumber(country, random),
        birthday: birthdayOf(random, now),
        country: country.code,
        state,
        timezone,
        jobTitle,
        productInterest,
        company,
        budget,
    };
}

/** The country of that code, or a drawn one. */
function countryOf(random: Random, code: string | undefined): Country {
    for (let attempt = 0; attempt < 1_000; attempt++) {
        const country = countries.pick(random);
        if (code === undefined || country.code === code) {
            return country;
        }
    }
    throw new RangeError(`No country '${code}' in the sample's geography`);
}

/** The job titles that go with a product interest. */
function titlesFor(interest: Identity['productInterest']): readonly string[] {
    switch (interest) {
        case 'Software':
            return softwareTitles;
        case 'Marketing':
            return marketingTitles;
        case 'Analytics':
            return analyticsTitles;
    }
}

/** A name as it goes into an address: lower case, no accents, letters only. */
function mailboxPart(name: string): string {
    return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** An e-mail address made from the name, in one of the usual patterns. */
function emailOf(random: Random, firstName: string, lastName: string, domain: string): string {
    const first = mailboxPart(firstName);
    const last = mailboxPart(lastName);
    let local: string;
    switch (random.int(0, 5)) {
        case 0:
            local = `${first}${last}`;
            break;
        case 1:
            local = `${first[0]}.${last}`;
            break;
        case 2:
            local = `${first}_${last}`;
            break;
        case 3:
            local = `${first}.${last}${random.int(1, 99)}`;
            break;
        case 4:
            local = `${first}${last[0]}${random.int(100, 999)}`;
            break;
        default:
            local = `${first}.${last}`;
    }
    return `${local}@${domain}`;
}

/** A date of birth for an age of 16 to 80 (most around 38), now and then on 29 February. */
function birthdayOf(random: Random, now: number): string {
    const age = Math.min(80.9, Math.max(16, 38 + 13 * random.normal()));
    if (random.chance(LEAP_DAY_RATE)) {
        const currentYear = new Date(now).getUTCFullYear();
        let year = currentYear - 17 - Math.floor((age - 16) / 4) * 4;
        while (!isLeapYear(year)) {
            year--;
        }
        if (year < currentYear - 80) {
            year += 4;
        }
        return `${year}-02-29`;
    }
    return formatDate(now - age * 365.2425 * DAY);
}
