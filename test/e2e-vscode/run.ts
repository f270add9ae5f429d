/**
 * The end-to-end test of the VS Code extension: packages it (`vsce package`), installs the
 * `.vsix` into a fresh code-server (VS Code's server and web workbench, with the real Node
 * extension host), opens a copy of the repository's examples in headless chromium and runs the
 * extension's mocha suite (extension/test/suite) inside the extension host, printing the
 * workbench's log as it comes. Exits with 1 when a test fails, printing the extension host's log
 * too. Screenshots and logs go to test-results/e2e-vscode/.
 *
 * Needs the tools of scripts/install-e2e-tools.sh, and Node 24: `npm run test:e2e`, or
 * `node test/e2e-vscode/run.ts [--no-build] [--update-screenshots] [--keep] [--timeout <seconds>]`.
 * See docs/testing.md.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { createHarness, type Harness, parseHarnessFlags } from '../support/e2e-harness.ts';
import { CodeServer, createDirs, type CodeServerOptions } from './code-server.ts';
import { runInWorkbench, writeLogFiles } from './workbench.ts';
import { formatLine, isWorthPrinting, type LogLine } from './workbench-log.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSION = join(ROOT, 'extension');
const RESULTS = join(ROOT, 'test-results/e2e-vscode');
const CODE_SERVER = process.env['CODE_SERVER_ENTRY'] ?? join(ROOT, '.cache/e2e/code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
/** The suite's entry, as `npm run build:tests -w extension` compiles it. */
const SUITE = join(EXTENSION, 'out/test/suite/index.js');
const WORKSPACE = join(ROOT, 'examples');

const USAGE = 'usage: node test/e2e-vscode/run.ts [--no-build] [--update-screenshots] [--keep] [--timeout <seconds>]';

const harness = createHarness('e2e-vscode');
const { step } = harness;
// Typed explicitly, so that TypeScript knows the code after a call to it is unreachable.
const fail: Harness['fail'] = harness.fail;
const flags = parseHarnessFlags('e2e-vscode', USAGE, {
    'no-build': { type: 'boolean', default: false },
    'update-screenshots': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300' },
});
const timeoutSeconds = Number(flags.timeout);
if (!(timeoutSeconds > 0)) fail(`--timeout takes a number of seconds, not ${flags.timeout}\n${USAGE}`);

function checkTools(): void {
    harness.requireNode(24, 'code-server');
    if (!existsSync(CODE_SERVER)) fail(`no code-server at ${CODE_SERVER}: run scripts/install-e2e-tools.sh`);
    if (!existsSync(CHROMIUM)) fail(`no chromium at ${CHROMIUM}: run scripts/install-e2e-tools.sh`);
}

