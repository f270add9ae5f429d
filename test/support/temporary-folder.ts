import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: one temporary folder for the whole run, named in `SEGMENTS_TEST_TMPDIR`
 * (workers inherit the environment), and removed when the run ends. For tests that cannot remove
 * their own files: the n8n node pack's tests may not import `node:fs` (n8n's community-node lint
 * covers the whole package), yet its state-file store writes real files.
 */
export default function setup(): () => void {
    const folder = mkdtempSync(join(tmpdir(), 'segments-test-'));
    process.env['SEGMENTS_TEST_TMPDIR'] = folder;
    return () => rmSync(folder, { recursive: true, force: true });
}
