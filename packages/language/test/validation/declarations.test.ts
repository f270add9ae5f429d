import { describe, expect, test } from 'vitest';
import { buildProject, checkWithContact, CONTACT_SCHEMA } from '../test-utils.js';
import { expected, expectedIn, summaries } from './diagnostic-expectations.js';

describe('duplicate-name', () => {
    test('two segments of one name in one file: both are reported, on their names', async () => {
        const text = 'segment vips { where visits > 1 }\nsegment vips { where visits > 2 }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expectedIn('duplicate-name', text, 'segment vips', 'vips'), expectedIn('duplicate-name', text, 'segment vips', 'vips', 2)]);
        expect(diagnostics[0].message).toBe('Another segment of this project is named `vips`; names must be unique.');
        expect(diagnostics[0].relatedInformation?.[0].location.range).toEqual(expectedIn('duplicate-name', text, 'segment vips', 'vips', 2).range);
    });

    test('two segments of one name in two files of one project: each file reports it', async () => {
        const a = 'segment vips { where visits > 1 }';
        const b = '// The same name again.\nsegment vips { where visits > 2 }';
        const project = await buildProject({ '/p/contact.segment': CONTACT_SCHEMA, '/p/a.segment': a, '/p/b.segment': b });
        expect(summaries(project.diagnostics('/p/a.segment'))).toEqual([expectedIn('duplicate-name', a, 'segment vips', 'vips')]);
        expect(summaries(project.diagnostics('/p/b.segment'))).toEqual([expectedIn('duplicate-name', b, 'segment vips', 'vips')]);
    });

    test('two schemas, and two lists, of one name', async () => {
        const text = 'schema Contact key id { id text email text }\nlist vip of Contact from "vip.csv" by email\nlist vip of Contact from "vip.csv" by email';
        const { diagnostics } = await checkWithContact(text, { '/p/vip.csv': 'email\n' });
        expect(summaries(diagnostics)).toEqual([
            expectedIn('duplicate-name', text, 'schema Contact', 'Contact'),
            expectedIn('duplicate-name', text, 'list vip', 'vip'),
            expectedIn('duplicate-name', text, 'list vip', 'vip', 2),
        ]);
        expect(diagnostics[0].message).toMatch(/Another schema of this project is named `Contact`/);
        expect(diagnostics[1].message).toMatch(/Another list of this project is named `vip`/);
    });

    test('two members of one schema: the second is reported', async () => {
        const text = 'schema Account key id {\n  id text\n  score number\n  let score = 1 + 1\n}';
        const project = await buildProject({ '/p/account.segment': text });
        const diagnostics = project.diagnostics('/p/account.segment');
        expect(summaries(diagnostics)).toEqual([expectedIn('duplicate-name', text, 'let score', 'score')]);
        expect(diagnostics[0].message).toBe('Another member of this schema is named `score`.');
    });

    test('two properties of one event: the second is reported', async () => {
        const text = 'schema Account key id {\n  id text\n  event Paid { amount number, note text, amount text }\n}';
        const project = await buildProject({ '/p/account.segment': text });
        const diagnostics = project.diagnostics('/p/account.segment');
        expect(summaries(diagnostics)).toEqual([expectedIn('duplicate-name', text, 'amount text', 'amount')]);
        expect(diagnostics[0].message).toBe('Another property of this event is named `amount`.');
    });

    test('near miss: one name in two projects, in two kinds, or as properties of two events', async () => {
        const project = await buildProject({
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/a.segment': 'segment vips { where visits > 1 }\nlist vips of Contact from "vip.csv" by email',
            '/p/vip.csv': 'email\n',
            '/p/other/segment.config.json': '{}',
            '/p/other/contact.segment': CONTACT_SCHEMA,
            '/p/other/b.segment': 'segment vips { where visits > 2 }',
        });
        expect(project.codes('/p/a.segment')).toEqual([]);
        expect(project.codes('/p/other/b.segment')).toEqual([]);
        expect(project.codes('/p/contact.segment')).toEqual([]);
    });
});

describe('duplicate-setting', () => {
    test('a setting given twice is reported on the second', async () => {
        const text = 'segment s {\n  description "Active"\n  timezone "UTC"\n  description "Really active"\n  where visits > 1\n}';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('duplicate-setting', text, 'description "Really active"')]);
        expect(diagnostics[0].message).toBe('`description` is already set for this segment.');
    });

    test('`timezone` and `refresh` too', async () => {
        const text = 'segment s {\n  timezone "UTC"\n  refresh every 5 minutes\n  timezone "Europe/Paris"\n  refresh every 1 hour\n  where visits > 1\n}';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('duplicate-setting', text, 'timezone "Europe/Paris"'), expected('duplicate-setting', text, 'refresh every 1 hour')]);
        expect(diagnostics[1].message).toBe('`refresh` is already set for this segment.');
    });

    test('near miss: each setting once, in any order', async () => {
        const { codes } = await checkWithContact('segment s {\n  refresh every 15 minutes\n  timezone "UTC"\n  description "Active"\n  where visits > 1\n}');
        expect(codes).toEqual([]);
    });
});

describe('list-file-not-found', () => {
    test('a list whose CSV does not exist is reported on the file name', async () => {
        const text = 'list vip of Contact from "lists/missing.csv" by email';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('list-file-not-found', text, '"lists/missing.csv"')]);
        expect(diagnostics[0].message).toMatch(/No file "lists\/missing.csv" next to this file/);
    });

    test('the path is relative to the file declaring the list', async () => {
        const text = 'list vip of Contact from "vip.csv" by email';
        const { diagnostics } = await checkWithContact(text, { '/p/lists/vip.csv': 'email\n' });
        expect(summaries(diagnostics)).toEqual([expected('list-file-not-found', text, '"vip.csv"')]);
    });

    test('near miss: the file exists next to the declaring file, or in a sub-folder of it', async () => {
        const project = await buildProject({
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/lists/vip.segment': 'list vip of Contact from "vip.csv" by email',
            '/p/lists/vip.csv': 'email\n',
            '/p/gold.segment': 'list gold of Contact from "lists/gold.csv" by email',
            '/p/lists/gold.csv': 'email\n',
        });
        expect(project.codes('/p/lists/vip.segment')).toEqual([]);
        expect(project.codes('/p/gold.segment')).toEqual([]);
    });
});

describe('membership and refresh checks', () => {
    const subscription = 'schema Subscription key id { id text  plan text }\nsegment paid of Subscription { where plan = "paid" }\nlist trial of Subscription from "t.csv" by id\n';

    test('`in segment` and `in list` of another schema are type mismatches', async () => {
        const { diagnostics } = await checkWithContact('segment s of Contact { where in segment paid or in list trial }', { '/p/subscription.segment': subscription });
        expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
            ['type-mismatch', '`paid` is a segment of `Subscription`, but this condition is about `Contact` records.'],
            ['type-mismatch', '`trial` is a list of `Subscription`, but this condition is about `Contact` records.'],
        ]);
    });

    test('near miss: a segment of the same schema', async () => {
        const { codes } = await checkWithContact('segment a of Contact { where visits > 1 }\nsegment s of Contact { where in segment a }', { '/p/subscription.segment': subscription });
        expect(codes).toEqual([]);
    });

    test('`refresh every` takes no calendar units', async () => {
        const { diagnostics } = await checkWithContact('segment s of Contact { refresh every 2 months where visits > 1 }');
        expect(diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character])).toEqual([['invalid-literal', 39, 45]]);
        expect((await checkWithContact('segment s of Contact { refresh every 2 weeks where visits > 1 }')).codes).toEqual([]);
    });
});
