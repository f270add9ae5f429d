import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Model } from '@segments/language';
import { createSegmentLspServices } from '../../src/segment-lsp-module.js';
import { SegmentRequests } from '../../src/requests/segment-requests.js';

const EXAMPLES = resolve(import.meta.dirname, '../../../../examples');

/** Builds the given files (paths absolute) with the language server's services, as the server does for its workspace. */
async function workspace(paths: string[]) {
    const { shared, Segment } = createSegmentLspServices(NodeFileSystem);
    const documents = new Map<string, LangiumDocument<Model>>();
    for (const path of paths) {
        documents.set(path, (await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path))) as LangiumDocument<Model>);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    const requests = new SegmentRequests(shared);
    const open = (path: string) => {
        const document = documents.get(path)!;
        return { document, params: { textDocument: { uri: document.uri.toString() } } };
    };
    return { services: Segment, requests, open };
}

/** The example project (without `examples/invalid`, a project of its own). */
const examples = () =>
    workspace([join(EXAMPLES, 'contact.segment'), join(EXAMPLES, 'vip.segment'), ...readdirSync(join(EXAMPLES, 'segments')).map((name) => join(EXAMPLES, 'segments', name))]);

describe('segment/compile', () => {
    test('lowers the first segment of a document to its IR bundle', async () => {
        const { services, requests, open } = await examples();
        const { document, params } = open(join(EXAMPLES, 'segments/high_value_customers.segment'));
        const result = requests.compile(services, document, params);
        expect(result.kind).toBe('compiled');
        if (result.kind !== 'compiled') return;
        expect(result.segment).toEqual({
            name: 'high_value_customers',
            title: 'High Value Customers',
            description: 'Spent $1,000 or more, or collected 5,000+ loyalty points',
            schema: 'Contact',
            noun: 'contacts',
            line: 4,
        });
        expect(result.bundle.irVersion).toBe(1);
        expect(result.bundle.segment.where.kind).toBe('or');
        expect(result.bundle.schema.name).toBe('Contact');
    });

    test('finds a segment by name, by position, or says there is none', async () => {
        const { services, requests, open } = await examples();
        const { document, params } = open(join(EXAMPLES, 'segments/high_value_customers.segment'));
        expect(requests.compile(services, document, { ...params, name: 'nope' })).toEqual({ kind: 'no-segment', uri: params.textDocument.uri, name: 'nope' });
        expect(requests.segmentOf(document, { ...params, position: { line: 7, character: 6 } })?.name).toBe('high_value_customers');
        const schema = open(join(EXAMPLES, 'contact.segment'));
        expect(requests.compile(services, schema.document, schema.params).kind).toBe('no-segment');
    });

    test('refuses a document with errors and lists them with their codes', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'segment-ext-'));
        try {
            writeFileSync(join(folder, 'a.segment'), 'schema C key id { id text\n total number }\nsegment s of C {\n  where totl > 1\n}\n');
            const { services, requests, open } = await workspace([join(folder, 'a.segment')]);
            const { document, params } = open(join(folder, 'a.segment'));
            const result = requests.compile(services, document, params);
            expect(result.kind).toBe('errors');
            if (result.kind !== 'errors') return;
            expect(result.segment.name).toBe('s');
            expect(result.errors).toEqual([expect.objectContaining({ line: 3, code: 'unknown-field' })]);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe('segment/preview', () => {
    test('counts members on the project sample, with the funnel and the first members', async () => {
        const { services, requests, open } = await examples();
        const { document, params } = open(join(EXAMPLES, 'segments/high_value_customers.segment'));
        const result = await requests.preview(services, document, { ...params, maxRows: 3 });
        expect(result.kind).toBe('ready');
        if (result.kind !== 'ready') return;
        expect(result.total).toBe(2000);
        expect(result.members).toBeGreaterThan(0);
        expect(result.members).toBeLessThan(2000);
        expect(result.data).toBe('data/contacts.ndjson');
        expect(result.now).toBe('2026-11-20T12:00:00.000Z');
        expect(result.columns).toEqual(['id', 'total_spent', 'lifetime_points']);
        expect(result.memberRows).toHaveLength(3);
        expect(result.otherRows).toHaveLength(3);
        for (const row of result.memberRows) {
            expect(row.truth).toBe('TRUE');
            expect(Number(row.values[1]) >= 1000 || Number(row.values[2]) >= 5000).toBe(true);
        }
        expect(result.otherRows.every((row) => row.truth !== 'TRUE')).toBe(true);
        const [root, ...leaves] = result.funnel;
        expect(root).toMatchObject({ kind: 'or', depth: 1 });
        expect(root.counts.TRUE).toBe(result.members);
        expect(leaves.map((node) => node.text)).toEqual(['total_spent >= $1_000', 'lifetime_points >= 5_000']);
        expect(leaves.every((node) => node.depth === 2 && node.counts.TRUE + node.counts.FALSE + node.counts.UNKNOWN === 2000)).toBe(true);
    });

    test('reads static lists and other segments', async () => {
        const { services, requests, open } = await examples();
        const { document, params } = open(join(EXAMPLES, 'segments/engaged_vips.segment'));
        const result = await requests.preview(services, document, params);
        expect(result).toMatchObject({ kind: 'ready', total: 2000 });
        if (result.kind === 'ready') expect(result.funnel.map((node) => node.kind)).toEqual(['and', 'inList', 'inSegment']);
    });

    test('says where to add a preview section when the project has none', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'segment-ext-'));
        try {
            writeFileSync(join(folder, 'segment.config.json'), '{}');
            writeFileSync(join(folder, 'a.segment'), 'schema C key id { id text }\nsegment s of C { where id = "1" }\n');
            const { services, requests, open } = await workspace([join(folder, 'a.segment')]);
            const { document, params } = open(join(folder, 'a.segment'));
            expect(await requests.preview(services, document, params)).toMatchObject({ kind: 'no-preview', configFile: join(folder, 'segment.config.json'), configExists: true });
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe('segment/trace', () => {
    let folder: string | undefined;
    afterEach(() => {
        if (folder) rmSync(folder, { recursive: true, force: true });
        folder = undefined;
    });

    /** A project whose events sit in a file of their own. */
    async function project() {
        folder = mkdtempSync(join(tmpdir(), 'segment-ext-'));
        const files: Record<string, string> = {
            'segment.config.json': JSON.stringify({ preview: { data: 'sample/people.ndjson', events: 'sample/events.ndjson', now: '2026-03-15T00:00:00Z' } }),
            'a.segment': 'schema P key id { id text\n country text\n event Bought { amount number } }\nsegment buyers of P {\n  where country = "US" and performed Bought within last 30 days\n}\n',
            'sample/people.ndjson': ['{"id":"1","country":"US"}', '{"id":"2","country":"US"}', 'not json', '{"id":"3","country":"FR"}'].join('\n'),
            'sample/events.ndjson': '{"contact":"1","event":"Bought","at":"2026-03-10T00:00:00Z","amount":5}\n',
        };
        for (const [path, text] of Object.entries(files)) {
            mkdirSync(dirname(join(folder, path)), { recursive: true });
            writeFileSync(join(folder, path), text);
        }
        const ws = await workspace([join(folder, 'a.segment')]);
        const { document, params } = ws.open(join(folder, 'a.segment'));
        const plan = ws.requests.plan(ws.services, document, params);
        if (plan.kind !== 'planned') throw new Error(`no plan: ${plan.kind}`);
        return { ...ws, plan, document, params };
    }

    test('explains a member and a non-member, reading events from the events file', async () => {
        const { requests, plan } = await project();
        const member = await requests.trace(plan, '1');
        expect(member).toMatchObject({ kind: 'trace', trace: { key: '1', member: true, truth: 'TRUE' } });
        const other = await requests.trace(plan, '2');
        expect(other.kind).toBe('trace');
        if (other.kind !== 'trace') return;
        expect(other.trace.member).toBe(false);
        expect(other.trace.where.children.map((child) => [child.text, child.truth])).toEqual([
            ['country = "US"', 'TRUE'],
            ['performed Bought within last 30 days', 'FALSE'],
        ]);
        expect(await requests.trace(plan, '9')).toMatchObject({ kind: 'not-found', key: '9' });
    });

    test('the preview of the same project skips unreadable lines', async () => {
        const { requests, plan } = await project();
        expect(await requests.evaluate(plan)).toMatchObject({ kind: 'ready', total: 3, members: 1, memberRows: [{ key: '1', values: ['1', 'US'] }] });
    });

    test('a sample that cannot be read fails with the reason', async () => {
        const { requests, plan } = await project();
        expect(await requests.evaluate({ ...plan, sample: { ...plan.sample, data: join(folder!, 'missing.ndjson') } })).toMatchObject({ kind: 'failed', message: expect.stringContaining('ENOENT') });
        expect(await requests.evaluate({ ...plan, sample: { ...plan.sample, data: join(folder!, 'people.csv') } })).toMatchObject({ kind: 'failed', message: expect.stringContaining('.ndjson samples only') });
    });
});
