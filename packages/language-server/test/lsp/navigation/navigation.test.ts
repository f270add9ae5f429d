import { describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { Location, LocationLink, Position, TextEdit } from 'vscode-languageserver';
import { applyTextEdits, AUDIENCES, CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

const USES = `segment recent_buyers of Contact {
  where performed Purchased where (at within last 7 days and amount > 50)
    and total_spent > 100
    and in segment big_spenders
    and in list vip
}
`;

/** Two projects: /p (no configuration: the default project) and /q (its own segment.config.json). */
const FILES = {
    '/p/contact.segment': CONTACT_SCHEMA,
    '/p/audiences.segment': AUDIENCES,
    '/p/uses.segment': USES,
    '/q/segment.config.json': '{}',
    '/q/contact.segment': CONTACT_SCHEMA,
    '/q/other.segment': 'segment rich of Contact { where total_spent > 5000 }\n',
};

/** The position of the `occurrence`-th match (0-based) of `text` in a document, plus `shift` characters. */
function positionOf(document: LangiumDocument, text: string, occurrence = 0, shift = 1): Position {
    const source = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = source.indexOf(text, index + 1);
    expect(index, `${text} #${occurrence}`).toBeGreaterThanOrEqual(0);
    return document.textDocument.positionAt(index + shift);
}

/** `path:line:text` of a location, for readable expectations. */
function describeLocation(documents: Map<string, LangiumDocument>, uri: string, range: { start: Position; end: Position }): string {
    const [path, document] = [...documents].find(([, d]) => d.uri.toString() === uri)!;
    return `${path}:${range.start.line}:${document.textDocument.getText(range)}`;
}

async function definitionOf(path: string, text: string, occurrence = 0): Promise<string[]> {
    const { services, documents } = await createTestServices(FILES);
    const document = documents.get(path)!;
    const links = ((await services.lsp.DefinitionProvider!.getDefinition(document, {
        textDocument: { uri: document.uri.toString() },
        position: positionOf(document, text, occurrence),
    })) ?? []) as LocationLink[];
    return links.map((link) => describeLocation(documents, link.targetUri, link.targetSelectionRange));
}

describe('go to definition', () => {
    test.each([
        ['a field, in another file', '/p/uses.segment', 'total_spent', 0, '/p/contact.segment:15:total_spent'],
        ['an event', '/p/uses.segment', 'Purchased', 0, '/p/contact.segment:24:Purchased'],
        ['`at` inside an event condition, to the event', '/p/uses.segment', 'at within', 0, '/p/contact.segment:24:Purchased'],
        ['an event property', '/p/uses.segment', 'amount', 0, '/p/contact.segment:24:amount'],
        ['a segment', '/p/uses.segment', 'big_spenders', 0, '/p/audiences.segment:9:big_spenders'],
        ['a list', '/p/uses.segment', 'vip', 0, '/p/audiences.segment:1:vip'],
        ['a schema', '/p/uses.segment', 'Contact', 0, '/p/contact.segment:2:Contact'],
        ['a field in the other project, to its own schema', '/q/other.segment', 'total_spent', 0, '/q/contact.segment:15:total_spent'],
    ])('%s', async (_, path, text, occurrence, expected) => {
        expect(await definitionOf(path, text, occurrence)).toEqual([expected]);
    });
});

describe('find references', () => {
    test('of a field: its uses in every file of the project, not in another project', async () => {
        const { services, documents } = await createTestServices(FILES);
        const document = documents.get('/p/contact.segment')!;
        const locations = (await services.lsp.ReferencesProvider!.findReferences(document, {
            textDocument: { uri: document.uri.toString() },
            position: positionOf(document, 'total_spent number'),
            context: { includeDeclaration: true },
        })) as Location[];
        expect(locations.map((l) => describeLocation(documents, l.uri, l.range)).sort()).toEqual([
            '/p/audiences.segment:10:total_spent',
            '/p/contact.segment:15:total_spent',
            '/p/contact.segment:21:total_spent',
            '/p/uses.segment:2:total_spent',
        ]);
    });

    test('of an event: `performed`, aggregates and `at`', async () => {
        const { services, documents } = await createTestServices(FILES);
        const document = documents.get('/p/contact.segment')!;
        const locations = (await services.lsp.ReferencesProvider!.findReferences(document, {
            textDocument: { uri: document.uri.toString() },
            position: positionOf(document, 'EmailOpened'),
            context: { includeDeclaration: false },
        })) as Location[];
        expect(locations.map((l) => describeLocation(documents, l.uri, l.range))).toEqual(['/p/audiences.segment:6:EmailOpened']);
    });
});

describe('rename', () => {
    test('renaming a field renames its uses in the other files of the project, not in another project', async () => {
        const { services, documents } = await createTestServices(FILES);
        const document = documents.get('/p/contact.segment')!;
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() },
            position: positionOf(document, 'total_spent number'),
            newName: 'revenue',
        });
        const changes = edit?.changes ?? {};
        const paths = Object.keys(changes).map((uri) => [...documents].find(([, d]) => d.uri.toString() === uri)![0]);
        expect(paths.sort()).toEqual(['/p/audiences.segment', '/p/contact.segment', '/p/uses.segment']);
        const renamed = (path: string) => {
            const doc = documents.get(path)!;
            return applyTextEdits(doc.textDocument.getText(), changes[doc.uri.toString()] as TextEdit[]);
        };
        expect(renamed('/p/contact.segment')).toContain('revenue number from "properties.total_revenue"');
        expect(renamed('/p/contact.segment')).toContain('let average_order_value = revenue / visits');
        expect(renamed('/p/uses.segment')).toContain('and revenue > 100');
        expect(renamed('/p/audiences.segment')).toContain('where revenue > 1000');
        const after = await createTestServices({
            ...FILES,
            '/p/contact.segment': renamed('/p/contact.segment'),
            '/p/uses.segment': renamed('/p/uses.segment'),
            '/p/audiences.segment': renamed('/p/audiences.segment'),
        });
        expect(after.documents.get('/p/uses.segment')!.diagnostics?.map((d) => d.code)).toEqual([]);
    });

    test('renaming a segment renames `in segment` references', async () => {
        const { services, documents } = await createTestServices(FILES);
        const document = documents.get('/p/uses.segment')!;
        const edit = await services.lsp.RenameProvider!.rename(document, {
            textDocument: { uri: document.uri.toString() },
            position: positionOf(document, 'big_spenders'),
            newName: 'whales',
        });
        const audiences = documents.get('/p/audiences.segment')!;
        expect(applyTextEdits(audiences.textDocument.getText(), edit!.changes![audiences.uri.toString()])).toContain('segment whales "Big Spenders"');
        expect(applyTextEdits(document.textDocument.getText(), edit!.changes![document.uri.toString()])).toContain('in segment whales');
    });
});
