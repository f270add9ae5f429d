import { beforeAll, describe, expect, test, vi } from 'vitest';
import { expectCompletion } from 'langium/test';
import { CompletionItemKind, type CompletionItem, type CompletionList, InsertTextFormat, type TextEdit } from 'vscode-languageserver';
import type { SegmentLspServices } from '../../../src/segment-lsp-module.js';
import { AUDIENCES, CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

let services: SegmentLspServices;

beforeAll(async () => {
    ({ services } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA, '/p/audiences.segment': AUDIENCES }));
});

/** The completion items at `<|>` of a text, sorted as an editor sorts them (by sort text, stable). */
async function completionsAt(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await expectCompletion(services)({
        text,
        index: 0,
        disposeAfterCheck: true,
        assert: (list: CompletionList) => {
            items = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
        },
    });
    return items;
}

async function labelsAt(text: string): Promise<string[]> {
    return (await completionsAt(text)).map((item) => item.label);
}

/** A segment of the Contact schema whose `where` is `condition`. */
const segment = (condition: string) => `segment draft "Draft" of Contact {\n  where ${condition}\n}`;

const FIELDS = ['id', 'email', 'first_name', 'birthday', 'country', 'tags', 'scores', 'tier', 'visits', 'total_spent', 'last_visit', 'subscribed_at', 'welcome_email_sent', 'average_order_value'];

describe('names in scope', () => {
    test('the fields of the schema, with their type, documentation and `from` mapping', async () => {
        const items = await completionsAt(segment('total<|>'));
        const item = items.find((i) => i.label === 'total_spent');
        expect(item).toMatchObject({ kind: CompletionItemKind.Field, detail: 'number' });
        expect(item?.documentation).toEqual({
            kind: 'markdown',
            value: '```segment\ntotal_spent number\n```\n\nRevenue so far, in dollars.\n\nRead from `properties.total_revenue` in the record.',
        });
    });

    test('calculated fields with their inferred type', async () => {
        const item = (await completionsAt(segment('average<|>'))).find((i) => i.label === 'average_order_value');
        expect(item).toMatchObject({ kind: CompletionItemKind.Variable, detail: 'number' });
        expect((item?.documentation as { value: string }).value).toContain('let average_order_value = total_spent / visits');
    });

    test('every field and calculated field where a condition starts, after keywords and functions are sorted', async () => {
        const labels = await labelsAt(segment('<|>'));
        expect(labels.filter((l) => FIELDS.includes(l))).toEqual(FIELDS);
        expect(labels.indexOf('tier')).toBeLessThan(labels.indexOf('age'));
        expect(labels.indexOf('age')).toBeLessThan(labels.indexOf('count'));
        expect(labels.indexOf('count')).toBeLessThan(labels.indexOf('not'));
    });

    test("inside `performed`'s where, the event's `at` and properties come first", async () => {
        const labels = await labelsAt(segment('performed Purchased where <|>'));
        const names = labels.filter((l) => ['at', 'amount', 'product', ...FIELDS].includes(l));
        expect(names).toEqual(['at', 'amount', 'product', ...FIELDS]);
    });

    test("inside an aggregate's where, the event's properties, and no conditions on other events", async () => {
        const items = await completionsAt(segment('count(Purchased where <|>) > 2'));
        const labels = items.map((i) => i.label);
        expect(labels.slice(0, 3)).toEqual(['at', 'amount', 'product']);
        expect(items.find((i) => i.label === 'at')).toMatchObject({ detail: 'datetime', kind: CompletionItemKind.Property });
        expect(labels).not.toContain('performed');
        expect(labels).not.toContain('count');
        expect(labels).not.toContain('in segment');
    });

    test('events after `performed` and as the first argument of an aggregate', async () => {
        expect(await labelsAt(segment('performed <|>'))).toEqual(['Purchased', 'EmailOpened']);
        expect(await labelsAt(segment('count(<|>'))).toEqual(['Purchased', 'EmailOpened']);
        expect(await labelsAt(segment('last_performed(<|>) after 2026-01-01'))).toEqual(['Purchased', 'EmailOpened']);
    });

    test("an event's properties after `EVENT.`", async () => {
        const items = await completionsAt(segment('sum(Purchased.<|>'));
        expect(items.map((i) => [i.label, i.detail])).toEqual([
            ['amount', 'number'],
            ['product', 'text'],
        ]);
    });

    test('segments after `in segment`, never the segment being written', async () => {
        const items = await completionsAt(segment('in segment <|>'));
        expect(items.map((i) => i.label)).toEqual(['highly_engaged', 'big_spenders']);
        expect(items[0]).toMatchObject({ detail: 'Highly Engaged', kind: CompletionItemKind.Module });
    });

    test('lists after `in list`, schemas after `of`', async () => {
        expect(await labelsAt(segment('in list <|>'))).toEqual(['vip']);
        expect(await labelsAt('segment draft of <|>')).toEqual(['Contact']);
    });
});

describe('names typed so far', () => {
    test('only the names that match what is typed are offered', async () => {
        const labels = await labelsAt(segment('vis<|>'));
        expect(labels.filter((l) => FIELDS.includes(l))).toEqual(['visits', 'last_visit']);
    });

    test('an item (type, documentation) is built for the matching names only', async () => {
        const provider = services.lsp.CompletionProvider as unknown as { createReferenceCompletionItem(...args: unknown[]): unknown };
        const built = vi.spyOn(provider, 'createReferenceCompletionItem');
        try {
            const labels = await labelsAt(segment('vis<|>'));
            const names = built.mock.calls.map(([description]) => (description as { name: string }).name);
            expect(names.sort()).toEqual(['last_visit', 'visits']);
            expect(labels).toEqual(expect.arrayContaining(names));
        } finally {
            built.mockRestore();
        }
    });
});

