import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHubSpotTestServer, type HubSpotTestServer } from '@segments/hubspot-test-server';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseCliArguments } from '../../src/arguments.js';
import { runCli } from '../../src/cli.js';
import { runSchemaPull } from '../../src/commands/schema-pull.js';
import { schemaPullUsage } from '../../src/commands/schema-pull-arguments.js';
import { bin, fixture, memoryIo, segment } from '../cli-test-utils.js';

let server: HubSpotTestServer;
beforeEach(async () => {
    server = await startHubSpotTestServer({ accessToken: 'pat-test' });
});
afterEach(() => server.close());

/** Runs `segment schema pull hubspot` in-process against the test server, with the token in HUBSPOT_TOKEN unless env says otherwise. */
async function pull(cwd: string, args: string[], env: Record<string, string> = { HUBSPOT_TOKEN: 'pat-test' }) {
    const io = memoryIo(cwd, { env });
    const status = await runCli(['schema', 'pull', 'hubspot', '--base-url', server.url, ...args], io);
    return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** Runs the real `segment` command without blocking this process, so the in-process server can answer it. */
function segmentAsync(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env, NO_COLOR: '' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
}

describe('segment schema pull hubspot', () => {
    test('writes --out a schema that `segment check` and `segment fmt --check` accept', async () => {
        const root = fixture({});
        const result = await pull(root, ['--out', 'contact.segment']);
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^Schema Contact: \d+ fields written to contact\.segment; 1 hidden property skipped \(--include-hidden writes them\)\n$/);
        const text = readFileSync(join(root, 'contact.segment'), 'utf8');
        expect(text).toMatch(/^schema Contact key hs_object_id \{$/m);
        expect(text).toContain('  lifecyclestage one of ("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other")\n');
        expect(text).toContain('  /** Buying Role. ');
        expect(text).toContain('  hs_buying_role list of text\n');
        expect(text).not.toContain('hs_all_contact_vids');
        expect(segment(root, 'check')).toMatchObject({ status: 0, stdout: 'No problems in 1 file\n' });
        expect(segment(root, 'fmt', '--check').status).toBe(0);
    });

    test('prints to stdout without --out; --name, --include-hidden and --token-env apply', async () => {
        const result = await pull(fixture({}), ['--name', 'Person', '--include-hidden', '--token-env', 'MY_HUBSPOT'], { MY_HUBSPOT: 'pat-test' });
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^schema Person key hs_object_id \{$/m);
        expect(result.stdout).toContain('  hs_all_contact_vids list of text\n');
        expect(result.stderr).toMatch(/^Schema Person: \d+ fields\n$/);
    });

    test('--token wins over the environment', async () => {
        const result = await pull(fixture({}), ['--token', 'pat-test'], { HUBSPOT_TOKEN: 'stale' });
        expect(result.status).toBe(0);
    });

    test('without a token it says how to give one and exits 2', async () => {
        const result = await pull(fixture({}), [], {});
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^segment: no HubSpot token: set HUBSPOT_TOKEN to a private-app access token/);
        expect(server.requests).toHaveLength(0);
    });

    test('a token HubSpot refuses exits 2 with HubSpot reason', async () => {
        const result = await pull(fixture({}), [], { HUBSPOT_TOKEN: 'wrong' });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^segment: HubSpot did not give the contact properties: .*401/);
    });

    test('rides out transient HubSpot failures, and reports them when they persist', async () => {
        const args = parseCliArguments(['schema', 'pull', 'hubspot', '--base-url', server.url]);
        if (args.command !== 'schema') throw new Error('not a schema command');
        const io = memoryIo(fixture({}), { env: { HUBSPOT_TOKEN: 'pat-test' } });
        const noWait = { sleep: () => Promise.resolve(), maxRetries: 2 };
        server.faults.enqueue({ kind: 'server-error', status: 503 }, { kind: 'truncated' });
        expect(await runSchemaPull(args, io, noWait)).toBe(0);
        expect(io.out.join('')).toMatch(/^schema Contact key hs_object_id/m);
        server.faults.enqueue({ kind: 'server-error' }, { kind: 'server-error' }, { kind: 'server-error' });
        await expect(runSchemaPull(args, io, noWait)).rejects.toThrow(/^HubSpot did not give the contact properties: /);
    });

    test.each([
        [['schema'], 'schema needs an action: pull'],
        [['schema', 'push'], "unknown schema action 'push' (expected pull)"],
        [['schema', 'pull'], 'schema pull needs a source: hubspot'],
        [['schema', 'pull', 'salesforce'], "unknown schema source 'salesforce' (expected hubspot)"],
        [['schema', 'pull', 'hubspot', 'extra'], "unexpected argument 'extra'"],
    ])('%j is a usage error', async (argv, message) => {
        const io = memoryIo(fixture({}));
        expect(await runCli(argv, io)).toBe(2);
        expect(io.err.join('')).toBe(`segment: ${message}\n\n${schemaPullUsage}`);
    });

    test('the built command pulls a schema end to end', async () => {
        const root = fixture({});
        const result = await segmentAsync(root, { HUBSPOT_TOKEN: 'pat-test' }, 'schema', 'pull', 'hubspot', '--base-url', server.url, '-o', 'contact.segment');
        expect(result).toMatchObject({ status: 0, stdout: '' });
        expect(readFileSync(join(root, 'contact.segment'), 'utf8')).toMatch(/^schema Contact key hs_object_id \{$/m);
        expect(server.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual(['GET /crm/v3/properties/contacts 200']);
    });
});
