import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { allDiagnosticCodes } from '../../src/validation/segment-diagnostic-codes.js';
import { buildProject, type TestProject } from '../test-utils.js';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
const examples = join(repository, 'examples');
const invalid = join(examples, 'invalid');

/** Every file under a folder (recursively), by absolute path, skipping the folders `skip`. */
function filesUnder(folder: string, skip: readonly string[] = []): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return skip.includes(path) ? [] : filesUnder(path, skip);
        return [path];
    });
}

/** Builds the files from disk under their real paths, with the in-memory file system of the tests. */
function buildFromDisk(paths: readonly string[]): Promise<TestProject> {
    return buildProject(Object.fromEntries(paths.map((path) => [path, readFileSync(path, 'utf8')])));
}

/** The diagnostics of a file, printed for a readable failure. */
function describeDiagnostics(project: TestProject, path: string): string[] {
    return project.diagnostics(path).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`);
}

describe('examples/invalid', () => {
    const files = filesUnder(invalid);
    let project: TestProject;
    beforeAll(async () => {
        project = await buildFromDisk(files);
    });

    test('holds one file per diagnostic code, saying what it triggers on its first line', () => {
        for (const code of allDiagnosticCodes) {
            const path = join(invalid, `${code}.segment`);
            expect(files, `no ${relative(repository, path)}`).toContain(path);
            expect(readFileSync(path, 'utf8').split('\n')[0]).toMatch(new RegExp(`^// Triggers: ${code} — `));
        }
    });

    test.each(allDiagnosticCodes)('%s.segment reports its code, and nothing else', (code) => {
        const path = join(invalid, `${code}.segment`);
        const codes = new Set(project.codes(path));
        expect([...codes], describeDiagnostics(project, path).join('\n')).toEqual([code]);
    });

    test('the other files of the project are valid', () => {
        const others = files.filter((path) => path.endsWith('.segment') && !allDiagnosticCodes.some((code) => path === join(invalid, `${code}.segment`)));
        expect(others.length).toBeGreaterThan(0);
        for (const path of others) {
            expect(describeDiagnostics(project, path), relative(repository, path)).toEqual([]);
        }
    });
});

describe('examples (outside invalid/)', () => {
    const files = filesUnder(examples, [invalid]);
    const segmentFiles = files.filter((path) => path.endsWith('.segment'));
    let project: TestProject;
    beforeAll(async () => {
        project = await buildFromDisk(files);
    });

    test('there are examples', () => {
        expect(segmentFiles.length).toBeGreaterThan(0);
    });

    test.each(segmentFiles.map((path) => [relative(repository, path), path]))('%s reports nothing', (_name, path) => {
        expect(describeDiagnostics(project, path)).toEqual([]);
    });
});

describe('docs/diagnostics.md', () => {
    const text = readFileSync(join(repository, 'docs', 'diagnostics.md'), 'utf8');

    test('documents every code, in the order of segment-diagnostic-codes.ts', () => {
        const headings = [...text.matchAll(/^## `([a-z-]+)`/gm)].map((m) => m[1]);
        expect(headings).toEqual(allDiagnosticCodes);
    });
});