function npm(...args: string[]): void {
    step(`npm ${args.join(' ')}`);
    const result = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) fail(`npm ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

interface ExtensionManifest {
    readonly publisher: string;
    readonly name: string;
    readonly version: string;
}

/** The extension's `.vsix`, as `vsce package` names it. */
function packagedExtension(manifest: ExtensionManifest): string {
    const vsix = join(EXTENSION, `${manifest.name}-${manifest.version}.vsix`);
    if (!existsSync(vsix)) fail(`no ${relative(ROOT, vsix)}: the package script did not make it`);
    return vsix;
}

/** The folder into which code-server installed the extension (`publisher.name-version`). */
function installedFolder(extensions: string, manifest: ExtensionManifest): string {
    const prefix = `${manifest.publisher}.${manifest.name}-`.toLowerCase();
    const found = readdirSync(extensions).find((name) => name.toLowerCase().startsWith(prefix));
    if (!found) fail(`the extension is not in ${extensions} after --install-extension`);
    return join(extensions, found);
}

/** The log files under `folder` that `accept` picks. */
function* logFiles(folder: string, accept: (path: string) => boolean): Generator<string> {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
        const path = join(entry.parentPath, entry.name);
        if (entry.isFile() && accept(path)) yield path;
    }
}

/** Prints the log files under `folder` that `accept` picks, unless empty. */
function printServerLogs(folder: string, accept: (path: string) => boolean): void {
    for (const path of logFiles(folder, accept)) {
        const text = readFileSync(path, 'utf8').trimEnd();
        if (text !== '') console.log(`\n---- ${relative(ROOT, path)}\n${text}`);
    }
}

/**
 * The `[error]` lines of the extension host's log and of the extension's own output channels
 * (its language server's): a feature that works while logging errors is not done.
 */
function extensionHostErrors(folder: string, accept: (path: string) => boolean): string[] {
    return [...logFiles(folder, accept)].flatMap((path) =>
        readFileSync(path, 'utf8')
            .split('\n')
            .filter((line) => /\[error\]|\[Error - /.test(line))
            .map((line) => `${relative(ROOT, path)}: ${line}`),
    );
}

let server: CodeServer | undefined;
let temp: string | undefined;

/** Ends the server's process group and removes the temporary folder, synchronously: safe in `exit` and signal handlers. */
function cleanUpNow(): void {
    server?.kill('SIGKILL');
    server = undefined;
    if (temp && !flags.keep) rmSync(temp, { recursive: true, force: true });
    temp = undefined;
}
harness.cleanUpOnExit(cleanUpNow);

async function main(): Promise<number> {
    checkTools();
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8')) as ExtensionManifest;
    if (!flags['no-build']) {
        if (!existsSync(join(ROOT, 'packages/language-server/dist/index.js'))) fail('the extension bundles the built packages: run `npm run build` first');
        npm('run', 'build:tests', '-w', 'extension');
        npm('run', 'package', '-w', 'extension');
    }
    if (!existsSync(SUITE)) fail(`no ${relative(ROOT, SUITE)}: \`npm run build:tests -w extension\` compiles it`);
    const vsix = packagedExtension(manifest);

    temp = mkdtempSync(join(tmpdir(), 'segments-e2e-'));
    if (flags.keep) step(`keeping the temporary folder ${temp}`);
    const dirs = createDirs(temp);
    const options: CodeServerOptions = { entry: CODE_SERVER, dirs, env: { SEGMENTS_E2E_SCREENSHOTS: RESULTS } };

    step(`code-server --install-extension ${relative(ROOT, vsix)}`);
    CodeServer.installExtension(options, vsix);
    const installed = installedFolder(dirs.extensions, manifest);

    const workspace = join(temp, basename(WORKSPACE));
    cpSync(WORKSPACE, workspace, { recursive: true });
    mkdirSync(join(dirs.userData, 'User'), { recursive: true });
    copyFileSync(join(import.meta.dirname, 'settings.json'), join(dirs.userData, 'User/settings.json'));

    step('starting code-server');
    server = await CodeServer.start(options, join(RESULTS, 'code-server.log'));
    step(`code-server at ${server.origin}; running the suite in headless chromium (up to ${timeoutSeconds} s)`);

    const lines: LogLine[] = [];
    const result = await runInWorkbench({
        origin: server.origin,
        payload: { folder: workspace, extensionDevelopmentPath: installed, extensionTestsPath: SUITE },
        chromium: CHROMIUM,
        profile: join(temp, 'chromium'),
        screenshots: RESULTS,
        timeout: timeoutSeconds * 1000,
        onLine: (line) => {
            lines.push(line);
            if (isWorthPrinting(line)) console.log(formatLine(line, '  | '));
        },
    });

    step('stopping code-server');
    await server.stop();
    server = undefined;

    writeFileSync(join(RESULTS, 'workbench.log'), lines.map((line) => formatLine(line)).join('\n') + '\n');
    writeLogFiles(join(RESULTS, 'logs/workbench'), result.logs);
    const serverLogs = join(RESULTS, 'logs/server');
    if (existsSync(join(dirs.userData, 'logs'))) cpSync(join(dirs.userData, 'logs'), serverLogs, { recursive: true });

    const shots = result.screenshots.map((name) => `${name}.png`).join(', ');
    const ours = (path: string) => /exthost\d*[\\/]remoteexthost\.log$/.test(path) || path.includes(`${manifest.publisher}.${manifest.name}`);
    const errors = extensionHostErrors(serverLogs, ours);
    if (result.exitCode === 0 && errors.length > 0) {
        console.error(`\ne2e-vscode: the suite passed, but the extension host logged ${errors.length} error(s):\n${errors.join('\n')}`);
        return 1;
    }
    if (result.exitCode === 0) {
        step('no error in the extension host log nor in the extension\'s output channels');
        step(`the suite passed; screenshots in ${relative(ROOT, RESULTS)}: ${shots ? `${shots}, ` : ''}end.png`);
        if (flags['update-screenshots']) {
            for (const name of result.screenshots) copyFileSync(join(RESULTS, `${name}.png`), join(EXTENSION, `media/screenshot-${name}.png`));
            step(`copied ${result.screenshots.length} screenshot(s) to extension/media/screenshot-*.png`);
        }
        return 0;
    }

    if (flags['update-screenshots']) step('extension/media left as it was: the suite did not pass');
    // The workbench's lines were printed as they came (all of them are in workbench.log); the
    // extension host's own log and the extension's output channels say the rest.
    printServerLogs(serverLogs, ours);
    const outcome = result.exitCode === undefined ? `did not finish within ${timeoutSeconds} s` : `failed (extension host exit code ${result.exitCode})`;
    console.error(`\ne2e-vscode: the suite ${outcome}; the whole workbench log, screenshots and logs are in ${relative(ROOT, RESULTS)}`);
    return 1;
}

await harness.run(main, async () => {
    if (server) await server.stop();
    server = undefined;
    cleanUpNow();
});
