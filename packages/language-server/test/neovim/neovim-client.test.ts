import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { CONTACT_SCHEMA } from '../test-utils.js';

const SERVER = fileURLToPath(new URL('../../bin/segment-language-server.js', import.meta.url));
const CHECK = fileURLToPath(new URL('./check.lua', import.meta.url));

/** `nvim --version`'s first line, or undefined when Neovim is not installed. */
function neovimVersion(): string | undefined {
    const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

const version = neovimVersion();
if (!version) {
    console.warn('Skipping the Neovim client test: `nvim` is not installed (run scripts/install-neovim.sh).');
}

let folder: string | undefined;

afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
});

/** Runs check.lua in a headless Neovim on `text`; returns its exit code and the lines it reported. */
function runNeovim(text: string, expectations: { code: string; line: number; character: number; label: string }): { status: number | null; report: string[]; stderr: string } {
    folder = mkdtempSync(join(tmpdir(), 'segment-neovim-'));
    const project = join(folder, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'segment.config.json'), '{}');
    writeFileSync(join(project, 'contact.segment'), CONTACT_SCHEMA);
    const file = join(project, 'file.segment');
    writeFileSync(file, text);
    const result = join(folder, 'result.txt');
    const xdg = (name: string) => {
        const dir = join(folder!, name);
        mkdirSync(dir, { recursive: true });
        return dir;
    };
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${CHECK}`, '--', file], {
        cwd: project,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
            ...process.env,
            XDG_CONFIG_HOME: xdg('config'),
            XDG_DATA_HOME: xdg('data'),
            XDG_STATE_HOME: xdg('state'),
            XDG_CACHE_HOME: xdg('cache'),
            SEGMENT_NODE: process.execPath,
            SEGMENT_SERVER: SERVER,
            SEGMENT_ROOT: project,
            SEGMENT_RESULT: result,
            SEGMENT_CODE: expectations.code,
            SEGMENT_LINE: String(expectations.line),
            SEGMENT_CHARACTER: String(expectations.character),
            SEGMENT_LABEL: expectations.label,
        },
    });
    const report = existsSync(result) ? readFileSync(result, 'utf8').trim().split('\n') : [];
    return { status: run.status, report, stderr: `${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

describe.skipIf(!version)(`Neovim (${version ?? 'not installed'}) as an LSP client`, () => {
    const text = 'segment big of Contact {\n  where total_spnt > 1000\n}\n';

    test('shows the diagnostics with their codes and completes a field name after a prefix', { timeout: 90_000 }, () => {
        const { status, report, stderr } = runNeovim(text, { code: 'unknown-field', line: 1, character: 8, label: 'total_spent' });
        expect(report.at(-1), `${report.join('\n')}\n${stderr}`).toBe('ok');
        expect(status).toBe(0);
        expect(report).toContain('diagnostics unknown-field');
        expect(report.find((line) => line.startsWith('completion '))?.split(/[ ,]/)).toContain('total_spent');
    });

    test('the check fails (cquit 1) when the expected completion is missing', { timeout: 90_000 }, () => {
        const { status, report } = runNeovim(text, { code: 'unknown-field', line: 1, character: 8, label: 'no_such_field' });
        expect(status).toBe(1);
        expect(report.at(-1)).toMatch(/completion did not offer no_such_field$/);
    });
});