describe('values of a `one of` field', () => {
    const TIERS = ['"Bronze"', '"Silver"', '"Gold"'];

    test.each(['tier = <|>', 'tier != <|>', 'tier in (<|>', 'tier not in ("Gold", <|>)'])('after `%s`, first', async (condition) => {
        const items = await completionsAt(segment(condition));
        expect(items.slice(0, 3).map((i) => i.label)).toEqual(TIERS);
        expect(items[0]).toMatchObject({ kind: CompletionItemKind.EnumMember, detail: 'one of tier' });
    });

    test('not for other fields', async () => {
        const labels = await labelsAt(segment('country = <|>'));
        expect(labels).not.toContain('"Gold"');
        expect(labels).toContain('email');
    });
});

describe('functions and aggregates', () => {
    test('functions with their signature, inserting `name($1)`', async () => {
        const items = await completionsAt(segment('<|>'));
        expect(items.find((i) => i.label === 'age')).toMatchObject({
            kind: CompletionItemKind.Function,
            detail: 'age(date): number',
            insertText: 'age($1)',
            insertTextFormat: InsertTextFormat.Snippet,
        });
        expect(items.filter((i) => i.label === 'month').map((i) => i.kind)).toEqual([CompletionItemKind.Function]);
    });

    test('aggregates with their form', async () => {
        const item = (await completionsAt(segment('<|>'))).find((i) => i.label === 'count');
        expect(item).toMatchObject({ detail: 'count(EVENT [WINDOW] [where CONDITION])', insertText: 'count($1)', kind: CompletionItemKind.Function });
    });
});

describe('operators after a value, by its type', () => {
    test('a `one of` field', async () => {
        expect(await labelsAt(segment('tier <|>'))).toEqual(['=', '!=', 'in', 'not in', 'is set', 'is not set']);
    });

    test('text', async () => {
        const labels = await labelsAt(segment('email <|>'));
        expect(labels).toEqual(expect.arrayContaining(['contains', 'not contains', 'starts with', 'ends with', 'matches', 'is empty']));
        expect(labels).not.toContain('includes');
        expect(labels).not.toContain('within last');
        expect(labels).not.toContain('<');
    });

    test('dates', async () => {
        const labels = await labelsAt(segment('visits > 2 and last_visit <|>'));
        expect(labels).toEqual(expect.arrayContaining(['within last', 'within next', 'more than … ago', 'before', 'after', 'between', '<']));
        expect(labels).not.toContain('contains');
    });

    test('lists', async () => {
        const labels = await labelsAt(segment('tags <|>'));
        expect(labels).toEqual(['includes', 'not includes', 'includes any of', 'includes all of', 'is set', 'is not set', 'is empty', 'is not empty']);
    });

    test('numbers, also of an arithmetic or an aggregate', async () => {
        for (const condition of ['visits <|>', 'total_spent / visits <|>', 'count(Purchased within last 7 days) <|>']) {
            const labels = await labelsAt(segment(condition));
            expect(labels).toEqual(['=', '!=', '<', '<=', '>', '>=', 'between', 'not between', 'in', 'not in', 'is set', 'is not set']);
        }
    });

    test('snippets replacing the word being typed', async () => {
        const items = await completionsAt(segment('last_visit wi<|>'));
        const within = items.find((i) => i.label === 'within last');
        expect(within).toMatchObject({ insertTextFormat: InsertTextFormat.Snippet });
        expect((within?.textEdit as TextEdit).newText).toBe('within last ${1:30} ${2:days}');
        expect((within?.textEdit as TextEdit).range).toEqual({ start: { line: 1, character: 19 }, end: { line: 1, character: 21 } });
        expect(items.map((i) => i.label)).not.toContain('is set');
    });

    test('not after a complete comparison', async () => {
        const labels = await labelsAt(segment('country = "US" <|>'));
        expect(labels).not.toContain('contains');
        expect(labels).toEqual(expect.arrayContaining(['and', 'or', 'exclude']));
    });
});

describe('keywords', () => {
    test('time units after a number: plural, or singular after 1', async () => {
        expect(await labelsAt(segment('last_visit within last 30 <|>'))).toEqual(['minutes', 'hours', 'days', 'weeks', 'months', 'years']);
        expect(await labelsAt(segment('last_visit within last 1 <|>'))).toEqual(['minute', 'hour', 'day', 'week', 'month', 'year']);
    });

    test('conditions where a condition starts, not where a value goes; never `null`', async () => {
        const start = await labelsAt(segment('<|>'));
        expect(start).toEqual(expect.arrayContaining(['not', 'performed', 'in segment', 'in list']));
        expect(start).not.toContain('null');
        const value = await labelsAt(segment('visits = <|>'));
        expect(value).not.toContain('performed');
        expect(value).not.toContain('in segment');
        expect(value).not.toContain('null');
        expect(value).toContain('count');
    });

    test('snippets for a new segment and a new schema at the top level', async () => {
        const items = await completionsAt('<|>');
        const snippets = items.filter((i) => i.kind === CompletionItemKind.Snippet);
        expect(snippets.map((i) => i.label)).toEqual(['schema', 'segment']);
        expect(snippets.find((i) => i.label === 'segment')?.insertText).toBe('segment ${1:name} "${2:Title}" of ${3|Contact|} {\n\twhere ${0}\n}');
        expect(items.filter((i) => i.kind === CompletionItemKind.Keyword).map((i) => i.label)).toEqual(['schema', 'segment', 'list']);
    });
});
