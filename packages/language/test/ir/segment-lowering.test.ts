import { describe, expect, test } from 'vitest';
import { IR_VERSION } from '@segments/ir';
import { SegmentLoweringError } from '../../src/ir/lowering-errors.js';
import { buildProject, checkWithContact, CONTACT_SCHEMA } from '../test-utils.js';
import { lower, lowerIn, segmentIn } from './ir-test-utils.js';

describe('lowering a segment to a bundle', () => {
    test('the segment, its settings and its schema', async () => {
        const bundle = await lower(`
/** Opened a lot. */
segment engaged "Highly Engaged" of Contact {
  refresh every 2 hours
  description "Opened 5+ emails"
  where count(EmailOpened within last 30 days) >= 5
  exclude in segment churned
}`, { '/p/churned.segment': 'segment churned of Contact { where last_visit more than 1 year ago }' });
        expect(bundle.irVersion).toBe(IR_VERSION);
        const { where, exclude, ...settings } = bundle.segment;
        expect(settings).toEqual({
            name: 'engaged',
            title: 'Highly Engaged',
            description: 'Opened 5+ emails',
            doc: 'Opened a lot.',
            schema: 'Contact',
            timezone: 'UTC',
            refreshMinutes: 120,
        });
        expect(where.kind).toBe('compare');
        expect(exclude).toMatchObject({ kind: 'inSegment', segment: 'churned' });
        expect(Object.keys(bundle.segments)).toEqual(['churned']);
    });

    test('the title defaults to the name; refresh is converted to minutes', async () => {
        const bundle = await lower('segment s { refresh every 1 day\n where visits > 1 }');
        expect(bundle.segment).toMatchObject({ name: 's', title: 's', refreshMinutes: 1440 });
        expect(bundle.segment).not.toHaveProperty('description');
        expect(bundle.segment).not.toHaveProperty('exclude');
        expect((await lower('segment s { where visits > 1 }')).segment).not.toHaveProperty('refreshMinutes');
    });

    test('the schema: fields with paths, types and docs; calculated fields in dependency order; events', async () => {
        const project = await buildProject({
            '/p/schema.segment': `
/** People. */
schema Person key id {
  id text
  /** The e-mail address. */
  email text from "properties.email"
  tier one of ("A", "B")
  tags list of text
  let score = base * 2
  let base = coalesce(points, 0)
  points number
  event Bought from "events.orders" { amount number from "total.gross", kind one of ("x", "y") }
  event Seen {}
}`,
            '/p/s.segment': 'segment s of Person { where score > 10 }',
        });
        const { schema } = lowerIn(project, '/p/s.segment');
        expect(schema).toEqual({
            name: 'Person',
            key: 'id',
            doc: 'People.',
            fields: [
                { name: 'id', type: 'text', path: ['id'] },
                { name: 'email', type: 'text', path: ['properties', 'email'], doc: 'The e-mail address.' },
                { name: 'tier', type: 'enum', values: ['A', 'B'], path: ['tier'] },
                { name: 'tags', type: 'list-of-text', path: ['tags'] },
                { name: 'points', type: 'number', path: ['points'] },
            ],
            calculated: [
                {
                    name: 'base',
                    type: 'number',
                    value: { kind: 'call', type: 'number', function: 'coalesce', args: [{ kind: 'field', type: 'number', name: 'points' }, { kind: 'literal', type: 'number', value: 0 }] },
                },
                {
                    name: 'score',
                    type: 'number',
                    value: { kind: 'arithmetic', type: 'number', operator: '*', left: { kind: 'calculated', type: 'number', name: 'base' }, right: { kind: 'literal', type: 'number', value: 2 } },
                },
            ],
            events: [
                {
                    name: 'Bought',
                    path: ['events', 'orders'],
                    properties: [
                        { name: 'amount', type: 'number', path: ['total', 'gross'] },
                        { name: 'kind', type: 'enum', values: ['x', 'y'], path: ['kind'] },
                    ],
                },
                { name: 'Seen', properties: [] },
            ],
        });
    });

    test('conditions inside calculated fields get ids under `calculated.NAME`', async () => {
        const project = await buildProject({
            '/p/schema.segment': 'schema P key id { id text\n n number\n let big = n > 10 and n < 100\n event E { v number } }',
            '/p/s.segment': 'segment s of P { where big }',
        });
        const bundle = lowerIn(project, '/p/s.segment');
        expect(bundle.schema.calculated[0]).toMatchObject({
            name: 'big',
            type: 'boolean',
            value: { kind: 'condition', type: 'boolean', condition: { kind: 'and', id: 'calculated.big', operands: [{ id: 'calculated.big.0' }, { id: 'calculated.big.1' }] } },
        });
        expect(bundle.segment.where).toMatchObject({ kind: 'compare', domain: 'boolean', left: { kind: 'calculated', type: 'boolean', name: 'big' } });
    });

    test('`in segment` bundles the referenced segments transitively, each once', async () => {
        const { project } = await checkWithContact('segment s of Contact { where in segment a and not in segment b }', {
            '/p/a.segment': 'segment a of Contact { where in segment c or in segment b }',
            '/p/b.segment': 'segment b of Contact { where in segment c }',
            '/p/c.segment': 'segment c of Contact { where visits > 1 }',
            '/p/unused.segment': 'segment unused of Contact { where visits > 2 }',
        });
        const bundle = lowerIn(project, '/p/test.segment');
        expect(Object.keys(bundle.segments).sort()).toEqual(['a', 'b', 'c']);
        expect(bundle.segments.c).toMatchObject({ name: 'c', where: { kind: 'compare', id: 'where' } });
        expect(bundle.segment.where).toMatchObject({ operands: [{ kind: 'inSegment', segment: 'a' }, { kind: 'not', operand: { kind: 'inSegment', segment: 'b' } }] });
    });

    test('segments and lists named by calculated fields are bundled too', async () => {
        const project = await buildProject({
            '/p/schema.segment': 'schema P key id { id text\n let vip = in list vips or in segment big\n }',
            '/p/big.segment': 'segment big of P { where id = "x" }',
            '/p/vips.segment': 'list vips of P from "vips.csv" by id',
            '/p/vips.csv': 'id\nx\n',
            '/p/s.segment': 'segment s of P { where vip }',
        });
        const bundle = lowerIn(project, '/p/s.segment');
        expect(Object.keys(bundle.segments)).toEqual(['big']);
        expect(Object.keys(bundle.lists)).toEqual(['vips']);
    });

    test('`in list` bundles the list, its CSV resolved against the declaring file', async () => {
        const bundle = await lower('segment s of Contact { where in list vip and in segment engaged }', {
            '/p/lists/vip.segment': 'list vip "VIP Customers" of Contact from "data/vip.csv" by email',
            '/p/lists/data/vip.csv': 'email\na@b.c\n',
            '/p/engaged.segment': 'segment engaged of Contact { where in list vip or in list other }',
            '/p/other.segment': 'list other of Contact from "other.csv" by id',
            '/p/other.csv': 'id\n1\n',
        });
        expect(bundle.segment.where).toMatchObject({ operands: [{ kind: 'inList', list: 'vip' }, { kind: 'inSegment', segment: 'engaged' }] });
        expect(bundle.lists).toEqual({
            vip: { name: 'vip', title: 'VIP Customers', schema: 'Contact', file: 'data/vip.csv', uri: 'file:///p/lists/data/vip.csv', by: 'email' },
            other: { name: 'other', title: 'other', schema: 'Contact', file: 'other.csv', uri: 'file:///p/other.csv', by: 'id' },
        });
    });
});

