import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.js';
import { ADULTS, fixture, memoryIo, NULL_COMPARISON, SCHEMA, segment, UNKNOWN_FIELD } from '../cli-test-utils.js';

describe('segment check: exit codes', () => {
    test('a clean project exits 0 and says so', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'adults.segment': ADULTS });
        const result = segment(root, 'check');
        expect(result.stdout).toBe('No problems in 2 files\n');
        expect(result.status).toBe(0);
    });

    test('an error exits 1', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'typo.segment': UNKNOWN_FIELD });
        expect(segment(root, 'check').status).toBe(1);
    });

    test('warnings alone exit 0', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'nulls.segment': NULL_COMPARISON });
        const result = segment(root, 'check');
        expect(result.stdout).toContain('warning null-comparison');
        expect(result.stdout).toContain('1 warning in 2 files');
        expect(result.status).toBe(0);
    });

    test('a missing path exits 2 with one line', () => {
        const root = fixture({ 'contact.segment': SCHEMA });
        const result = segment(root, 'check', 'nowhere');
        expect(result.stderr).toBe('segment: no such file or directory: nowhere\n');
        expect(result.stdout).toBe('');
        expect(result.status).toBe(2);
    });

    test('a file that is not a segment file exits 2', () => {
        const root = fixture({ 'notes.txt': 'hello' });
        const result = segment(root, 'check', 'notes.txt');
        expect(result.stderr).toBe('segment: not a .segment file: notes.txt\n');
        expect(result.status).toBe(2);
    });

    test('a configuration that is not JSON exits 2 with its message', () => {
        const root = fixture({ 'segment.config.json': '{ "timezone": ', 'contact.segment': SCHEMA });
        const result = segment(root, 'check');
        expect(result.stderr).toMatch(/^segment: .*segment\.config\.json: invalid configuration\n {2}- not valid JSON: /);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.status).toBe(2);
    });

    test('a configuration that fails the schema exits 2 naming each problem', () => {
        const root = fixture({ 'segment.config.json': '{ "limits": { "maxDepth": 0 }, "colour": "red" }', 'contact.segment': SCHEMA });
        const result = segment(root, 'check');
        expect(result.stderr).toContain('invalid configuration');
        expect(result.stderr).toContain('- limits.maxDepth:');
        expect(result.stderr).toContain('"colour"');
        expect(result.status).toBe(2);
    });

    test('an unknown flag or format exits 2 with the usage on stderr', () => {
        const root = fixture({ 'contact.segment': SCHEMA });
        for (const args of [['--strict'], ['--format', 'xml']]) {
            const result = segment(root, 'check', ...args);
            expect(result.status).toBe(2);
            expect(result.stderr).toContain('Usage: segment check');
            expect(result.stdout).toBe('');
        }
    });
});

