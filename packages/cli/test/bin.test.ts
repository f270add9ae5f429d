import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bin, fixture, segment } from './cli-test-utils.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('bin/segment.js', () => {
    test('--version prints the package version', () => {
        const result = segment(fixture({}), '--version');
        expect(result.stdout).toBe(`${version}\n`);
        expect(result.status).toBe(0);
    });

    test('--help prints the usage on stdout and exits 0', () => {
        const result = segment(fixture({}), '--help');
        expect(result.stdout).toMatch(/^Usage: segment <command>/);
        expect(result.stdout).toContain('compile <file|name>');
        expect(result.status).toBe(0);
    });

    test('<command> --help prints the usage of that command', () => {
        for (const command of ['check', 'fmt', 'compile', 'eval', 'changes']) {
            const result = segment(fixture({}), command, '--help');
            expect(result.stdout).toMatch(new RegExp(`^Usage: segment ${command}`));
            expect(result.status).toBe(0);
        }
    });

    test('no command, an unknown command or an unknown option exits 2 with the usage on stderr', () => {
        for (const args of [[], ['lint'], ['--frobnicate']]) {
            const result = segment(fixture({}), ...args);
            expect(result.status).toBe(2);
            expect(result.stdout).toBe('');
            expect(result.stderr).toMatch(/^segment: .*\n\nUsage: segment <command>/);
        }
    });

    test('an old Node gets a message saying how to run the command, and exit code 2', () => {
        const pretend = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.1.0"})';
        const result = spawnSync(process.execPath, ['--import', pretend, bin, '--version'], { encoding: 'utf8' });
        expect(result.stderr).toContain('needs Node.js 22 or later, but this is Node.js 20.1.0');
        expect(result.stderr).toContain('npx segment');
        expect(result.stdout).toBe('');
        expect(result.status).toBe(2);
    });
});
