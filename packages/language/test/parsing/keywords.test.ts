import { describe, expect, test } from 'vitest';
import {
    isAggregate,
    isBinaryExpr,
    isComparison,
    isEventDecl,
    isField,
    isFunctionCall,
    isPerformed,
    isPresencePredicate,
    isSchema,
    isSegment,
    isTextPredicate,
    type Expression,
} from '../../src/generated/ast.js';
import { AstUtils } from 'langium';
import { parseSegment, parseText, printExpression, printWhere } from './parsing-helpers.js';

/** Every expression node of a segment's where, in document order. */
function nodesOf(where: Expression): Expression[] {
    return [where, ...AstUtils.streamAllContents(where)] as Expression[];
}

describe('keywords are case-insensitive', () => {
    test('upper- and mixed-case keywords parse to the same tree', async () => {
        const lower = await printWhere('(visits > 1 and not welcome_email_sent) or in segment other', 'segment other of Contact { where visits > 1 }');
        const { model, codes } = await parseText(
            'SEGMENT s OF Contact { WHERE (visits > 1 AND NOT welcome_email_sent) Or IN SEGMENT other }\nSegment other Of Contact { Where visits > 1 }',
        );
        expect(codes).toEqual([]);
        const segment = model.declarations.find(isSegment);
        expect(printExpression(segment?.where).toLowerCase()).toBe(lower);
    });

    test('every kind of keyword in upper case parses and links', async () => {
        const { codes } = await parseSegment(
            'COUNT(EmailOpened WITHIN LAST 30 DAYS WHERE campaign CONTAINS "x") >= 5 AND email IS NOT NULL AND tags INCLUDES ANY OF ("a")' +
                ' AND last_visit MORE THAN 2 WEEKS AGO AND birthday BEFORE TODAY AND visits NOT BETWEEN 1 AND 2 AND state NOT IN ("CA")' +
                ' AND PERFORMED Purchased AT LEAST 2 TIMES SINCE 2026-01-01 WHERE amount > 1 AND last_visit < NOW AND email MATCHES "a"' +
                ' AND MONTH(birthday) = LOWER("x") AND welcome_email_sent = TRUE AND email != NULL',
        );
        expect(codes.filter((c) => c === 'syntax-error' || c.startsWith('unknown-'))).toEqual([]);
    });

    test('value-converted keywords are lower-cased: time units, aggregates, function names, text operators', async () => {
        const { segment } = await parseSegment('COUNT(EmailOpened within last 30 DAYS) > 1 and LOWER(email) CONTAINS "a" and email Matches "b" and MONTH(birthday) = 1');
        const nodes = nodesOf(segment.where);
        expect(nodes.filter(isAggregate).map((a) => [a.function, a.window?.$type === 'WithinWindow' && a.window.duration.unit])).toEqual([['count', 'days']]);
        expect(nodes.filter(isFunctionCall).map((f) => f.function)).toEqual(['lower', 'month']);
        expect(nodes.filter(isTextPredicate).map((t) => t.operator)).toEqual(['contains', 'matches']);
    });

    test('keyword values are lower-cased in the AST, whatever the source case', async () => {
        const { segment } = await parseSegment(
            'visits > 1 AND email IS SET Or tags INCLUDES ALL OF ("a") and last_visit WITHIN LAST 1 day and last_visit MORE THAN 1 day AGO' +
                ' and birthday BEFORE today and performed Purchased AT LEAST 1 TIME',
        );
        const nodes = nodesOf(segment.where);
        expect(nodes.filter(isBinaryExpr).map((b) => b.operator).sort()).toEqual(['and', 'and', 'and', 'and', 'and', 'or']);
        expect(nodes.filter(isPresencePredicate).map((p) => p.check)).toEqual(['set']);
        expect(printExpression(segment.where)).toBe(
            '(or (and (> visits 1) (is-set email)) (and (and (and (and (includes-all tags "a") (within-last-1-day last_visit))' +
                ' (more-than-1-day-ago last_visit)) (before birthday today)) (performed Purchased at least-1)))',
        );
    });

    test('type names are lower-cased too', async () => {
        const { model } = await parseText('schema U key id { id TEXT  n List Of Number }');
        const fields = model.declarations.find(isSchema)?.members.filter(isField) ?? [];
        expect(fields.map((f) => (f.type.$type === 'ScalarType' ? f.type.name : f.type.$type === 'ListType' ? f.type.element : ''))).toEqual(['text', 'number']);
    });

    test('identifiers stay case-sensitive', async () => {
        const { codes } = await parseSegment('VISITS > 1');
        expect(codes).toEqual(['unknown-field']);
    });
});

describe('soft keywords and quoted names', () => {
    const schema = `
schema Crm key key {
  key text
  from text
  event text
  list text
  set boolean
  month number
  last datetime
  of text
  count number
  \`first name\` text from "First Name"
  event Visit { from text, month number, last boolean }
}`;

    test('keywords are usable as field and property names in the schema', async () => {
        const { model, codes } = await parseText(schema);
        expect(codes).toEqual([]);
        const crm = model.declarations.find(isSchema);
        expect(crm?.key.ref?.name).toBe('key');
        expect(crm?.members.filter(isField).map((f) => f.name)).toEqual(['key', 'from', 'event', 'list', 'set', 'month', 'last', 'of', 'count', 'first name']);
        expect(crm?.members.filter(isEventDecl).map((e) => [e.name, e.properties.map((p) => p.name)])).toEqual([['Visit', ['from', 'month', 'last']]]);
    });

    test('and in conditions, alongside the same words as keywords', async () => {
        const { model, codes } = await parseText(`${schema}
segment s of Crm {
  where from = "x" and key != "k" and event contains "e" and list is set and set and not set
    and month(last) = month and last within last 3 days and of = "o" and count > 1
    and \`first name\` starts with "A"
    and performed Visit where (from = "web" and month > 1 and last)
}`);
        expect(codes).toEqual([]);
        const segment = model.declarations.find(isSegment);
        const text = printExpression(segment?.where);
        expect(text).toContain('(= from "x")');
        expect(text).toContain('(!= key "k")');
        expect(text).toContain('(contains event "e")');
        expect(text).toContain('(is-set list)');
        expect(text).toContain('(and (and (and (and (and (= from "x") (!= key "k")) (contains event "e")) (is-set list)) set) (not set))');
        expect(text).toContain('(= (month() last) month)');
        expect(text).toContain('(within-last-3-days last)');
        expect(text).toContain('(= of "o")');
        expect(text).toContain('(> count 1)');
        expect(text).toContain('first name');
        expect(text).toContain('(performed Visit where=[(and (and (= from "web") (> month 1)) last)])');
        const performed = segment && nodesOf(segment.where).find(isPerformed);
        const filterRefs = performed ? nodesOf(performed.filter!).filter(isComparison).map((c) => c.left.$type === 'FieldRef' && c.left.field.ref?.$container?.$type) : [];
        expect(filterRefs).toEqual(['EventDecl', 'EventDecl']);
    });

    test('backticks quote any name, including hard keywords', async () => {
        const { model, codes } = await parseText(`
schema Q key \`and\` {
  \`and\` text
  \`not\` boolean
  \`first name\` text
}
segment s of Q { where \`and\` = "x" and not \`not\` and \`first name\` = "Ann" }`);
        expect(codes).toEqual([]);
        expect(printExpression(model.declarations.find(isSegment)?.where)).toBe('(and (and (= and "x") (not not)) (= first name "Ann"))');
    });
});
