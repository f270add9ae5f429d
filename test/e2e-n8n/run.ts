/**
 * The end-to-end test of the n8n node pack in a real n8n (the one scripts/install-n8n.sh
 * installs): builds and packs nodes/ (`npm pack`), installs the package into fresh n8n user
 * folders, imports the workflows of examples/n8n and runs them:
 *
 * - "evaluate the segment files of a folder", with the package installed as n8n installs
 *   community packages (`<user folder>/.n8n/nodes/node_modules`), executed twice with
 *   `n8n execute` (the membership state must survive from one process to the next), and once
 *   more with the package loaded through N8N_CUSTOM_EXTENSIONS (node types `CUSTOM.*`);
 *   every member list is compared with the CLI's `segment eval` on the same files;
 * - "welcome new high-value customers" and "win back lapsed customers", activated in `n8n start`
 *   and polling the HubSpot test server every minute over two polls: a contact enters a segment,
 *   then exits it while another lapses, compared with the CLI's `segment changes`.
 *
 * Prints each check as it is made and a summary; exits 1 when a check fails. Logs of every n8n
 * command, the run outputs and the summary go to test-results/e2e-n8n/.
 *
 * Needs Node 24, `npm run build`, scripts/install-nodes-deps.sh and scripts/install-n8n.sh:
 * `node test/e2e-n8n/run.ts [--no-build] [--only folder|polling] [--keep] [--poll-timeout <seconds>]`.
 * See docs/n8n-e2e.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createHarness, type Harness, parseHarnessFlags } from '../support/e2e-harness.ts';
import { killAll } from './children.ts';
import { runFolderScenario } from './folder-scenario.ts';
import { N8n } from './n8n.ts';
import { installCommunityPackage, packPackage, readManifest, unpack } from './node-package.ts';
import { runPollingScenario } from './polling-scenario.ts';
import { Report } from './report.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'test-results/e2e-n8n');
const NODES = join(ROOT, 'nodes');
const EXAMPLES = join(ROOT, 'examples');
const N8N_BIN = process.env['N8N_BIN'] ?? join(ROOT, '.cache/n8n/node_modules/n8n/bin/n8n');
const SEGMENT_CLI = join(ROOT, 'packages/cli/bin/segment.js');
const HUBSPOT_SERVER = join(ROOT, 'packages/hubspot-test-server/dist/cli.js');

const USAGE = 'usage: node test/e2e-n8n/run.ts [--no-build] [--only folder|polling] [--keep] [--poll-timeout <seconds>]';

const harness = createHarness('e2e-n8n');
const { step } = harness;
// Typed explicitly, so that TypeScript knows the code after a call to it is unreachable.
const fail: Harness['fail'] = harness.fail;
const flags = parseHarnessFlags('e2e-n8n', USAGE, {
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'poll-timeout': { type: 'string', default: '150' },
});
const pollTimeoutSeconds = Number(flags['poll-timeout']);
if (flags.only !== undefined && flags.only !== 'folder' && flags.only !== 'polling') fail(`--only takes folder or polling, not ${flags.only}\n${USAGE}`);
if (!(pollTimeoutSeconds >= 70)) fail(`--poll-timeout takes a number of seconds of at least 70 (a poll runs every minute), not ${flags['poll-timeout']}\n${USAGE}`);

function checkTools(): void {
    harness.requireNode(24, 'n8n 2');
    if (!existsSync(N8N_BIN)) fail(`no n8n at ${N8N_BIN}: run scripts/install-n8n.sh`);
    if (!existsSync(join(ROOT, 'packages/cli/dist/index.js')) || !existsSync(HUBSPOT_SERVER)) fail('the CLI and the HubSpot test server are not built: run `npm run build` first');
    if (!flags['no-build'] && !existsSync(join(NODES, 'node_modules'))) fail('the node pack has no dependencies installed: run scripts/install-nodes-deps.sh');
}

let temp: string | undefined;
/** Ends the servers still running and removes the temporary folder, synchronously: safe in `exit` and signal handlers. */
function cleanUpNow(): void {
    killAll();
    if (temp && !flags.keep) rmSync(temp, { recursive: true, force: true });
    temp = undefined;
}
harness.cleanUpOnExit(cleanUpNow);

