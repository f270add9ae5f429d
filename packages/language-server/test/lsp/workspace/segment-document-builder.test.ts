import { type BuildOptions, DefaultDocumentBuilder, DocumentState, type LangiumDocument, URI } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { createSegmentLspServices } from '../../../src/segment-lsp-module.js';
import { CONTACT_SCHEMA, InMemoryFileSystem } from '../../test-utils.js';

const FILES = {
    '/p/contact.segment': CONTACT_SCHEMA,
    '/p/a.segment': 'segment a of Contact { where visits > "many" }',
    '/p/b.segment': 'segment b of Contact { where country = "US" }',
};

/** Services over an in-memory copy of {@link FILES}, every file built with `options`. */
async function build(options: BuildOptions) {
    const files: Record<string, string> = { ...FILES };
    const { shared } = createSegmentLspServices({ fileSystemProvider: () => new InMemoryFileSystem(files) });
    const documents = new Map<string, LangiumDocument>();
    for (const [path, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(path, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], options);
    /** Edits one file and lets the builder update the workspace, as after an editor's change; gives the files validated. */
    const change = async (path: string, text: string): Promise<string[]> => {
        files[path] = text;
        const validated: string[] = [];
        const listening = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, (document) => {
            validated.push(document.uri.path);
        });
        await shared.workspace.DocumentBuilder.update([URI.file(path)], []);
        listening.dispose();
        return validated;
    };
    return { shared, documents, change };
}

describe('SegmentDocumentBuilder', () => {
    test('a change rebuilds the changed file only, without looking up the services of the others', async () => {
        const { shared, documents, change } = await build({ validation: true });
        const lookups = vi.spyOn(shared.ServiceRegistry, 'getServices');

        expect(await change('/p/b.segment', 'segment b of Contact { where country = "FR" }')).toEqual(['/p/b.segment']);
        const looked = new Set(lookups.mock.calls.map(([uri]) => uri.path));
        expect(looked.has('/p/a.segment')).toBe(false);
        expect(looked.has('/p/contact.segment')).toBe(false);
        expect(documents.get('/p/a.segment')!.diagnostics?.map((d) => d.code)).toEqual(['type-mismatch']);
    });

    test.each<[string, BuildOptions, boolean]>([
        ['every category', { validation: true }, false],
        ['the built-in checks only', { validation: { categories: ['built-in'] } }, true],
        ['no validation', {}, false],
    ])('after a build running %s, it tells incomplete results as Langium does', async (_name, options, incompleteForUpdates) => {
        const { shared, documents } = await build(options);
        const builder = shared.workspace.DocumentBuilder as unknown as { resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean };
        const langium = (document: LangiumDocument, asked: BuildOptions | undefined) => DefaultDocumentBuilder.prototype['resultsAreIncomplete'].call(builder, document, asked);
        const asks: Array<BuildOptions | undefined> = [undefined, {}, { validation: true }, { validation: { categories: ['built-in', 'fast'] } }, { validation: { categories: ['slow'] } }, { validation: { categories: [] } }];
        for (const document of documents.values()) {
            for (const asked of asks) {
                expect(builder.resultsAreIncomplete(document, asked), `${document.uri.path} ${JSON.stringify(asked)}`).toBe(langium(document, asked));
            }
        }
        expect(builder.resultsAreIncomplete(documents.get('/p/a.segment')!, shared.workspace.DocumentBuilder.updateBuildOptions)).toBe(incompleteForUpdates);
    });
});
