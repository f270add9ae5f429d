import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * The entry of the tests that run inside VS Code's extension host (`extensionTestsPath`, as
 * `@vscode/test-electron` and the code-server harness load it): runs every compiled
 * `*.test.js` beside this file with mocha's TDD interface, and rejects when a test fails. Auto
 * save is turned off first (the web workbench saves after a delay): the tests never write the
 * workspace, and their edits must stay unsaved until they revert them.
 */
export async function run(): Promise<void> {
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
    for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
    return new Promise((resolve, reject) => {
        mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    });
}