/** The environment every n8n of the test runs with: file access limited to examples/ (see docs/n8n-e2e.md). */
function n8nEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
        N8N_RESTRICT_FILE_ACCESS_TO: EXAMPLES,
        NO_COLOR: '1',
        GENERIC_TIMEZONE: 'UTC',
        ...extra,
    };
}

async function main(): Promise<number> {
    checkTools();
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    const report = new Report((line) => step(line));

    if (!flags['no-build']) {
        step('npm run build (nodes/)');
        const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: NODES, stdio: 'inherit' });
        if (build.status !== 0) fail(`the build of nodes/ failed (${build.status ?? build.signal})`);
    }
    const manifest = readManifest(NODES);
    temp = mkdtempSync(join(tmpdir(), 'segments-e2e-n8n-'));
    if (flags.keep) step(`keeping the temporary folder ${temp}`);
    const tarball = packPackage(NODES, join(temp, 'pack'));
    step(`packed ${manifest.name}@${manifest.version}: ${manifest.n8n?.nodes?.length ?? 0} node(s), ${manifest.n8n?.credentials?.length ?? 0} credential(s)`);

    // 1. The package installed as a community package: node types `n8n-nodes-segments.*`, as in the examples.
    const community = await N8n.create({ bin: N8N_BIN, userFolder: join(temp, 'community'), cwd: ROOT, env: n8nEnv(), logs: join(RESULTS, 'community') });
    installCommunityPackage(tarball, community.options.userFolder, manifest.name);
    if (flags.only !== 'polling') {
        const folder = { workflow: join(EXAMPLES, 'n8n/evaluate-segment-files.json'), cwd: ROOT, cli: SEGMENT_CLI };
        step('folder workflow, package installed as a community package: two runs');
        runFolderScenario(report, 'folder (community package)', community, folder, 2);

        // 2. The package loaded through N8N_CUSTOM_EXTENSIONS: n8n names its nodes `CUSTOM.*`.
        const extensions = unpack(tarball, join(temp, 'custom-extensions', manifest.name));
        const custom = await N8n.create({ bin: N8N_BIN, userFolder: join(temp, 'custom'), cwd: ROOT, env: n8nEnv({ N8N_CUSTOM_EXTENSIONS: extensions }), logs: join(RESULTS, 'custom-extensions') });
        step('folder workflow, package loaded through N8N_CUSTOM_EXTENSIONS: one run');
        runFolderScenario(report, 'folder (N8N_CUSTOM_EXTENSIONS)', custom, folder, 1, 'CUSTOM');
    }

    // 3. The trigger examples, active in `n8n start`, against the HubSpot test server.
    if (flags.only !== 'folder') {
        step('trigger workflows, active in n8n start, polling the HubSpot test server (about 3 minutes)');
        await runPollingScenario(
            report,
            community,
            {
                workflows: [
                    { file: join(EXAMPLES, 'n8n/welcome-new-high-value-customers.json'), keeps: 'entered', result: 'Prepare the welcome email' },
                    { file: join(EXAMPLES, 'n8n/win-back-lapsed-customers.json'), keeps: 'exited', result: 'Prepare the win-back offer' },
                ],
                project: join(EXAMPLES, 'n8n/hubspot'),
                hubspotServer: HUBSPOT_SERVER,
                cli: SEGMENT_CLI,
                work: join(temp, 'polling'),
                pollTimeoutMs: pollTimeoutSeconds * 1000,
            },
            step,
        );
    }

    const summary = report.summary();
    writeFileSync(join(RESULTS, 'summary.txt'), `${summary}\n`);
    writeFileSync(join(RESULTS, 'checks.json'), `${JSON.stringify(report.checks, null, 2)}\n`);
    console.log(`\n${summary}`);
    console.log(`${report.passed ? 'e2e-n8n: passed' : 'e2e-n8n: FAILED'}; logs in ${relative(ROOT, RESULTS)}`);
    return report.passed ? 0 : 1;
}

await harness.run(main, cleanUpNow);
