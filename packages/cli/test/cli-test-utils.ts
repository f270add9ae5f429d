import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CliIo } from '../src/cli-io.js';

/** The built `segment` command (run `tsc -b packages/cli` first). */
export const bin = resolve(import.meta.dirname, '../bin/segment.js');

/** What one run of the command gave. */
export interface RunResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** Runs the real `segment` command in a folder, as a user would, with the Node running the tests. */
export function segment(cwd: string, ...args: string[]): RunResult {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes files (paths relative to a new temporary folder) and returns that folder. */
export function fixture(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'segment-cli-'));
    for (const [path, text] of Object.entries(files)) {
        const file = join(root, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
    }
    return root;
}

/** A {@link CliIo} that records what is written, to run the command in-process. */
export function memoryIo(cwd: string, options: { tty?: boolean; env?: Record<string, string> } = {}): CliIo & { out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return {
        cwd,
        env: options.env ?? {},
        stdout: { write: (text) => void out.push(text), isTTY: options.tty ?? false },
        stderr: { write: (text) => void err.push(text), isTTY: options.tty ?? false },
        out,
        err,
    };
}

/** A schema most fixtures use. */
export const SCHEMA = `schema Contact key id {
  id text
  age number
  country text
}
`;

/** A clean, formatted segment of {@link SCHEMA}. */
export const ADULTS = `segment adults of Contact {
  where
    age >= 21
}
`;

/** A segment with one error: an unknown field on line 3, columns 5 to 9. */
export const UNKNOWN_FIELD = `segment typo of Contact {
  where
    agee >= 21
}
`;

/** A segment with one warning (`null-comparison`) and no error. */
export const NULL_COMPARISON = `segment nulls of Contact {
  where
    country = null
}
`;
