import { describe, expect, test } from 'vitest';
import { isDateTimeLiteral, isLetField, isSchema, isStringLiteral } from '../../src/generated/ast.js';
import { parseSegment, parseText, printExpression, printWhere } from './parsing-helpers.js';

describe('precedence: or < and < not < predicate < + - < * / < unary minus', () => {
    test.each([
        ['visits > 1 or visits > 2 and visits > 3', '(or (> visits 1) (and (> visits 2) (> visits 3)))'],
        ['visits > 1 and visits > 2 or visits > 3', '(or (and (> visits 1) (> visits 2)) (> visits 3))'],
        ['visits > 1 and visits > 2 and visits > 3', '(and (and (> visits 1) (> visits 2)) (> visits 3))'],
        ['visits > 1 or visits > 2 or visits > 3', '(or (or (> visits 1) (> visits 2)) (> visits 3))'],
        ['not visits > 1 and visits > 2', '(and (not (> visits 1)) (> visits 2))'],
        ['not not welcome_email_sent', '(not (not welcome_email_sent))'],
        ['visits + 1 > 2 * 3', '(> (+ visits 1) (* 2 3))'],
        ['visits + lifetime_points * 2 - 1 > 0', '(> (- (+ visits (* lifetime_points 2)) 1) 0)'],
        ['visits / 2 * 3 >= 1', '(>= (* (/ visits 2) 3) 1)'],
        ['-visits * 2 < -1', '(< (* (neg visits) 2) (neg 1))'],
        ['- -visits < 1', '(< (neg (neg visits)) 1)'],
        ['(visits + 1) * 2 > 3', '(> (* [(+ visits 1)] 2) 3)'],
        ['(visits > 1 or visits > 2) and visits > 3', '(and [(or (> visits 1) (> visits 2))] (> visits 3))'],
        ['not (visits > 1 or welcome_email_sent)', '(not [(or (> visits 1) welcome_email_sent)])'],
        ['((visits > 1))', '[[(> visits 1)]]'],
        ['visits + 1 between 2 and 3 + 4', '(between (+ visits 1) 2 (+ 3 4))'],
    ])('%s', async (condition, expected) => {
        expect(await printWhere(condition)).toBe(expected);
    });
});

describe('binding (§4)', () => {
    test('the `where` of `performed` takes one predicate: a following `and` is the outer one', async () => {
        expect(await printWhere('performed Purchased where amount > 50 and country = "US"')).toBe(
            '(and (performed Purchased where=(> amount 50)) (= country "US"))',
        );
    });

    test('a parenthesised `where` keeps both conditions in the filter', async () => {
        expect(await printWhere('performed Purchased where (amount > 50 and product = "Shoes")')).toBe(
            '(performed Purchased where=[(and (> amount 50) (= product "Shoes"))])',
        );
    });

    test('`or` after a performed filter is the outer one too', async () => {
        expect(await printWhere('performed Purchased where amount > 50 or visits > 3')).toBe('(or (performed Purchased where=(> amount 50)) (> visits 3))');
    });

    test("inside an aggregate's parentheses the `where` runs to the closing parenthesis", async () => {
        expect(await printWhere('count(Purchased where amount > 50 and product = "Shoes" or amount > 100) >= 2')).toBe(
            '(>= (count Purchased where=(or (and (> amount 50) (= product "Shoes")) (> amount 100))) 2)',
        );
    });

    test('the `and` right after `between a` belongs to `between`, the next one is logical', async () => {
        expect(await printWhere('visits between 1 and 5 and country = "US"')).toBe('(and (between visits 1 5) (= country "US"))');
        expect(await printWhere('performed Purchased between 2026-01-01 and 2026-02-01 and visits > 1')).toBe(
            '(and (performed Purchased (between-window date:2026-01-01 date:2026-02-01)) (> visits 1))',
        );
    });

    test('names inside a filter link to the event first, then to the schema', async () => {
        const { codes } = await parseSegment('performed Purchased where (amount > 50 and country = "US" and at after 2026-01-01)');
        expect(codes).toEqual([]);
    });
});

