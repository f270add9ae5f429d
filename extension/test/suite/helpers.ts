import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SegmentsApi } from '../../src/extension.js';

/** The extension's id: `publisher.name` of its package.json. */
export const EXTENSION_ID = 'segments-as-code.segments-vscode';

/** The extension's API, once it is active (its language server started). */
export async function extensionApi(): Promise<SegmentsApi> {
    const extension = vscode.extensions.getExtension<SegmentsApi>(EXTENSION_ID);
    assert.ok(extension, `the extension ${EXTENSION_ID} is not installed`);
    return extension.activate();
}

/**
 * A file of the workspace by glob, whether the workspace is the examples folder, a copy of it or
 * the whole repository: the shortest matching path.
 */
export async function workspaceFile(glob: string): Promise<vscode.Uri> {
    const found = await vscode.workspace.findFiles(glob, '**/node_modules/**');
    assert.ok(found.length > 0, `no file ${glob} in the workspace`);
    return found.sort((a, b) => a.path.length - b.path.length)[0]!;
}

/** Opens a file in an editor. */
export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Drops the unsaved edits of a document: the tests never write the workspace. */
export async function revert(document: vscode.TextDocument): Promise<void> {
    if (!document.isDirty) return;
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.isDirty, false, `${document.uri.path} is still modified`);
}

/** Polls `probe` until it gives a value (not `undefined`), or fails after `timeout` ms saying what it waited for. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 30_000): Promise<T> {
    const deadline = Date.now() + timeout;
    let last: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined) return value;
        } catch (error) {
            last = error;
        }
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

/** The code of a diagnostic, whether or not it links to its documentation. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** The position just after the first occurrence of `text` in a document. */
export function positionAfter(document: vscode.TextDocument, text: string): vscode.Position {
    const offset = document.getText().indexOf(text);
    assert.ok(offset >= 0, `no ${JSON.stringify(text)} in ${document.uri.path}`);
    return document.positionAt(offset + text.length);
}

/** Waits `ms` milliseconds: for the workbench to paint what a screenshot shows. */
export function pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Asks the end-to-end harness for a screenshot of the workbench named `name` (lower-case letters,
 * digits and dashes) and waits until it is written: the harness sets `SEGMENTS_E2E_SCREENSHOTS` to
 * the folder of the screenshots. Without it (under `@vscode/test-electron`) nothing happens.
 */
export async function screenshot(name: string): Promise<void> {
    const folder = process.env['SEGMENTS_E2E_SCREENSHOTS'];
    if (!folder) return;
    console.log(`SCREENSHOT ${name}`);
    await waitFor(`the screenshot ${name}`, () => (existsSync(join(folder, `${name}.png`)) ? true : undefined), 20_000);
}

/** The records of an NDJSON file. */
export async function readRecords(uri: vscode.Uri): Promise<Record<string, unknown>[]> {
    return new TextDecoder()
        .decode(await vscode.workspace.fs.readFile(uri))
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The sample records of the project of a file: the `preview.data` of the nearest `segment.config.json` above it. */
export async function sampleOf(uri: vscode.Uri): Promise<Record<string, unknown>[]> {
    let folder = vscode.Uri.joinPath(uri, '..');
    for (;;) {
        const config = vscode.Uri.joinPath(folder, 'segment.config.json');
        try {
            const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(config))) as { preview?: { data: string } };
            assert.ok(json.preview, `${config.path} has no preview section`);
            return await readRecords(vscode.Uri.joinPath(folder, json.preview.data));
        } catch (error) {
            if (!(error instanceof vscode.FileSystemError)) throw error;
            const parent = vscode.Uri.joinPath(folder, '..');
            assert.notEqual(parent.path, folder.path, `no segment.config.json above ${uri.path}`);
            folder = parent;
        }
    }
}

/** A record's number as the engine reads it: a number, or a decimal string. */
function numberOf(value: unknown): number | undefined {
    if (typeof value === 'number') return value;
    return typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
}

/** The members of `high_value_customers`, counted here: `total_spent >= $1_000 or lifetime_points >= 5_000`. */
export function highValueMembers(records: Record<string, unknown>[]): number {
    return records.filter((record) => {
        const spent = numberOf((record['properties'] as Record<string, unknown> | undefined)?.['total_revenue']);
        const points = numberOf(record['lifetime_points']);
        return (spent !== undefined && spent >= 1000) || (points !== undefined && points >= 5000);
    }).length;
}
