import { describe, expect, test } from 'vitest';
import {
    isDescriptionSetting,
    isEnumType,
    isEventDecl,
    isField,
    isLetField,
    isListType,
    isRefreshSetting,
    isScalarType,
    isSchema,
    isSegment,
    isStaticList,
    isTimezoneSetting,
    type Schema,
    type Segment,
    type TypeRef,
} from '../../src/generated/ast.js';
import { parseText, printExpression } from './parsing-helpers.js';

/** `text`, `list of number`, `one of ("A","B")`. */
function printType(type: TypeRef): string {
    if (isScalarType(type)) return type.name;
    if (isListType(type)) return `list of ${type.element}`;
    if (isEnumType(type)) return `one of ${JSON.stringify(type.values)}`;
    throw new Error('unknown type');
}

async function parseSchema(text: string): Promise<{ schema: Schema; codes: string[] }> {
    const { model, codes } = await parseText(text);
    const schema = model.declarations.find(isSchema);
    if (!schema) throw new Error('no schema');
    return { schema, codes };
}

async function parseSegmentDeclaration(text: string): Promise<{ segment: Segment; codes: string[] }> {
    const { model, codes } = await parseText(text);
    const segment = model.declarations.find(isSegment);
    if (!segment) throw new Error('no segment');
    return { segment, codes };
}

describe('schemas', () => {
    test('every type, `from` on fields, `let`, and the key', async () => {
        const { schema, codes } = await parseSchema(`
schema Account key id {
  id text
  size number from "properties.employees"
  active boolean
  founded date
  updated datetime
  tags list of text
  scores list of number
  tier one of ("Bronze", "Silver", "Gold")
  let big = size > 100
}`);
        expect(codes).toEqual([]);
        expect(schema.name).toBe('Account');
        expect(schema.key.ref?.name).toBe('id');
        const fields = schema.members.filter(isField).map((f) => [f.name, printType(f.type), f.path]);
        expect(fields).toEqual([
            ['id', 'text', undefined],
            ['size', 'number', 'properties.employees'],
            ['active', 'boolean', undefined],
            ['founded', 'date', undefined],
            ['updated', 'datetime', undefined],
            ['tags', 'list of text', undefined],
            ['scores', 'list of number', undefined],
            ['tier', 'one of ["Bronze","Silver","Gold"]', undefined],
        ]);
        const big = schema.members.find(isLetField);
        expect([big?.name, printExpression(big?.value)]).toEqual(['big', '(> size 100)']);
    });

    test('an enum may end with a trailing comma', async () => {
        const { schema, codes } = await parseSchema('schema S key id { id text  tier one of ("A", "B",) }');
        expect(codes).toEqual([]);
        const tier = schema.members.filter(isField)[1];
        expect(tier && printType(tier.type)).toBe('one of ["A","B"]');
    });

    test('events: with commas, without commas, empty, with `from` on the event and its properties', async () => {
        const { schema, codes } = await parseSchema(`
schema S key id {
  id text
  event A { x number, y text }
  event B { x number y text }
  event C {}
  event D from "events.order_placed" { total number from "payload.total", at_home boolean }
}`);
        expect(codes).toEqual([]);
        const events = schema.members.filter(isEventDecl).map((e) => [e.name, e.path, e.properties.map((p) => `${p.name}:${printType(p.type)}${p.path ? `@${p.path}` : ''}`)]);
        expect(events).toEqual([
            ['A', undefined, ['x:number', 'y:text']],
            ['B', undefined, ['x:number', 'y:text']],
            ['C', undefined, []],
            ['D', 'events.order_placed', ['total:number@payload.total', 'at_home:boolean']],
        ]);
    });

    test('an empty schema body parses', async () => {
        const { schema, codes } = await parseSchema('schema S key id { }');
        expect(codes).not.toContain('syntax-error');
        expect(schema.members).toEqual([]);
    });
});

describe('segments', () => {
    test('title, `of`, settings, where and exclude', async () => {
        const { segment, codes } = await parseSegmentDeclaration(`
segment highly_engaged "Highly Engaged" of Contact {
  description "Opened 5+ emails"
  timezone "America/New_York"
  refresh every 15 minutes
  where visits > 5
  exclude welcome_email_sent
}`);
        expect(codes).toEqual([]);
        expect([segment.name, segment.title, segment.schema?.ref?.name]).toEqual(['highly_engaged', 'Highly Engaged', 'Contact']);
        const description = segment.settings.find(isDescriptionSetting);
        const timezone = segment.settings.find(isTimezoneSetting);
        const refresh = segment.settings.find(isRefreshSetting);
        expect([description?.value, timezone?.value, refresh?.interval.amount, refresh?.interval.unit]).toEqual(['Opened 5+ emails', 'America/New_York', 15, 'minutes']);
        expect(printExpression(segment.where)).toBe('(> visits 5)');
        expect(printExpression(segment.exclude)).toBe('welcome_email_sent');
    });

    test('settings come in any order', async () => {
        const { segment, codes } = await parseSegmentDeclaration(`
segment s of Contact {
  refresh every 1 hour
  timezone "Europe/Paris"
  description "d"
  where visits > 1
}`);
        expect(codes).toEqual([]);
        expect(segment.settings.map((s) => s.$type)).toEqual(['RefreshSetting', 'TimezoneSetting', 'DescriptionSetting']);
    });

    test('`of SCHEMA` and the title may be left out; exclude is optional', async () => {
        const { segment } = await parseSegmentDeclaration('segment s { where visits > 1 }');
        expect([segment.title, segment.schema, segment.settings, segment.exclude]).toEqual([undefined, undefined, [], undefined]);
        expect(printExpression(segment.where)).toBe('(> visits 1)');
    });

    test('a title without `of`', async () => {
        const { segment, codes } = await parseSegmentDeclaration('segment s "Nice name" { where visits > 1 }');
        expect(codes).not.toContain('syntax-error');
        expect([segment.title, segment.schema]).toEqual(['Nice name', undefined]);
    });
});

describe('static lists', () => {
    test('with title and `of`', async () => {
        const { model, codes } = await parseText('list vip "VIP Customers" of Contact from "lists/vip.csv" by email');
        expect(codes).not.toContain('syntax-error');
        expect(codes.filter((c) => c.startsWith('unknown-'))).toEqual([]);
        const list = model.declarations.find(isStaticList);
        expect([list?.name, list?.title, list?.schema?.ref?.name, list?.file, list?.by.ref?.name]).toEqual(['vip', 'VIP Customers', 'Contact', 'lists/vip.csv', 'email']);
    });

    test('without title nor `of`', async () => {
        const { model, codes } = await parseText('list vip from "vip.csv" by id');
        expect(codes).not.toContain('syntax-error');
        const list = model.declarations.find(isStaticList);
        expect([list?.name, list?.title, list?.schema, list?.file]).toEqual(['vip', undefined, undefined, 'vip.csv']);
    });
});

describe('files', () => {
    test('comments and doc comments are hidden; many declarations share a file', async () => {
        const { model, codes } = await parseText(`
// a line comment
/** A doc comment. */
segment a of Contact { where visits > 1 /* inline */ }
/* a block
   comment */
segment b of Contact { where visits > 2 } // trailing`);
        expect(codes).toEqual([]);
        expect(model.declarations.map((d) => d.name)).toEqual(['a', 'b']);
    });

    test('an empty file is an empty model', async () => {
        const { model, codes } = await parseText('');
        expect(codes).toEqual([]);
        expect(model.declarations).toEqual([]);
    });
});
