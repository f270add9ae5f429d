import { describe, expect, test } from 'vitest';
import { buildProject, checkWithContact, CONTACT_SCHEMA } from '../test-utils.js';
import { expected, summaries } from './diagnostic-expectations.js';

describe('unknown-field', () => {
    test('a misspelt field suggests the closest one', async () => {
        const text = 'segment s { where total_spnt > 5 }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-field', text, 'total_spnt')]);
        expect(diagnostics[0].message).toBe('Unknown field `total_spnt` in this schema: did you mean `total_spent`?');
    });

    test("inside an event's `where`, a misspelt property suggests the property", async () => {
        const text = 'segment s { where performed Purchased where amout > 5 }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-field', text, 'amout')]);
        expect(diagnostics[0].message).toMatch(/did you mean `amount`\?/);
    });

    test('a name far from every field has no suggestion', async () => {
        const text = 'segment s { where zzzzzzzz > 5 }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-field', text, 'zzzzzzzz')]);
        expect(diagnostics[0].message).not.toMatch(/did you mean/);
    });

    test('near miss: fields, calculated fields and event properties resolve', async () => {
        const { codes } = await checkWithContact('segment s { where total_spent > 5 and average_order_value > 1 and performed Purchased where amount > 5 }');
        expect(codes).toEqual([]);
    });
});

describe('unknown-event', () => {
    test('a misspelt event suggests the closest one', async () => {
        const text = 'segment s { where performed Purchase within last 30 days }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-event', text, 'Purchase')]);
        expect(diagnostics[0].message).toBe('Unknown event `Purchase` in this schema: did you mean `Purchased`?');
    });

    test('in an aggregate too', async () => {
        const text = 'segment s { where count(EmailOpend) >= 1 }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-event', text, 'EmailOpend')]);
        expect(diagnostics[0].message).toMatch(/did you mean `EmailOpened`\?/);
    });

    test('near miss: a declared event', async () => {
        const { codes } = await checkWithContact('segment s { where performed Purchased within last 30 days and count(EmailOpened) >= 1 }');
        expect(codes).toEqual([]);
    });
});

describe('unknown-property', () => {
    test('a misspelt property of an aggregate suggests the closest one', async () => {
        const text = 'segment s { where sum(Purchased.amout) > 100 }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-property', text, 'amout')]);
        expect(diagnostics[0].message).toBe('Unknown property `amout` of this event: did you mean `amount`?');
    });

    test("near miss: a property of the event (not one of another event's)", async () => {
        const { codes } = await checkWithContact('segment s { where sum(Purchased.amount) > 100 }');
        expect(codes).toEqual([]);
        const other = 'segment s { where max(PageViewed.amount) > 100 }';
        const { diagnostics } = await checkWithContact(other);
        expect(summaries(diagnostics)).toEqual([expected('unknown-property', other, 'amount')]);
    });
});

describe('unknown-schema', () => {
    test('a misspelt schema suggests the closest one', async () => {
        const text = 'segment s of Contacts { where visits > 1 }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-schema', text, 'Contacts')]);
        expect(diagnostics[0].message).toBe('Unknown schema `Contacts` in this project: did you mean `Contact`?');
    });

    test('near miss: the declared schema', async () => {
        const { codes } = await checkWithContact('segment s of Contact { where visits > 1 }');
        expect(codes).toEqual([]);
    });
});

describe('unknown-segment', () => {
    const other = { '/p/high-value.segment': 'segment high_value { where total_spent > 1000 }' };

    test('a misspelt segment suggests the closest one of the project', async () => {
        const text = 'segment s { where in segment hi_value }';
        const { diagnostics } = await checkWithContact(text, other);
        expect(summaries(diagnostics)).toEqual([expected('unknown-segment', text, 'hi_value')]);
        expect(diagnostics[0].message).toBe('Unknown segment `hi_value` in this project: did you mean `high_value`?');
    });

    test('near miss: a segment of another file of the project', async () => {
        const { codes } = await checkWithContact('segment s { where in segment high_value }', other);
        expect(codes).toEqual([]);
    });
});

describe('unknown-list', () => {
    const list = { '/p/vip.segment': 'list vip of Contact from "vip.csv" by email', '/p/vip.csv': 'email\na@example.com\n' };

    test('a misspelt list suggests the closest one', async () => {
        const text = 'segment s { where in list vips }';
        const { diagnostics } = await checkWithContact(text, list);
        expect(summaries(diagnostics)).toEqual([expected('unknown-list', text, 'vips')]);
        expect(diagnostics[0].message).toBe('Unknown list `vips` in this project: did you mean `vip`?');
    });

    test('near miss: the declared list', async () => {
        const { codes } = await checkWithContact('segment s { where in list vip }', list);
        expect(codes).toEqual([]);
    });
});

describe('missing-schema', () => {
    test('`of` left out in a project with two schemas', async () => {
        const text = 'segment orphans { where true }';
        const project = await buildProject({
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/company.segment': 'schema Company key id { id text }',
            '/p/orphans.segment': text,
        });
        const diagnostics = project.diagnostics('/p/orphans.segment');
        expect(summaries(diagnostics)).toEqual([expected('missing-schema', text, 'orphans')]);
        expect(diagnostics[0].message).toMatch(/\bof\b/);
        expect(diagnostics[0].message).toMatch(/schemas/);
    });

    test('`of` left out in a project with no schema', async () => {
        const text = 'segment orphans { where true }';
        const project = await buildProject({ '/p/segment.config.json': '{}', '/p/orphans.segment': text });
        const diagnostics = project.diagnostics('/p/orphans.segment');
        expect(summaries(diagnostics)).toEqual([expected('missing-schema', text, 'orphans')]);
        expect(diagnostics[0].message).toMatch(/\bof\b/);
        expect(diagnostics[0].message).toMatch(/no schema/i);
    });

    test('near miss: `of` given in a project with two schemas, or left out with exactly one', async () => {
        const project = await buildProject({
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/company.segment': 'schema Company key id { id text }',
            '/p/s.segment': 'segment s of Contact { where visits > 1 }',
            '/q/segment.config.json': '{}',
            '/q/company.segment': 'schema Company key id { id text }',
            '/q/t.segment': 'segment t { where id = "x" }',
        });
        expect(project.codes('/p/s.segment')).toEqual([]);
        expect(project.codes('/q/t.segment')).toEqual([]);
    });
});
