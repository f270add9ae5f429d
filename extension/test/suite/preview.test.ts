import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CompileResult, PreviewResult, TraceResult } from '@segments/language-server/protocol';
import { extensionApi, highValueMembers, openEditor, pause, sampleOf, screenshot, waitFor, workspaceFile } from './helpers.js';

suite('the segment preview', () => {
    let uri: vscode.Uri;

    suiteSetup(async () => {
        await extensionApi();
        uri = await workspaceFile('**/segments/high_value_customers.segment');
    });

    suiteTeardown(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('Preview Segment counts the members on the sample data', async () => {
        const api = await extensionApi();
        const records = await sampleOf(uri);
        await openEditor(uri);
        const result = await vscode.commands.executeCommand<PreviewResult>('segment.preview', uri);
        assert.equal(result.kind, 'ready', JSON.stringify(result));
        if (result.kind !== 'ready') return;
        assert.equal(result.segment.name, 'high_value_customers');
        assert.equal(result.total, records.length);
        assert.equal(result.members, highValueMembers(records));
        assert.ok(result.members > 0);
        assert.deepEqual(
            result.funnel.map((node) => [node.kind, node.depth]),
            [
                ['or', 1],
                ['compare', 2],
                ['compare', 2],
            ],
        );
        assert.equal(result.memberRows.length, Math.min(result.members, 50));
        assert.deepEqual(api.lastPreview(), result);
        await pause(6_000);
        await screenshot('preview');
    });

    test('the lens arguments (URI and segment name) open the same preview', async () => {
        const api = await extensionApi();
        const result = await vscode.commands.executeCommand<PreviewResult>('segment.preview', uri.toString(), 'high_value_customers');
        assert.equal(result.kind, 'ready');
        assert.equal(api.lastPreview()?.kind, 'ready');
        const missing = await vscode.commands.executeCommand<PreviewResult>('segment.preview', uri.toString(), 'no_such_segment');
        assert.deepEqual(missing, { kind: 'no-segment', uri: api.client.code2ProtocolConverter.asUri(uri), name: 'no_such_segment' });
    });

    test('a member lens shows the count', async () => {
        await openEditor(uri);
        const total = (await sampleOf(uri)).length.toLocaleString('en-US');
        const title = await waitFor('a member-count lens', async () => {
            const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
            return lenses.map((lens) => lens.command?.title ?? '').find((text) => text.includes(`of ${total} contacts`));
        });
        // "(at last save)" when an earlier test edited and reverted the file since the last count.
        assert.match(title, /^[\d,]+ of [\d,]+ contacts( \(at last save\))? · Preview$/);
    });

    test('the server explains why a record is a member', async () => {
        const api = await extensionApi();
        const preview = await vscode.commands.executeCommand<PreviewResult>('segment.preview', uri.toString(), 'high_value_customers');
        assert.equal(preview.kind, 'ready');
        if (preview.kind !== 'ready') return;
        const key = preview.memberRows[0]!.key!;
        const result = await api.client.sendRequest<TraceResult>('segment/trace', { textDocument: { uri: api.client.code2ProtocolConverter.asUri(uri) }, name: 'high_value_customers', key });
        assert.equal(result.kind, 'trace');
        if (result.kind !== 'trace') return;
        assert.equal(result.trace.key, key);
        assert.equal(result.trace.member, true);
        assert.equal(result.trace.where.kind, 'or');
    });

    test('Show Compiled IR opens the IR bundle as read-only JSON', async () => {
        const result = await vscode.commands.executeCommand<CompileResult>('segment.showIr', uri.toString(), 'high_value_customers');
        assert.equal(result.kind, 'compiled');
        const editor = await waitFor('the IR editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'segment-ir'));
        assert.equal(editor.document.languageId, 'json');
        const bundle = JSON.parse(editor.document.getText()) as { irVersion: number; segment: { name: string; where: { kind: string } } };
        assert.equal(bundle.irVersion, 1);
        assert.equal(bundle.segment.name, 'high_value_customers');
        assert.equal(bundle.segment.where.kind, 'or');
    });

    test('a file with errors previews as its errors', async () => {
        const invalid = await workspaceFile('**/invalid/unknown-field.segment');
        await openEditor(invalid);
        const result = await vscode.commands.executeCommand<PreviewResult>('segment.preview', invalid);
        assert.equal(result.kind, 'errors', JSON.stringify(result));
        if (result.kind !== 'errors') return;
        assert.ok(result.errors.some((error) => error.code === 'unknown-field'));
    });
});
