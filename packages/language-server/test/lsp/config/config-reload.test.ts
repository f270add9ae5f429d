import { describe, expect, test } from 'vitest';
import { DocumentState, eagerLoad, URI } from 'langium';
import { FileChangeType } from 'vscode-languageserver';
import { CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

const FIVE_CONDITIONS = 'segment big of Contact { where visits > 1 and visits > 2 and visits > 3 and visits > 4 and visits > 5 }';
const CONFIG = 'file:///p/segment.config.json';

async function project(config: string) {
    const files: Record<string, string> = { '/p/segment.config.json': config, '/p/contact.segment': CONTACT_SCHEMA, '/p/sub/test.segment': FIVE_CONDITIONS };
    const { services, documents } = await createTestServices(files);
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const document = documents.get('/p/sub/test.segment')!;
    const codes = () => (document.diagnostics ?? []).map((d) => String(d.code));
    return { files, services, document, codes };
}

describe('reloading segment.config.json', () => {
    test('a changed limit applies at once, through the file watcher notification', async () => {
        const { files, services, document, codes } = await project('{ "limits": { "maxConditions": 3 } }');
        expect(codes()).toEqual(['too-many-conditions']);
        eagerLoad(services); // as the language server does on `initialize`, so that the watcher listens
        files['/p/segment.config.json'] = '{ "limits": { "maxConditions": 10 } }';
        const revalidated = new Promise<void>((resolve) => {
            const listener = services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, (built) => {
                if (built.uri.toString() !== document.uri.toString()) return;
                listener.dispose();
                resolve();
            });
        });
        services.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: CONFIG, type: FileChangeType.Changed }] });
        await revalidated;
        expect(codes()).toEqual([]);
    });

    test('a severity turned off removes the diagnostic', async () => {
        const { files, services, codes } = await project('{ "limits": { "maxConditions": 3 } }');
        files['/p/segment.config.json'] = '{ "limits": { "maxConditions": 3 }, "severity": { "too-many-conditions": "error" } }';
        await services.config.ConfigWatcher.watchedFilesChanged({ changes: [{ uri: CONFIG, type: FileChangeType.Changed }] });
        expect(codes()).toEqual(['too-many-conditions']);
        files['/p/segment.config.json'] = '{ "severity": { "too-many-conditions": "off" }, "limits": { "maxConditions": 3 } }';
        await services.config.ConfigWatcher.watchedFilesChanged({ changes: [{ uri: CONFIG, type: FileChangeType.Changed }] });
        expect(codes()).toEqual([]);
    });

    test('a new configuration file makes a new project, with its own names', async () => {
        const { files, services, codes } = await project('{}');
        expect(codes()).toEqual([]);
        files['/p/sub/segment.config.json'] = '{}';
        await services.config.ConfigWatcher.watchedFilesChanged({ changes: [{ uri: 'file:///p/sub/segment.config.json', type: FileChangeType.Created }] });
        expect(codes()).toEqual(['unknown-schema']);
    });

    test('other files do not re-validate the workspace', async () => {
        const { files, services, document } = await project('{ "limits": { "maxConditions": 3 } }');
        const before = document.diagnostics;
        files['/p/segment.config.json'] = '{}';
        await services.config.ConfigWatcher.watchedFilesChanged({ changes: [{ uri: 'file:///p/lists/vip.csv', type: FileChangeType.Changed }] });
        expect(document.diagnostics).toBe(before);
        expect(services.config.ConfigWatcher.isConfigFile(URI.parse(CONFIG))).toBe(true);
    });
});
