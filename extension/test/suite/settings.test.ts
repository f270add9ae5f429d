import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CompileResult, PreviewResult } from '@segments/language-server/protocol';
import { codeOf, extensionApi, highValueMembers, readRecords, waitFor, workspaceFile } from './helpers.js';

/** The settings this suite changes, in the user settings of the test instance (never the workspace's files). */
const CHANGED = ['limits.maxConditions', 'timezone', 'preview.data'] as const;

function settings(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('segments');
}

suite('the settings override segment.config.json', () => {
    let uri: vscode.Uri;

    suiteSetup(async () => {
        await extensionApi();
        uri = await workspaceFile('**/segments/high_value_customers.segment');
        await vscode.workspace.openTextDocument(uri);
    });

    teardown(async () => {
        for (const key of CHANGED) await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('segments.limits.maxConditions applies to the diagnostics at once, and unsetting it restores the file’s limit', async () => {
        const codes = () => vscode.languages.getDiagnostics(uri).map(codeOf);
        await settings().update('limits.maxConditions', 1, vscode.ConfigurationTarget.Global);
        await waitFor('too-many-conditions under a limit of 1', () => (codes().includes('too-many-conditions') ? true : undefined));
        await settings().update('limits.maxConditions', undefined, vscode.ConfigurationTarget.Global);
        await waitFor('no diagnostics under the file’s limit of 20', () => (codes().length === 0 ? true : undefined));
    });

    test('segments.timezone becomes the time zone of segments that declare none', async () => {
        const compiled = async () => {
            const result = await vscode.commands.executeCommand<CompileResult>('segment.showIr', uri.toString(), 'high_value_customers');
            return result.kind === 'compiled' ? result.bundle.segment.timezone : undefined;
        };
        assert.equal(await compiled(), 'America/New_York');
        await settings().update('timezone', 'Asia/Tokyo', vscode.ConfigurationTarget.Global);
        await waitFor('the IR in Asia/Tokyo', async () => ((await compiled()) === 'Asia/Tokyo' ? true : undefined));
    });

    test('segments.preview.data replaces the sample of previews and member counts', async () => {
        const day2 = await workspaceFile('**/data/contacts-day-2.ndjson');
        const records = await readRecords(day2);
        await settings().update('preview.data', day2.fsPath, vscode.ConfigurationTarget.Global);
        const result = await waitFor('a preview on the day-2 sample', async () => {
            const preview = await vscode.commands.executeCommand<PreviewResult>('segment.preview', uri.toString(), 'high_value_customers');
            return preview.kind === 'ready' && preview.total === records.length ? preview : undefined;
        });
        assert.equal(result.kind, 'ready');
        if (result.kind !== 'ready') return;
        assert.equal(result.data, day2.fsPath);
        assert.equal(result.members, highValueMembers(records));
        const total = records.length.toLocaleString('en-US');
        await waitFor(`a member-count lens of ${total} contacts`, async () => {
            const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
            return lenses.some((lens) => lens.command?.title.includes(`of ${total} contacts`)) ? true : undefined;
        });
    });
});
