import { readFileSync } from 'node:fs';
import { csvListValues, type ListSource } from '@segments/engine';
import type { ListIR } from '@segments/ir';
import { describe, expect, test } from 'vitest';
import { HUBSPOT_SEARCH_LIMITS, planHubSpotSearch, type HubSpotFilterGroup, type HubSpotSearchPlan } from '../../../src/index.js';
import { CONTACT_PROPERTIES } from '../fixtures/contact-properties.js';
import { compileBundles, compileSegments } from '../segment-bundles.js';

const schema = readFileSync(new URL('../fixtures/contact.segment', import.meta.url), 'utf8');
const now = new Date('2026-03-15T12:00:00Z');
const DAY = 86_400_000;
const SLACK = 15 * 3_600_000;

/** Plans `segment s { ... }` (the body given), or the segment named `name` of several. */
async function plan(body: string, options: { name?: string; timezone?: string; outputProperties?: string[] } = {}): Promise<HubSpotSearchPlan> {
    const text = options.name === undefined ? `segment s of Contact {\n${body}\n}` : body;
    const bundles = await compileSegments(schema, text, options.timezone);
    return planHubSpotSearch(bundles.get(options.name ?? 's')!, { definitions: CONTACT_PROPERTIES, now, outputProperties: options.outputProperties });
}

/** The plan's groups, each group's filters and the groups in a canonical order (the order means nothing to HubSpot). */
async function groups(body: string, options: { name?: string; timezone?: string } = {}): Promise<HubSpotFilterGroup[] | 'none'> {
    const planned = (await plan(body, options)).filterGroups;
    return planned === 'none' ? planned : canonical(planned);
}

function canonical(groups: HubSpotFilterGroup[]): HubSpotFilterGroup[] {
    const key = (value: unknown): string => JSON.stringify(value);
    return groups.map((g) => ({ filters: [...g.filters].sort((a, b) => key(a).localeCompare(key(b))) })).sort((a, b) => key(a).localeCompare(key(b)));
}

const group = (...filters: HubSpotFilterGroup['filters']): HubSpotFilterGroup => ({ filters });
const expectGroups = async (body: string, expected: HubSpotFilterGroup[], options: { name?: string; timezone?: string } = {}): Promise<void> => {
    expect(await groups(body, options)).toEqual(canonical(expected));
};