describe('segment check: output formats', () => {
    test('json is exactly one array of the documented shape, sorted by file then position', () => {
        const root = fixture({
            'contact.segment': SCHEMA,
            'b/typo.segment': UNKNOWN_FIELD,
            'a/two.segment': NULL_COMPARISON + UNKNOWN_FIELD.replace('typo', 'typo2'),
        });
        const result = segment(root, 'check', '--format', 'json');
        expect(result.status).toBe(1);
        expect(JSON.parse(result.stdout)).toEqual([
            {
                file: 'a/two.segment',
                line: 3,
                column: 5,
                endLine: 3,
                endColumn: 19,
                severity: 'warning',
                code: 'null-comparison',
                message: expect.stringContaining('`country = null` is never true'),
            },
            {
                file: 'a/two.segment',
                line: 7,
                column: 5,
                endLine: 7,
                endColumn: 9,
                severity: 'error',
                code: 'unknown-field',
                message: 'Unknown field `agee` in this schema: did you mean `age`?',
            },
            {
                file: 'b/typo.segment',
                line: 3,
                column: 5,
                endLine: 3,
                endColumn: 9,
                severity: 'error',
                code: 'unknown-field',
                message: 'Unknown field `agee` in this schema: did you mean `age`?',
            },
        ]);
    });

    test('json of a clean project is an empty array', () => {
        const root = fixture({ 'contact.segment': SCHEMA });
        expect(segment(root, 'check', '-f', 'json').stdout).toBe('[]\n');
    });

    test('file names are relative to the current directory', () => {
        const root = fixture({ 'project/contact.segment': SCHEMA, 'project/typo.segment': UNKNOWN_FIELD });
        const result = segment(root, 'check', 'project', '--format', 'json');
        expect((JSON.parse(result.stdout) as { file: string }[]).map((d) => d.file)).toEqual(['project/typo.segment']);
    });

    test('github gives one workflow command per diagnostic', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'typo.segment': UNKNOWN_FIELD, 'nulls.segment': NULL_COMPARISON });
        const lines = segment(root, 'check', '--format', 'github').stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/^::warning file=nulls\.segment,line=3,col=5,endLine=3,endColumn=19,title=null-comparison::`country = null` is never true/);
        expect(lines[1]).toBe('::error file=typo.segment,line=3,col=5,endLine=3,endColumn=9,title=unknown-field::Unknown field `agee` in this schema: did you mean `age`?');
    });

    test('human shows the location, the source line and a caret under the range, then a summary', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'typo.segment': UNKNOWN_FIELD });
        expect(segment(root, 'check').stdout).toBe(
            [
                'typo.segment:3:5 error unknown-field Unknown field `agee` in this schema: did you mean `age`?',
                ' 3 |     agee >= 21',
                '   |     ^^^^',
                '',
                '1 error in 2 files',
                '',
            ].join('\n'),
        );
    });

    test('human output is coloured only on a terminal without NO_COLOR', async () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'typo.segment': UNKNOWN_FIELD });
        const runs: { tty: boolean; env: Record<string, string>; coloured: boolean }[] = [
            { tty: true, env: {}, coloured: true },
            { tty: true, env: { NO_COLOR: '1' }, coloured: false },
            { tty: false, env: {}, coloured: false },
        ];
        for (const { tty, env, coloured } of runs) {
            const io = memoryIo(root, { tty, env });
            expect(await runCli(['check'], io)).toBe(1);
            expect(io.out.join('').includes('\u001b[')).toBe(coloured);
        }
    });
});

describe('segment check: projects', () => {
    const nested = {
        'contact.segment': SCHEMA,
        'adults.segment': ADULTS,
        'segments/grownups.segment': ADULTS.replace('adults', 'grownups'),
        'invalid/segment.config.json': '{}',
        'invalid/typo.segment': UNKNOWN_FIELD,
        'node_modules/dep/x.segment': UNKNOWN_FIELD,
        '.hidden/x.segment': UNKNOWN_FIELD,
    };

    test('a folder does not report nested projects, node_modules or dot-folders', () => {
        const root = fixture(nested);
        expect(segment(root, 'check').stdout).toBe('No problems in 3 files\n');
    });

    test('a nested project is checked on its own: the outer schema is not visible in it', () => {
        const root = fixture(nested);
        const result = segment(root, 'check', 'invalid', '--format', 'json');
        expect((JSON.parse(result.stdout) as { file: string; code: string }[]).map((d) => [d.file, d.code])).toEqual([
            ['invalid/typo.segment', 'unknown-schema'],
        ]);
        expect(result.status).toBe(1);
    });

    test('a file is checked with the other files of its project, and only it is reported', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'adults.segment': ADULTS, 'typo.segment': UNKNOWN_FIELD });
        const result = segment(root, 'check', 'adults.segment');
        expect(result.stdout).toBe('No problems in 1 file\n');
        expect(result.status).toBe(0);
    });

    test('without a configuration, the folder given (or the file\'s folder) is the project', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'segments/adults.segment': ADULTS });
        const result = segment(root, 'check', 'segments/adults.segment', '--format', 'json');
        expect((JSON.parse(result.stdout) as { code: string }[]).map((d) => d.code)).toContain('unknown-schema');
        expect(segment(root, 'check', '.').status).toBe(0);
    });

    test('a sub-folder of a configured project sees the names of the whole project', () => {
        const root = fixture({ 'segment.config.json': '{}', 'schemas/contact.segment': SCHEMA, 'segments/adults.segment': ADULTS });
        const result = segment(root, 'check', 'segments');
        expect(result.stdout).toBe('No problems in 1 file\n');
        expect(result.status).toBe(0);
    });
});
