import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi, openEditor, pause, positionAfter, revert, screenshot, waitFor, workspaceFile } from './helpers.js';

suite('the segment language in VS Code', () => {
    suiteSetup(async () => {
        await extensionApi();
    });

    teardown(async () => {
        for (const document of vscode.workspace.textDocuments) await revert(document);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('.segment files are of the segment language', async () => {
        const document = await vscode.workspace.openTextDocument(await workspaceFile('**/segments/high_value_customers.segment'));
        assert.equal(document.languageId, 'segment');
    });

    test('diagnostics carry the stable codes of docs/diagnostics.md', async () => {
        for (const [file, code] of [
            ['**/invalid/unknown-field.segment', 'unknown-field'],
            ['**/invalid/null-comparison.segment', 'null-comparison'],
            ['**/invalid/type-mismatch.segment', 'type-mismatch'],
        ] as const) {
            const uri = await workspaceFile(file);
            await vscode.workspace.openTextDocument(uri);
            const diagnostics = await waitFor(`the diagnostics of ${file}`, () => {
                const found = vscode.languages.getDiagnostics(uri);
                return found.length > 0 ? found : undefined;
            });
            assert.ok(
                diagnostics.some((diagnostic) => codeOf(diagnostic) === code),
                `${file}: ${diagnostics.map((d) => codeOf(d)).join(', ')}`,
            );
        }
        await openEditor(await workspaceFile('**/invalid/unknown-field.segment'));
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await pause(1_000);
        await screenshot('diagnostics');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        const clean = await workspaceFile('**/segments/high_value_customers.segment');
        await vscode.workspace.openTextDocument(clean);
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.deepEqual(vscode.languages.getDiagnostics(clean).map((d) => d.message), []);
    });

    test('an untitled segment document is checked too', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'segment', content: 'segment broken of Contact {\n  where\n    total_spent >\n}\n' });
        await vscode.window.showTextDocument(document);
        const diagnostics = await waitFor('the diagnostics of an untitled document', () => {
            const found = vscode.languages.getDiagnostics(document.uri);
            return found.length > 0 ? found : undefined;
        });
        assert.ok(diagnostics.length > 0);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        assert.equal(document.isDirty, false);
    });

    test('completion offers the fields of the schema after a prefix', async () => {
        const editor = await openEditor(await workspaceFile('**/segments/high_value_customers.segment'));
        const end = positionAfter(editor.document, 'lifetime_points >= 5_000');
        assert.ok(await editor.edit((edit) => edit.insert(end, '\n    and tot')));
        const position = positionAfter(editor.document, 'and tot');
        const labels = await waitFor('completion items', async () => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
            const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
            return found.includes('total_spent') ? found : undefined;
        });
        assert.ok(labels.includes('total_spent'));
        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await pause(1_500);
        await screenshot('completion');
        await vscode.commands.executeCommand('hideSuggestWidget');
    });

    test('the quick fix of unknown-field replaces the misspelt name', async () => {
        const uri = await workspaceFile('**/invalid/unknown-field.segment');
        const editor = await openEditor(uri);
        const diagnostic = await waitFor('the unknown-field diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'unknown-field'));
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find((action) => action.title.includes('total_spent'));
        assert.ok(fix, `quick fixes: ${actions.map((action) => action.title).join(', ')}`);
        assert.equal(fix.isPreferred, true);
        assert.ok(fix.edit);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.match(editor.document.getText(), /^\s+total_spent > 1000$/m);
        assert.doesNotMatch(editor.document.getText(), /^\s+total_spnt/m);
        await waitFor('the diagnostic to go', () => (vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'unknown-field') ? undefined : true));
        await pause(500);
        await screenshot('quickfix');
    });

    test('Format Document restores the canonical layout', async () => {
        const editor = await openEditor(await workspaceFile('**/segments/high_value_customers.segment'));
        const canonical = editor.document.getText();
        const condition = 'total_spent >= $1_000';
        const start = editor.document.positionAt(canonical.indexOf(condition));
        assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(start, start.translate(0, condition.length)), 'total_spent>=$1_000')));
        assert.notEqual(editor.document.getText(), canonical);
        const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 2, insertSpaces: true });
        assert.ok(edits && edits.length > 0, 'no formatting edits');
        const workspaceEdit = new vscode.WorkspaceEdit();
        workspaceEdit.set(editor.document.uri, edits);
        assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
        assert.equal(editor.document.getText(), canonical);
        await pause(500);
        await screenshot('format');
    });

    test('the Format Document command of the extension formats the active editor', async () => {
        const editor = await openEditor(await workspaceFile('**/segments/high_value_customers.segment'));
        const canonical = editor.document.getText();
        const end = positionAfter(editor.document, 'or lifetime_points >= 5_000');
        assert.ok(await editor.edit((edit) => edit.insert(end, '   ')));
        await vscode.commands.executeCommand('segment.format');
        await waitFor('the formatted text', () => (editor.document.getText() === canonical ? true : undefined), 10_000);
    });

    test('Restart Server starts a new server that answers again', async () => {
        const api = await extensionApi();
        await vscode.commands.executeCommand('segment.restartServer');
        assert.equal(api.client.isRunning(), true);
        const uri = await workspaceFile('**/invalid/unknown-field.segment');
        await openEditor(uri);
        const actions = await waitFor('quick fixes from the restarted server', async () => {
            const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'unknown-field');
            if (!diagnostic) return undefined;
            const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
            return found.length > 0 ? found : undefined;
        });
        assert.ok(actions.some((action) => action.title.includes('total_spent')));
    });
});