describe('literals', () => {
    test.each([
        ['visits > $500', '(> visits 500)'],
        ['total_spent > $1_000.50', '(> total_spent 1000.5)'],
        ['visits > 1_000', '(> visits 1000)'],
        ['visits > 2.5', '(> visits 2.5)'],
        ['birthday = 2026-01-31', '(= birthday date:2026-01-31)'],
        ['last_visit > 2026-01-31T09:00', '(> last_visit datetime:2026-01-31T09:00)'],
        ['last_visit > 2026-01-31T09:00:00Z', '(> last_visit datetime:2026-01-31T09:00:00Z)'],
        ['last_visit > 2026-01-31T09:00:00.123+05:30', '(> last_visit datetime:2026-01-31T09:00:00.123+05:30)'],
        ['last_visit > 2026-01-31T09:00:00-08:00', '(> last_visit datetime:2026-01-31T09:00:00-08:00)'],
        ['welcome_email_sent = true', '(= welcome_email_sent true)'],
        ['welcome_email_sent = false', '(= welcome_email_sent false)'],
        ['email = null', '(= email null)'],
        ['last_visit < now', '(< last_visit now)'],
        ['birthday = today', '(= birthday today)'],
        ['last_visit > now - 30 days', '(> last_visit (- now 30-days))'],
        ['last_visit > 30 days ago', '(> last_visit 30-days-ago)'],
        ['last_visit < 2 weeks from now', '(< last_visit 2-weeks-from-now)'],
        ['last_visit > 1 minute ago', '(> last_visit 1-minute-ago)'],
        ['birthday < today + 1 year', '(< birthday (+ today 1-year))'],
        ['last_visit > 3 hours ago', '(> last_visit 3-hours-ago)'],
        ['birthday > today - 6 months', '(> birthday (- today 6-months))'],
    ])('%s', async (condition, expected) => {
        expect(await printWhere(condition)).toBe(expected);
    });

    test('strings keep their escapes decoded', async () => {
        const { segment } = await parseSegment('first_name = "say \\"hi\\"\\\\"');
        const right = (segment.where as { right?: unknown }).right;
        expect(isStringLiteral(right) && right.value).toBe('say "hi"\\');
    });

    test('an empty string is a string', async () => {
        expect(await printWhere('first_name = ""')).toBe('(= first_name "")');
    });

    test('a datetime is one token, not a date followed by junk', async () => {
        const { segment, codes } = await parseSegment('last_visit > 2026-01-31T09:00:00Z');
        expect(codes).toEqual([]);
        const right = (segment.where as { right?: unknown }).right;
        expect(isDateTimeLiteral(right)).toBe(true);
    });
});

describe('functions', () => {
    test.each([
        ['lower(email) = "a"', '(= (lower() email) "a")'],
        ['length(tags) > 0', '(> (length() tags) 0)'],
        ['coalesce(visits, lifetime_points, 0) > 1', '(> (coalesce() visits lifetime_points 0) 1)'],
        ['age(birthday) >= 21', '(>= (age() birthday) 21)'],
        ['month(birthday) = month(today)', '(= (month() birthday) (month() today))'],
        ['year(birthday) = 2000', '(= (year() birthday) 2000)'],
        ['day(birthday) = 1', '(= (day() birthday) 1)'],
        ['anniversary(subscribed_at) = today', '(= (anniversary() subscribed_at) today)'],
        ['month(today) in (11, 12)', '(in (month() today) 11 12)'],
        ['days_since(last_purchase) + 1 > 30', '(> (+ (days_since() last_purchase) 1) 30)'],
    ])('%s', async (condition, expected) => {
        expect(await printWhere(condition)).toBe(expected);
    });

    test('a call with no arguments parses (arity is the checker\'s business)', async () => {
        const { segment, codes } = await parseSegment('trim() = "x"');
        expect(printExpression(segment.where)).toBe('(= (trim()) "x")');
        expect(codes).not.toContain('syntax-error');
    });
});

describe('aggregates and windows', () => {
    test.each([
        ['count(EmailOpened) >= 5', '(>= (count EmailOpened) 5)'],
        ['count(EmailOpened within last 30 days) >= 5', '(>= (count EmailOpened within-last-30-days) 5)'],
        ['count(EmailOpened within next 1 week) = 0', '(= (count EmailOpened within-next-1-week) 0)'],
        ['count(EmailOpened since 2026-01-01) > 1', '(> (count EmailOpened (since date:2026-01-01)) 1)'],
        ['count(EmailOpened since 30 days ago) > 1', '(> (count EmailOpened (since 30-days-ago)) 1)'],
        ['count(EmailOpened between 2026-01-01 and 2026-02-01) > 1', '(> (count EmailOpened (between-window date:2026-01-01 date:2026-02-01)) 1)'],
        ['count(EmailClicked where url contains "sale") > 1', '(> (count EmailClicked where=(contains url "sale")) 1)'],
        ['sum(Purchased.amount) > 1000', '(> (sum Purchased.amount) 1000)'],
        ['avg(Purchased.amount within last 1 year where product = "Shoes") > 50', '(> (avg Purchased.amount within-last-1-year where=(= product "Shoes")) 50)'],
        ['min(Purchased.amount) > 1', '(> (min Purchased.amount) 1)'],
        ['max(PageViewed.seconds) > 60', '(> (max PageViewed.seconds) 60)'],
        ['first_performed(Purchased) < 2026-01-01', '(< (first_performed Purchased) date:2026-01-01)'],
        ['last_performed(Purchased where amount > 5) within last 7 days', '(within-last-7-days (last_performed Purchased where=(> amount 5)))'],
        ['performed EmailOpened within last 30 days', '(performed EmailOpened within-last-30-days)'],
    ])('%s', async (condition, expected) => {
        expect(await printWhere(condition)).toBe(expected);
        const { codes } = await parseSegment(condition);
        expect(codes).not.toContain('syntax-error');
        expect(codes.filter((c) => c.startsWith('unknown-'))).toEqual([]);
    });
});

describe('calculated fields', () => {
    test('`let` holds an expression', async () => {
        const { model, codes } = await parseText('schema T key id { id text  a number  b number  let ratio = (a + b) / 2 * -1 }');
        expect(codes).toEqual([]);
        const schema = model.declarations.find(isSchema);
        const let_ = schema?.members.find(isLetField);
        expect(printExpression(let_?.value)).toBe('(* (/ [(+ a b)] 2) (neg 1))');
    });
});
