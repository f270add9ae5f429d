import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { expectFoldings } from 'langium/test';
import { SymbolKind } from 'vscode-languageserver';
import { createSegmentLspServices } from '../../../src/segment-lsp-module.js';
import { SegmentNodeKindProvider } from '../../../src/lsp/symbols/segment-node-kind-provider.js';
import { AUDIENCES, CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

/** The names of symbol kinds, by number. */
const kindNames = new Map(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

/** Symbols as `name (kind)` trees. */
type Outline = Array<string | [string, Outline]>;
function outline(symbols: Array<{ name: string; kind: SymbolKind; children?: unknown[] }>): Outline {
    return symbols.map((s) => {
        const label = `${s.name} (${kindNames.get(s.kind)})`;
        const children = (s.children ?? []) as Array<{ name: string; kind: SymbolKind; children?: unknown[] }>;
        return children.length ? [label, outline(children)] : label;
    });
}

describe('document symbols', () => {
    test('a schema: fields, calculated fields and events with their properties; no type names', async () => {
        const { services, documents } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA });
        const document = documents.get('/p/contact.segment')!;
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(outline(symbols)).toEqual([
            [
                'Contact (Struct)',
                [
                    ...['id', 'email', 'first_name', 'birthday', 'country', 'tags', 'scores', 'tier', 'visits', 'total_spent', 'last_visit', 'subscribed_at', 'welcome_email_sent'].map((f) => `${f} (Field)`),
                    'average_order_value (Property)',
                    ['Purchased (Event)', ['amount (Field)', 'product (Field)']],
                    ['EmailOpened (Event)', ['campaign (Field)']],
                ],
            ],
        ]);
    });

    test('segments and lists, with their titles', async () => {
        const { services, documents } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA, '/p/audiences.segment': AUDIENCES });
        const document = documents.get('/p/audiences.segment')!;
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        expect(symbols.map((s) => [s.name, kindNames.get(s.kind), s.detail])).toEqual([
            ['vip', 'Array', 'VIP Customers'],
            ['highly_engaged', 'Class', 'Highly Engaged'],
            ['big_spenders', 'Class', 'Big Spenders'],
        ]);
    });
});

describe('workspace symbols', () => {
    test('finds declarations of every file by a fuzzy query', async () => {
        const { services } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA, '/p/audiences.segment': AUDIENCES });
        const symbols = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'engaged' });
        expect(symbols.map((s) => [s.name, s.location.uri])).toEqual([['highly_engaged', 'file:///p/audiences.segment']]);
    });

    test('the kinds of declarations, for symbol searches and completion lists', () => {
        const kinds = new SegmentNodeKindProvider();
        const description = (type: string) => ({ type, name: 'x', documentUri: undefined as never, path: '' });
        expect(['Schema', 'Field', 'LetField', 'EventDecl', 'EventProperty', 'Segment', 'StaticList'].map((t) => kindNames.get(kinds.getSymbolKind(description(t))))).toEqual([
            'Struct',
            'Field',
            'Property',
            'Event',
            'Field',
            'Class',
            'Array',
        ]);
    });
});

describe('folding ranges', () => {
    const services = createSegmentLspServices(EmptyFileSystem).Segment;

    test('schemas, events, segments and groups of conditions; not every operand of a chain', async () => {
        await expectFoldings(services)({
            text: `<|schema Contact key id {
  id text
  visits number
  <|event Purchased {
    amount number
    product text|>
  }|>
}

<|segment frequent {
  where
    visits > 10
    and visits < 100
    and <|(
      visits = 1
      or visits = 2|>
    )|>
}`,
        });
    });
});
