import { describe, expect, test } from 'vitest';
import { parseSegment, printWhere } from './parsing-helpers.js';

/** Every condition form of the specification's §2 and the date predicates of §3, parsed and linked. */
describe('condition forms', () => {
    test.each([
        ['country = "US"', '(= country "US")'],
        ['country != "US"', '(!= country "US")'],
        ['visits < 3', '(< visits 3)'],
        ['visits <= 3', '(<= visits 3)'],
        ['visits > 3', '(> visits 3)'],
        ['visits >= 3', '(>= visits 3)'],
        ['visits between 1 and 5', '(between visits 1 5)'],
        ['visits not between 1 and 5', '(not-between visits 1 5)'],
        ['state in ("CA", "NY")', '(in state "CA" "NY")'],
        ['state in ("CA", "NY",)', '(in state "CA" "NY")'],
        ['state not in ("CA")', '(not-in state "CA")'],
        ['job_title contains "dev"', '(contains job_title "dev")'],
        ['job_title not contains "dev"', '(not-contains job_title "dev")'],
        ['email matches "^[a-z]+@acme\\\\.com$"', '(matches email "^[a-z]+@acme\\\\.com$")'],
        ['email not matches "x"', '(not-matches email "x")'],
        ['email is set', '(is-set email)'],
        ['email is not set', '(is-not-set email)'],
        ['email is null', '(is-null email)'],
        ['email is not null', '(is-not-null email)'],
        ['tags is empty', '(is-empty tags)'],
        ['tags is not empty', '(is-not-empty tags)'],
        ['tags includes "vip"', '(includes tags "vip")'],
        ['tags not includes "vip"', '(not-includes tags "vip")'],
        ['tags includes any of ("vip", "beta")', '(includes-any tags "vip" "beta")'],
        ['tags includes all of ("vip", "beta",)', '(includes-all tags "vip" "beta")'],
        ['tags not includes any of ("vip")', '(not-includes-any tags "vip")'],
        ['welcome_email_sent', 'welcome_email_sent'],
        ['not welcome_email_sent', '(not welcome_email_sent)'],
        ['in segment other', '(in-segment other)'],
        ['not in segment other', '(not (in-segment other))'],
        ['in list vip', '(in-list vip)'],
        ['not in list vip', '(not (in-list vip))'],
        ['last_visit within last 30 days', '(within-last-30-days last_visit)'],
        ['birthday within next 2 weeks', '(within-next-2-weeks birthday)'],
        ['last_visit more than 90 days ago', '(more-than-90-days-ago last_visit)'],
        ['last_visit less than 1 hour ago', '(less-than-1-hour-ago last_visit)'],
        ['birthday before 2000-01-01', '(before birthday date:2000-01-01)'],
        ['last_visit after today - 7 days', '(after last_visit (- today 7-days))'],
        ['performed Purchased', '(performed Purchased)'],
        ['performed Purchased at least 2 times', '(performed Purchased at least-2)'],
        ['performed Purchased at most 1 time', '(performed Purchased at most-1)'],
        ['performed Purchased exactly 3 times', '(performed Purchased exactly-3)'],
        ['performed Purchased within last 30 days', '(performed Purchased within-last-30-days)'],
        ['performed Purchased since 2026-01-01', '(performed Purchased (since date:2026-01-01))'],
        ['performed Purchased between 2026-01-01 and 2026-02-01', '(performed Purchased (between-window date:2026-01-01 date:2026-02-01))'],
        ['performed Purchased where amount > 50', '(performed Purchased where=(> amount 50))'],
        [
            'performed Purchased at least 2 times within last 30 days where product = "Shoes"',
            '(performed Purchased at least-2 within-last-30-days where=(= product "Shoes"))',
        ],
        ['not performed Purchased within last 60 days', '(not (performed Purchased within-last-60-days))'],
    ])('%s', async (condition, expected) => {
        const declarations = 'segment other of Contact { where visits > 1 }\nlist vip of Contact from "vip.csv" by email';
        expect(await printWhere(condition, declarations)).toBe(expected);
        const { codes } = await parseSegment(condition, declarations);
        expect(codes.filter((c) => c === 'syntax-error' || c.startsWith('unknown-'))).toEqual([]);
    });

    /* Langium joins a datatype rule's tokens without spaces; SegmentValueConverter puts them back. */
    test.each([
        ['first_name starts with "A"', '(starts with first_name "A")'],
        ['first_name not starts with "A"', '(not-starts with first_name "A")'],
        ['email ends with "@acme.com"', '(ends with email "@acme.com")'],
        ['email not ends with "@acme.com"', '(not-ends with email "@acme.com")'],
    ])('%s (two-word operator keeps its space)', async (condition, expected) => {
        expect(await printWhere(condition)).toBe(expected);
    });
});
