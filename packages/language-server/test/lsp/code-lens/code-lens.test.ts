import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type LangiumDocument, TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Model } from '@segments/language';
import { type CodeLens, FileChangeType } from 'vscode-languageserver';
import { createSegmentLspServices } from '../../../src/segment-lsp-module.js';
import type { SegmentCodeLensProvider } from '../../../src/lsp/code-lens/segment-code-lens-provider.js';
import { pluralOf } from '../../../src/lsp/code-lens/segment-code-lens-provider.js';
import { CONTACT_SCHEMA } from '../../test-utils.js';

const SEGMENTS = `segment from_us of Contact { where country = "US" }

segment buyers of Contact { where performed Purchased within last 30 days }
`;

const RECORDS = [
    { id: '1', country: 'US', visits: 3 },
    { id: '2', country: 'FR', visits: 1 },
    { id: '3', country: 'US', visits: 8 },
    { id: '4', country: 'DE', visits: 2 },
];

const EVENTS = [
    { contact: '2', event: 'Purchased', at: '2026-03-10T10:00:00Z', amount: 20 },
    { contact: '4', event: 'Purchased', at: '2025-01-01T10:00:00Z', amount: 5 },
];

const ndjson = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

let folder: string | undefined;
afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
});

/** A project on disk (lenses read the sample with Node's file system), built with the language server's services. */
async function project(files: Record<string, string>) {
    folder = mkdtempSync(join(tmpdir(), 'segment-lens-'));
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, path)), { recursive: true });
        writeFileSync(join(folder, path), text);
    }
    const { shared, Segment } = createSegmentLspServices(NodeFileSystem);
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const path of Object.keys(files).filter((p) => p.endsWith('.segment'))) {
        documents.set(path, (await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(join(folder, path)))) as LangiumDocument<Model>);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const provider = Segment.lsp.CodeLensProvider as SegmentCodeLensProvider;
    const lenses = async (path: string) => {
        const document = documents.get(path)!;
        return (await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
    };
    return { provider, documents, lenses, shared };
}

const titles = (lenses: CodeLens[]) => lenses.map((lens) => lens.command?.title);

const CONFIG = JSON.stringify({ preview: { data: 'sample/contacts.ndjson', events: 'sample/events.ndjson', now: '2026-03-15T00:00:00Z' } });

describe('member counts over segments', () => {
    test('are counted in the background, then shown with the preview command', async () => {
        const { provider, documents, lenses } = await project({
            'segment.config.json': CONFIG,
            'sample/contacts.ndjson': ndjson(RECORDS) + 'not json\n\n',
            'sample/events.ndjson': ndjson(EVENTS),
            'contact.segment': CONTACT_SCHEMA,
            'audiences.segment': SEGMENTS,
        });
        expect(titles(await lenses('audiences.segment'))).toEqual(['counting members…', 'counting members…']);
        const document = documents.get('audiences.segment')!;
        await provider.counts(document);
        const ready = await lenses('audiences.segment');
        expect(titles(ready)).toEqual(['2 of 4 contacts · Preview', '1 of 4 contacts · Preview']);
        expect(ready[0].command).toMatchObject({ command: 'segment.preview', arguments: [document.uri.toString(), 'from_us'] });
        expect(ready[0].range).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 15 } });
        expect(titles(await lenses('contact.segment'))).toEqual([]);
    });

    test('stay cached while the document is edited, and are recounted when it is saved', async () => {
        const { provider, documents, lenses, shared } = await project({
            'segment.config.json': CONFIG,
            'sample/contacts.ndjson': ndjson(RECORDS),
            'sample/events.ndjson': ndjson(EVENTS),
            'contact.segment': CONTACT_SCHEMA,
            'audiences.segment': SEGMENTS,
        });
        const document = documents.get('audiences.segment')!;
        await provider.counts(document);
        TextDocument.update(document.textDocument, [], document.textDocument.version + 1);
        expect(titles(await lenses('audiences.segment'))[0]).toBe('2 of 4 contacts (at last save) · Preview');
        provider.filesChanged([URI.file('/elsewhere/.git/index')]);
        expect(titles(await lenses('audiences.segment'))[0]).toBe('2 of 4 contacts (at last save) · Preview');
        shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: document.uri.toString(), type: FileChangeType.Changed }] });
        expect(titles(await lenses('audiences.segment'))[0]).toBe('counting members…');
        await provider.counts(document);
        expect(titles(await lenses('audiences.segment'))[0]).toBe('2 of 4 contacts · Preview');
    });

    test('ask to fix the errors of a document with errors', async () => {
        const { lenses } = await project({
            'segment.config.json': CONFIG,
            'sample/contacts.ndjson': ndjson(RECORDS),
            'contact.segment': CONTACT_SCHEMA,
            'broken.segment': 'segment broken of Contact { where countri = "US" }\n',
        });
        expect(titles(await lenses('broken.segment'))).toEqual(['fix the errors to preview']);
    });

    test('are absent without a preview section', async () => {
        const { lenses } = await project({ 'segment.config.json': '{}', 'contact.segment': CONTACT_SCHEMA, 'audiences.segment': SEGMENTS });
        expect(await lenses('audiences.segment')).toEqual([]);
    });

    test('say why the sample cannot be read', async () => {
        const { provider, documents, lenses } = await project({
            'segment.config.json': JSON.stringify({ preview: { data: 'missing.ndjson' } }),
            'contact.segment': CONTACT_SCHEMA,
            'audiences.segment': SEGMENTS,
        });
        await provider.counts(documents.get('audiences.segment')!);
        expect(titles(await lenses('audiences.segment'))[0]).toMatch(/^preview unavailable: cannot read the sample: ENOENT/);
    });

    test('name the records after the schema', () => {
        expect(['Contact', 'Company', 'Deal', 'Address', 'LineItem'].map(pluralOf)).toEqual(['contacts', 'companies', 'deals', 'addresses', 'line items']);
    });
});
