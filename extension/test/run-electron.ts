import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * Runs the extension's tests in a VS Code that `@vscode/test-electron` downloads (on a
 * contributor's machine with network access; CI uses the code-server harness instead): the
 * extension from its folder, the suite of `out/test/suite`, the repository's examples as the
 * workspace. Build first: `npm run test:electron -w extension`.
 */
async function main(): Promise<void> {
    const extensionDevelopmentPath = resolve(__dirname, '../..');
    const extensionTestsPath = resolve(__dirname, 'suite/index.js');
    const workspace = resolve(extensionDevelopmentPath, '../examples');
    await runTests({ extensionDevelopmentPath, extensionTestsPath, launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'] });
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