describe('time zones', () => {
    const segment = 'segment s of Contact { where visits > 1 }';

    test('the segment declares its own', async () => {
        const bundle = await lower('segment s of Contact { timezone "Europe/Paris"\n where visits > 1 }', { '/p/segment.config.json': '{ "timezone": "Asia/Tokyo" }' });
        expect(bundle.segment.timezone).toBe('Europe/Paris');
    });

    test('else the project config gives it, to referenced segments too', async () => {
        const bundle = await lower('segment s of Contact { where in segment t }', {
            '/p/segment.config.json': '{ "timezone": "Asia/Tokyo" }',
            '/p/t.segment': 'segment t of Contact { timezone "America/New_York"\n where visits > 1 }',
        });
        expect(bundle.segment.timezone).toBe('Asia/Tokyo');
        expect(bundle.segments.t?.timezone).toBe('America/New_York');
    });

    test('else UTC', async () => {
        expect((await lower(segment)).segment.timezone).toBe('UTC');
    });
});

describe('documents with errors', () => {
    async function loweringError(text: string, extra: Record<string, string> = {}): Promise<unknown> {
        const { project } = await checkWithContact(text, extra);
        try {
            project.services.ir.Lowering.lowerSegment(segmentIn(project.documents.get('/p/test.segment')));
        } catch (error) {
            return error;
        }
        throw new Error('lowering did not throw');
    }

    test('an unresolved name', async () => {
        const error = await loweringError('segment s of Contact { where nope > 1 }');
        expect(error).toBeInstanceOf(SegmentLoweringError);
        expect((error as Error).message).toBe('Segment `s` has errors (an unknown field); check its diagnostics before lowering it.');
        expect(((await loweringError('segment s of Contact { where in segment nope }')) as Error).message).toContain('has errors (an unknown segment)');
    });

    test('a type error', async () => {
        expect(((await loweringError('segment s of Contact { where visits = "x" }')) as Error).message).toContain('Segment `s` has errors (a comparison of number with text)');
        expect(((await loweringError('segment s of Contact { where tier < "Gold" }')) as Error).message).toContain('has errors (an ordered comparison of enum values)');
    });

    test.each([
        ['where visits', 'a condition of type number'],
        ['where last_visit > 3 days', 'a duration used as a value'],
        ['where birthday = 2026-02-30', 'the invalid date 2026-02-30'],
        ['where last_visit > 1.5 days ago', 'a duration of 1.5 units'],
        ['where visits within last 3 days', 'a date predicate on number'],
        ['where performed Purchased since 5', 'a window bound of type number'],
        ['where tags = tags', 'a comparison of list-of-text with list-of-text'],
        ['where visits includes 3', '`includes` on number'],
        ['timezone "Mars/Olympus"\n where visits > 1', 'the unknown time zone "Mars/Olympus"'],
    ])('%s', async (body, detail) => {
        expect(((await loweringError(`segment s of Contact { ${body} }`)) as Error).message).toContain(`Segment \`s\` has errors (${detail})`);
    });

    test('a calculated field that depends on itself', async () => {
        const { project } = await checkWithContact('segment s of P { where id = "x" }', { '/p/contact.segment': 'schema P key id { id text\n let a = b + 1\n let b = a + 1 }' });
        expect(() => project.services.ir.Lowering.lowerSegment(segmentIn(project.documents.get('/p/test.segment')))).toThrow('Schema `P` has errors (the calculated field `a` depends on itself)');
    });

    test('a segment cycle', async () => {
        const error = await loweringError('segment s of Contact { where in segment a }', { '/p/a.segment': 'segment a of Contact { where in segment s }' });
        expect((error as Error).message).toContain('the segment cycle s → a → s');
    });

    test('a segment of another schema', async () => {
        const error = await loweringError('segment s of Contact { where in segment o }', {
            '/p/other.segment': 'schema Other key id { id text }\nsegment o of Other { where id = "x" }',
        });
        expect((error as Error).message).toContain('segment `o` is not of schema `Contact`');
    });

    test('a refresh interval without a fixed length', async () => {
        expect(((await loweringError('segment s of Contact { refresh every 1 month\n where visits > 1 }')) as Error).message).toContain('refresh every 1 month');
    });
});

test('CONTACT_SCHEMA lowers completely', async () => {
    const project = await buildProject({ '/p/contact.segment': CONTACT_SCHEMA, '/p/s.segment': 'segment s { where visits > 0 }' });
    const { schema } = lowerIn(project, '/p/s.segment');
    expect(schema.calculated.map((c) => c.name)).toEqual(['average_order_value']);
    expect(schema.fields.find((f) => f.name === 'total_spent')?.path).toEqual(['properties', 'total_revenue']);
    expect(schema.events.map((e) => e.name)).toEqual(['Purchased', 'EmailOpened', 'EmailClicked', 'PageViewed']);
});
