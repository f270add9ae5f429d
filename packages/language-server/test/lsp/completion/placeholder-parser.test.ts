import { AstUtils, type LangiumDocument, URI } from 'langium';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { isFieldRef } from '@segments/language';
import { COMPLETION_PLACEHOLDER, PlaceholderParser } from '../../../src/lsp/completion/placeholder-parser.js';
import type { SegmentLspServices } from '../../../src/segment-lsp-module.js';
import { CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

let services: SegmentLspServices;

beforeAll(async () => {
    ({ services } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA }));
});

const TEXT = 'segment draft of Contact {\n  where visits > 2 and \n}';
const AT = TEXT.indexOf('and ') + 4;

function documentOf(text: string, path: string): LangiumDocument {
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path));
}

describe('PlaceholderParser', () => {
    test('gives the node the placeholder lands in, in a copy with the URI of the document', () => {
        const parser = new PlaceholderParser(services);
        const node = parser.nodeAt(documentOf(TEXT, '/p/draft.segment'), AT, AT);
        expect(isFieldRef(node) && node.field.$refText).toBe(COMPLETION_PLACEHOLDER);
        expect(AstUtils.getDocument(node!).uri.path).toBe('/p/draft.segment');
    });

    test('parses a copy once per text, span and document', () => {
        const parser = new PlaceholderParser(services);
        const copies = vi.spyOn(services.shared.workspace.LangiumDocumentFactory, 'fromString');
        try {
            const document = documentOf(TEXT, '/p/draft.segment');
            copies.mockClear();
            parser.nodeAt(document, AT, AT);
            parser.nodeAt(document, AT, AT);
            expect(copies).toHaveBeenCalledTimes(1);

            parser.nodeAt(document, AT - 4, AT - 1);
            expect(copies).toHaveBeenCalledTimes(2);

            const edited = documentOf(TEXT.replace('visits > 2', 'visits > 3'), '/p/draft.segment');
            copies.mockClear();
            parser.nodeAt(edited, AT, AT);
            expect(copies).toHaveBeenCalledTimes(1);

            const twin = documentOf(TEXT.replace('visits > 2', 'visits > 3'), '/p/nested/draft.segment');
            copies.mockClear();
            const node = parser.nodeAt(twin, AT, AT);
            expect(copies).toHaveBeenCalledTimes(1);
            expect(AstUtils.getDocument(node!).uri.path).toBe('/p/nested/draft.segment');
        } finally {
            copies.mockRestore();
        }
    });
});
