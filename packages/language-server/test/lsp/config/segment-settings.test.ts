import { describe, expect, test } from 'vitest';
import { DocumentState, eagerLoad, URI } from 'langium';
import { isSegment } from '@segments/language';
import { settingsToOverrides } from '../../../src/lsp/config/segment-settings.js';
import { CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

const FIVE_CONDITIONS = 'segment big of Contact { where visits > 1 and visits > 2 and visits > 3 and visits > 4 and visits > 5 }';

async function project(config: string | undefined) {
    const files: Record<string, string> = { '/p/contact.segment': CONTACT_SCHEMA, '/p/sub/test.segment': FIVE_CONDITIONS };
    if (config !== undefined) files['/p/segment.config.json'] = config;
    const { services, documents } = await createTestServices(files);
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const document = documents.get('/p/sub/test.segment')!;
    const codes = () => (document.diagnostics ?? []).map((d) => String(d.code));
    return { services, document, codes };
}

describe('settingsToOverrides', () => {
    const folder = URI.file('/work/shop');

    test('unset, null and empty settings override nothing', () => {
        expect(settingsToOverrides(undefined, folder)).toEqual({ overrides: { limits: {} }, problems: [] });
        expect(settingsToOverrides({ timezone: '', limits: { maxConditions: null }, preview: { data: null } }, folder)).toEqual({ overrides: { limits: {} }, problems: [] });
    });

    test('relative sample paths resolve against the workspace folder; absolute ones stay', () => {
        expect(settingsToOverrides({ preview: { data: 'data/contacts.ndjson', events: '/tmp/events.ndjson' } }, folder).overrides.preview).toEqual({
            data: '/work/shop/data/contacts.ndjson',
            events: '/tmp/events.ndjson',
        });
    });

    test('a relative path without a workspace folder is reported, not guessed', () => {
        const { overrides, problems } = settingsToOverrides({ preview: { data: 'contacts.ndjson' } }, undefined);
        expect(overrides.preview).toBeUndefined();
        expect(problems).toEqual(['segments.preview.data: "contacts.ndjson" is relative, and there is no workspace folder to resolve it against']);
    });

    test('an invalid setting is reported by name and the others still apply', () => {
        const { overrides, problems } = settingsToOverrides({ timezone: 'Mars/Olympus_Mons', limits: { maxConditions: 0, maxDepth: 3 } }, folder);
        expect(overrides).toEqual({});
        expect(problems).toEqual(['segments.timezone: not a known IANA time zone', 'segments.limits.maxConditions: Too small: expected number to be >0']);
        expect(settingsToOverrides({ timezone: 'Europe/Paris', limits: { maxDepth: 3 } }, folder).overrides).toEqual({ timezone: 'Europe/Paris', limits: { maxDepth: 3 } });
    });
});

describe('editor settings override segment.config.json', () => {
    test('a limit setting applies over the file and is dropped again when unset', async () => {
        const { services, codes } = await project('{ "limits": { "maxConditions": 10 } }');
        expect(codes()).toEqual([]);
        await services.config.SettingsWatcher.apply({ limits: { maxConditions: 3 } });
        expect(codes()).toEqual(['too-many-conditions']);
        await services.config.SettingsWatcher.apply({ limits: { maxConditions: null } });
        expect(codes()).toEqual([]);
    });

    test('a settings change sent by the client (workspace/didChangeConfiguration) re-validates the workspace', async () => {
        const { services, document, codes } = await project(undefined);
        eagerLoad(services); // as the language server does on `initialize`, so that the watcher listens
        const revalidated = new Promise<void>((resolve) => {
            const listener = services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, (built) => {
                if (built.uri.toString() !== document.uri.toString()) return;
                listener.dispose();
                resolve();
            });
        });
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { segments: { limits: { maxConditions: 4 }, preview: { maxRows: 50 } } } });
        await revalidated;
        expect(codes()).toEqual(['too-many-conditions']);
    });

    test('the time zone setting replaces the file’s in the compiled segment', async () => {
        const { services, document } = await project('{ "timezone": "America/New_York" }');
        const lower = () => services.ir.Lowering.lowerSegment(document.parseResult.value.declarations.find(isSegment)!).segment.timezone;
        expect(lower()).toBe('America/New_York');
        await services.config.SettingsWatcher.apply({ timezone: 'Asia/Tokyo' });
        expect(lower()).toBe('Asia/Tokyo');
    });

    test('the sample setting gives previews to a project without a configuration file', async () => {
        const { services, document } = await project(undefined);
        expect(services.preview.PreviewCounter.sampleOf(document)).toBeUndefined();
        await services.config.SettingsWatcher.apply({ preview: { data: '/data/contacts.ndjson' } });
        expect(services.preview.PreviewCounter.sampleOf(document)).toEqual({ data: '/data/contacts.ndjson', events: undefined, now: undefined });
    });

    test('the sample setting replaces the file’s whole preview section but keeps its instant', async () => {
        const { services, document } = await project('{ "preview": { "data": "a.ndjson", "events": "e.ndjson", "now": "2026-11-20T12:00:00Z" } }');
        expect(services.preview.PreviewCounter.sampleOf(document)).toEqual({ data: '/p/a.ndjson', events: '/p/e.ndjson', now: '2026-11-20T12:00:00Z' });
        await services.config.SettingsWatcher.apply({ preview: { data: '/data/b.ndjson' } });
        expect(services.preview.PreviewCounter.sampleOf(document)).toEqual({ data: '/data/b.ndjson', events: undefined, now: '2026-11-20T12:00:00Z' });
    });
});
