import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { allDiagnosticCodes } from '../packages/language/src/validation/segment-diagnostic-codes.js';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages/cli/bin/segment.js');

/** Runs the built `segment` CLI as a user would, from the repository root. */
function segment(...args: string[]) {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the bundled examples, through the CLI', () => {
    test('`segment check examples` reports nothing', () => {
        const { status, stdout } = segment('check', 'examples', '--format', 'json');
        expect(JSON.parse(stdout)).toEqual([]);
        expect(status).toBe(0);
    });

    test('`segment check examples/invalid` reports every documented code', () => {
        const { status, stdout } = segment('check', 'examples/invalid', '--format', 'json');
        expect(status).toBe(1);
        const reported = new Set((JSON.parse(stdout) as { code: string }[]).map((d) => d.code));
        expect([...allDiagnosticCodes].filter((code) => !reported.has(code))).toEqual([]);
        const documented = readFileSync(join(root, 'docs/diagnostics.md'), 'utf8');
        expect(allDiagnosticCodes.filter((code) => !documented.includes(`\`${code}\``))).toEqual([]);
    });

    test('every invalid example is named after a code it reports', () => {
        const { stdout } = segment('check', 'examples/invalid', '--format', 'json');
        const byFile = new Map<string, Set<string>>();
        for (const d of JSON.parse(stdout) as { file: string; code: string }[]) {
            byFile.set(d.file, (byFile.get(d.file) ?? new Set()).add(d.code));
        }
        const named = readdirSync(join(root, 'examples/invalid'), { recursive: true, encoding: 'utf8' })
            .filter((f) => f.endsWith('.segment'))
            .map((f) => ({ file: join('examples/invalid', f), code: f.split('/').pop()!.replace(/\.segment$/, '') }))
            .filter(({ code }) => (allDiagnosticCodes as string[]).includes(code));
        expect(named.length).toBeGreaterThan(0);
        for (const { file, code } of named) {
            expect([...(byFile.get(file) ?? [])], file).toContain(code);
        }
    });

    test('`segment fmt --check examples` passes, and formatting is idempotent on every example', () => {
        expect(segment('fmt', '--check', 'examples').status).toBe(0);
        const copy = mkdtempSync(join(tmpdir(), 'segment-fmt-'));
        cpSync(join(root, 'examples'), copy, { recursive: true, filter: (src) => !src.includes('/invalid') });
        expect(segment('fmt', copy).status).toBe(0);
        const once = readdirSync(copy, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.segment')).map((f) => readFileSync(join(copy, f), 'utf8'));
        expect(segment('fmt', '--check', copy).status).toBe(0);
        const twice = readdirSync(copy, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.segment')).map((f) => readFileSync(join(copy, f), 'utf8'));
        expect(twice).toEqual(once);
    });
});