describe('the HubSpot push-down planner', () => {
    test('pushes number comparisons and requests only the properties the segment reads', async () => {
        const result = await plan('where revenue > 1000 and visits <= 3', { outputProperties: ['email'] });
        expect(result.filterGroups).toEqual([
            group({ propertyName: 'total_revenue', operator: 'GT', value: '1000' }, { propertyName: 'hs_analytics_num_visits', operator: 'LTE', value: '3' }),
        ]);
        expect(result.properties).toEqual(['email', 'hs_analytics_num_visits', 'hs_object_id', 'total_revenue']);
    });

    test('an `or` becomes groups; `not` swaps what may be TRUE and what may be FALSE', async () => {
        await expectGroups('where revenue > 1000 or country = "US"', [
            group({ propertyName: 'total_revenue', operator: 'GT', value: '1000' }),
            group({ propertyName: 'country', operator: 'EQ', value: 'US' }),
        ]);
        await expectGroups('where not (revenue > 1000)', [group({ propertyName: 'total_revenue', operator: 'LTE', value: '1000' })]);
        await expectGroups('where not (revenue > 1000 or visits > 5)', [
            group({ propertyName: 'total_revenue', operator: 'LTE', value: '1000' }, { propertyName: 'hs_analytics_num_visits', operator: 'LTE', value: '5' }),
        ]);
    });

    test('text equality pushes as EQ (HubSpot strings ignore case, as the segment does); text inequality is left to the engine', async () => {
        await expectGroups('where country = "us"', [group({ propertyName: 'country', operator: 'EQ', value: 'us' })]);
        await expectGroups('where country != "US"', [group({ propertyName: 'country', operator: 'HAS_PROPERTY' })]);
        // HubSpot wants IN values of a string property in lower case.
        await expectGroups('where country in ("US", "FR", "us")', [group({ propertyName: 'country', operator: 'IN', values: ['us', 'fr'] })]);
        await expectGroups('where country not in ("US", "FR")', [group({ propertyName: 'country', operator: 'HAS_PROPERTY' })]);
    });

    test('enumerations compare case-sensitively on both sides, so = and != both push', async () => {
        await expectGroups('where lifecyclestage = "lead"', [group({ propertyName: 'lifecyclestage', operator: 'EQ', value: 'lead' })]);
        await expectGroups('where lifecyclestage != "lead"', [group({ propertyName: 'lifecyclestage', operator: 'HAS_PROPERTY' }, { propertyName: 'lifecyclestage', operator: 'NEQ', value: 'lead' })]);
        await expectGroups('where lifecyclestage not in ("lead", "customer")', [
            group({ propertyName: 'lifecyclestage', operator: 'HAS_PROPERTY' }, { propertyName: 'lifecyclestage', operator: 'NOT_IN', values: ['lead', 'customer'] }),
        ]);
    });

    test('a case-insensitive text comparison on an enumeration property pushes only presence (EQ would miss other cases)', async () => {
        await expectGroups('where lead_status = "new"', [group({ propertyName: 'hs_lead_status', operator: 'HAS_PROPERTY' })]);
        await expectGroups('where lead_status in ("new", "open")', [group({ propertyName: 'hs_lead_status', operator: 'HAS_PROPERTY' })]);
    });

    test('a multiple checkbox is a list: `includes` pushes presence only', async () => {
        await expectGroups('where roles includes "champion"', [group({ propertyName: 'hs_buying_role', operator: 'HAS_PROPERTY' })]);
    });

    test('booleans push as EQ / NEQ of "true" and "false"', async () => {
        await expectGroups('where opted_out', [group({ propertyName: 'hs_email_optout', operator: 'EQ', value: 'true' })]);
        await expectGroups('where not opted_out', [group({ propertyName: 'hs_email_optout', operator: 'HAS_PROPERTY' }, { propertyName: 'hs_email_optout', operator: 'NEQ', value: 'true' })]);
    });

    test('datetime windows are computed from `now` and widened by the largest zone offset', async () => {
        const [only] = (await groups('where last_contacted within last 30 days')) as HubSpotFilterGroup[];
        expect(only.filters).toEqual([
            { propertyName: 'notes_last_contacted', operator: 'BETWEEN', value: String(now.getTime() - 30 * DAY - SLACK), highValue: String(now.getTime() + SLACK) },
        ]);
    });

    test('date comparisons cover whole days (midnight UTC) plus the zone slack, in the segment\'s zone', async () => {
        const before = Date.parse('2000-01-01T00:00:00Z');
        await expectGroups('where birthday before 2000-01-01', [group({ propertyName: 'date_of_birth', operator: 'LTE', value: String(before + SLACK) })]);
        await expectGroups('where birthday after 2000-01-01', [group({ propertyName: 'date_of_birth', operator: 'GTE', value: String(before + DAY - SLACK) })]);
        // `today` is 2026-03-15 in UTC but already 2026-03-16 in Kiritimati (UTC+14).
        const [utc] = (await groups('where signup_day = today')) as HubSpotFilterGroup[];
        const [kiritimati] = (await groups('where signup_day = today', { timezone: 'Pacific/Kiritimati' })) as HubSpotFilterGroup[];
        expect(utc.filters[0]).toMatchObject({ operator: 'BETWEEN', value: String(Date.parse('2026-03-15T00:00:00Z') - SLACK) });
        expect(kiritimati.filters[0]).toMatchObject({ operator: 'BETWEEN', value: String(Date.parse('2026-03-16T00:00:00Z') - SLACK) });
    });

    test('events, functions, arithmetic and calculated fields push nothing, or only the presence they imply', async () => {
        await expectGroups('where performed Purchased', []);
        await expectGroups('where lower(country) = "us"', [group({ propertyName: 'country', operator: 'HAS_PROPERTY' })]);
        await expectGroups('where revenue_per_visit > 10', []);
        await expectGroups('where coalesce(revenue, 0) > 10', []);
        expect((await plan('where revenue_per_visit > 10')).properties).toEqual(['hs_analytics_num_visits', 'hs_object_id', 'total_revenue']);
    });

    test('a number field over a text property pushes presence only (HubSpot would compare it as text)', async () => {
        await expectGroups('where score_text > 5', [group({ propertyName: 'score_text', operator: 'HAS_PROPERTY' })]);
        // It may hold unreadable text, so "not set" cannot be pushed as NOT_HAS_PROPERTY.
        await expectGroups('where score_text is not set', []);
    });

    test('presence pushes as HAS_PROPERTY / NOT_HAS_PROPERTY; the contact id is always there', async () => {
        await expectGroups('where email is set', [group({ propertyName: 'email', operator: 'HAS_PROPERTY' })]);
        await expectGroups('where email is not set', [group({ propertyName: 'email', operator: 'NOT_HAS_PROPERTY' })]);
        expect(await groups('where email is set and email is not set')).toBe('none');
        expect(await groups('where id is not set')).toBe('none');
        await expectGroups('where created > 2026-01-01T00:00:00Z', []);
    });

    test('`exclude` pushes what is not TRUE of it: FALSE or UNKNOWN', async () => {
        await expectGroups('where revenue > 10\nexclude country = "US"', [group({ propertyName: 'total_revenue', operator: 'GT', value: '10' })]);
        await expectGroups('where revenue > 10\nexclude lifecyclestage = "lead"', [
            group({ propertyName: 'total_revenue', operator: 'GT', value: '10' }, { propertyName: 'lifecyclestage', operator: 'NEQ', value: 'lead' }),
        ]);
        // Not TRUE of `revenue > 5`: FALSE (at most 5) or UNKNOWN (no revenue, which `revenue > 10` rules out).
        await expectGroups('where revenue > 10\nexclude revenue > 5', [
            group({ propertyName: 'total_revenue', operator: 'GT', value: '10' }, { propertyName: 'total_revenue', operator: 'LTE', value: '5' }),
        ]);
    });

    test('`in segment` inlines the referenced segment (its where and exclude)', async () => {
        const text = 'segment big of Contact { where revenue > 100 exclude opted_out }\nsegment s of Contact { where in segment big and country = "US" }\nsegment t of Contact { where not in segment big }';
        const s = [group({ propertyName: 'total_revenue', operator: 'GT', value: '100' }, { propertyName: 'country', operator: 'EQ', value: 'US' }, { propertyName: 'hs_email_optout', operator: 'NEQ', value: 'true' })];
        await expectGroups(text, s, { name: 's' });
        const t = [
            group({ propertyName: 'total_revenue', operator: 'LTE', value: '100' }),
            group({ propertyName: 'total_revenue', operator: 'NOT_HAS_PROPERTY' }),
            group({ propertyName: 'hs_email_optout', operator: 'EQ', value: 'true' }),
        ];
        await expectGroups(text, t, { name: 't' });
    });

    test('over HubSpot\'s limits it merges groups into what they share and drops the least selective filters, keeping room for paging', async () => {
        const countries = ['US', 'FR', 'DE', 'ES', 'IT', 'NL', 'BE'].map((c) => `(country = "${c}" and revenue > 10)`).join(' or ');
        const merged = (await groups(`where ${countries}`)) as HubSpotFilterGroup[];
        expect(merged.length).toBeLessThanOrEqual(HUBSPOT_SEARCH_LIMITS.maxGroups);
        expect(merged.every((g) => g.filters.some((f) => f.propertyName === 'total_revenue'))).toBe(true);

        const many = await groups('where revenue > 1 and visits > 2 and country = "US" and email is set and lifecyclestage = "lead" and opted_out and birthday is set and lead_status is set');
        expect(many).toHaveLength(1);
        const filters = (many as HubSpotFilterGroup[])[0].filters;
        expect(filters).toHaveLength(HUBSPOT_SEARCH_LIMITS.maxFiltersPerGroup - 1);
        expect(filters.map((f) => f.operator)).not.toContain('HAS_PROPERTY');

        const wide = (await groups(`where ${['US', 'FR', 'DE', 'ES', 'IT'].map((c) => `(country = "${c}" and revenue > 1 and visits > 2 and opted_out)`).join(' or ')}`)) as HubSpotFilterGroup[];
        expect(wide.reduce((sum, g) => sum + g.filters.length + 1, 0)).toBeLessThanOrEqual(HUBSPOT_SEARCH_LIMITS.maxFilters);
    });

    test('`in list` pushes as IN of the list\'s values when there are at most 100, else as presence of the `by` field', async () => {
        const files = {
            '/p/schema.segment': schema,
            '/p/s.segment': 'list few of Contact from "few.csv" by email\nlist many of Contact from "many.csv" by email\nsegment s of Contact { where in list few }\nsegment t of Contact { where in list many }',
            '/p/few.csv': 'email\nada@example.com\n  Bob@Example.com \n\n',
            '/p/many.csv': ['email', ...Array.from({ length: 101 }, (_, i) => `c${i}@example.com`)].join('\n'),
        };
        const bundles = await compileBundles(files);
        const lists: ListSource = { values: (list: ListIR) => csvListValues(files[new URL(list.uri).pathname as keyof typeof files], list.by) };
        const few = planHubSpotSearch(bundles.get('s')!, { definitions: CONTACT_PROPERTIES, now, lists });
        expect(few.filterGroups).toEqual([group({ propertyName: 'email', operator: 'IN', values: ['ada@example.com', 'bob@example.com'] })]);
        const many = planHubSpotSearch(bundles.get('t')!, { definitions: CONTACT_PROPERTIES, now, lists });
        expect(many.filterGroups).toEqual([group({ propertyName: 'email', operator: 'HAS_PROPERTY' })]);
    });

    test('a comparison with null is never TRUE: nothing to search', async () => {
        expect(await groups('where country = null')).toBe('none');
    });
});
