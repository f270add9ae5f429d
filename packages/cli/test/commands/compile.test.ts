import { isSegment } from '@segments/language';
import { describe, expect, test } from 'vitest';
import { DefaultWorkspaceLoader } from '../../src/workspace-loader.js';
import { ADULTS, fixture, NULL_COMPARISON, SCHEMA, segment, UNKNOWN_FIELD } from '../cli-test-utils.js';

const TWO = `${ADULTS}\n${ADULTS.replace('adults', 'grownups').replace('21', '18')}`;

/** The bundle of a segment, lowered in-process: what the command must print. */
async function expectedBundle(root: string, file: string, name: string): Promise<unknown> {
    const workspace = await new DefaultWorkspaceLoader().load([file], root);
    const segment = workspace.requested.flatMap((d) => d.parseResult.value.declarations.filter(isSegment)).find((s) => s.name === name)!;
    return JSON.parse(JSON.stringify(workspace.services.ir.Lowering.lowerSegment(segment)));
}

describe('segment compile', () => {
    test('a file with one segment prints its bundle as pretty JSON', async () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'adults.segment': ADULTS });
        const result = segment(root, 'compile', 'adults.segment', '--json');
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^\{\n {2}"/);
        expect(JSON.parse(result.stdout)).toEqual(await expectedBundle(root, 'adults.segment', 'adults'));
        expect(result.stdout).toContain('"adults"');
    });

    test('--json is the default', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'adults.segment': ADULTS });
        expect(segment(root, 'compile', 'adults.segment').stdout).toBe(segment(root, 'compile', 'adults.segment', '--json').stdout);
    });

    test('a bare name is the segment of that name in the current folder\'s project', async () => {
        const root = fixture({ 'segment.config.json': '{}', 'contact.segment': SCHEMA, 'segments/two.segment': TWO });
        const result = segment(root, 'compile', 'grownups');
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual(await expectedBundle(root, 'segments/two.segment', 'grownups'));
        expect(JSON.parse(result.stdout)).not.toEqual(await expectedBundle(root, 'segments/two.segment', 'adults'));
    });

    test('a name is looked up from a sub-folder too, in the whole project', () => {
        const root = fixture({ 'segment.config.json': '{}', 'contact.segment': SCHEMA, 'segments/two.segment': TWO, 'lists/readme.segment': '' });
        expect(segment(`${root}/lists`, 'compile', 'adults').status).toBe(0);
    });

    test('a file with several segments needs --segment', async () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'two.segment': TWO });
        const without = segment(root, 'compile', 'two.segment');
        expect(without.stderr).toBe('segment: two.segment declares several segments (adults, grownups): choose one with --segment NAME\n');
        expect(without.status).toBe(2);
        const chosen = segment(root, 'compile', 'two.segment', '--segment', 'grownups');
        expect(chosen.status).toBe(0);
        expect(JSON.parse(chosen.stdout)).toEqual(await expectedBundle(root, 'two.segment', 'grownups'));
        const unknown = segment(root, 'compile', 'two.segment', '-s', 'kids');
        expect(unknown.stderr).toBe("segment: two.segment declares no segment 'kids' (it declares adults, grownups)\n");
        expect(unknown.status).toBe(2);
    });

    test('a file without segments, an unknown name, a folder or a missing file exits 2', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'segments/adults.segment': ADULTS });
        expect(segment(root, 'compile', 'contact.segment').stderr).toBe('segment: contact.segment declares no segment\n');
        expect(segment(root, 'compile', 'kids').stderr).toBe("segment: no segment named 'kids' in the project at .\n");
        expect(segment(root, 'compile', 'segments/').stderr).toBe("segment: compile takes a file or a segment name, and 'segments/' is a folder\n");
        expect(segment(root, 'compile', 'kids.segment').stderr).toBe('segment: no such file or directory: kids.segment\n');
        expect(segment(root, 'compile', 'kids', '--segment', 'x').stderr).toBe("segment: --segment applies to a file, and 'kids' is a segment name\n");
        expect(segment(root, 'compile', 'kids').status).toBe(2);
    });

    test('errors anywhere in the project are printed on stderr and exit 1; warnings do not stop it', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'adults.segment': ADULTS, 'typo.segment': UNKNOWN_FIELD, 'nulls.segment': NULL_COMPARISON });
        const result = segment(root, 'compile', 'adults.segment');
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('typo.segment:3:5 error unknown-field');
        expect(result.stderr).toContain('1 error, 1 warning in 4 files');
        expect(result.status).toBe(1);
        const clean = fixture({ 'contact.segment': SCHEMA, 'adults.segment': ADULTS, 'nulls.segment': NULL_COMPARISON });
        expect(segment(clean, 'compile', 'adults.segment').status).toBe(0);
    });

    test('an unknown flag exits 2', () => {
        const result = segment(fixture({}), 'compile', 'x', '--yaml');
        expect(result.stderr).toContain('Usage: segment compile');
        expect(result.status).toBe(2);
    });
});
