import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DATA_FILE } from './search-test-utils.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe('hubspot-test-server CLI', () => {
    test('serves the --data file with the given token and prints its url first', async () => {
        const child = spawn(process.execPath, [CLI, '--token', 'cli-token', '--data', fileURLToPath(DATA_FILE), '--no-rate-limit'], { stdio: ['ignore', 'pipe', 'inherit'] });
        try {
            const firstLine = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
            const { url } = JSON.parse(firstLine) as { url: string };
            expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
            const response = await fetch(`${url}/crm/v3/objects/contacts/search`, {
                method: 'POST',
                headers: { 'Authorization': 'Bearer cli-token', 'Content-Type': 'application/json' },
                body: JSON.stringify({ filterGroups: [{ filters: [{ propertyName: 'interests', operator: 'EQ', value: 'bags' }] }] }),
            });
            expect(((await response.json()) as { results: Array<{ id: string }> }).results.map((contact) => contact.id)).toEqual(['2']);
        } finally {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGTERM');
            expect(await exited).toBe(0);
        }
    });

    test('a data file that is neither a list nor {contacts} is refused with a message', async () => {
        const child = spawn(process.execPath, [CLI, '--data', fileURLToPath(new URL('../package.json', import.meta.url))], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        const code = await new Promise((resolve) => child.once('exit', resolve));
        expect(code).toBe(2);
        expect(stderr).toMatch(/expected an array of contacts/);
    });
});
