import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isSchema, isSegment, isStaticList } from '../../src/generated/ast.js';
import { buildProject } from '../test-utils.js';
import { printExpression } from './parsing-helpers.js';

const folder = fileURLToPath(new URL('fixtures/spec-example', import.meta.url));

/** Every file under a folder, keyed by its path under `/spec`. */
function readFolder(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (!entry.isFile()) continue;
        const path = join(entry.parentPath, entry.name);
        files[`/spec/${relative(folder, path)}`] = readFileSync(path, 'utf8');
    }
    return files;
}

describe('the specification §1 example', () => {
    test('parses and links with no diagnostics', async () => {
        const project = await buildProject(readFolder(folder));
        for (const path of project.documents.keys()) {
            expect(project.diagnostics(path), path).toEqual([]);
        }
        const model = project.documents.get('/spec/highly-engaged.segment')?.parseResult.value;
        expect(model?.declarations.map((d) => `${d.$type} ${d.name}`)).toEqual(['Schema Contact', 'StaticList vip', 'Segment highly_engaged']);
        const schema = model?.declarations.find(isSchema);
        expect(schema?.members.length).toBe(21);
        const list = model?.declarations.find(isStaticList);
        expect([list?.title, list?.file, list?.by.ref?.name]).toEqual(['VIP Customers', 'lists/vip.csv', 'email']);
        const segment = model?.declarations.find(isSegment);
        expect(segment?.$cstNode && segment.title).toBe('Highly Engaged');
        expect(printExpression(segment?.where)).toBe('(and (>= (count EmailOpened within-last-30-days) 5) (>= (count EmailClicked within-last-30-days) 2))');
        expect(printExpression(segment?.exclude)).toBe('(in-segment purchased_this_week)');
        expect(segment && (segment.exclude as { segment?: { ref?: unknown } }).segment?.ref).toBeDefined();
    });
});
