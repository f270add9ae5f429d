import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.js';
import { fixture, memoryIo, segment } from '../cli-test-utils.js';

const SCHEMA = `schema Contact key id {
  id text
  age number
  country text
  email text
  event Purchased { amount number }
}
`;

const SEGMENTS = `segment adults of Contact {
  where
    age >= 21 and country = "US"
  exclude
    email ends with "@company.com"
}

segment buyers of Contact {
  where
    performed Purchased within last 7 days
}
`;

/** a is a member; b is too young (FALSE); c has no age (UNKNOWN); d is excluded (an employee). */
const NDJSON = [
    '{"id":"a","age":30,"country":"US","email":"a@example.com"}',
    '{"id":"b","age":18,"country":"US"}',
    '{"id":"c","country":"US"}',
    '{"id":"d","age":40,"country":"US","email":"d@company.com"}',
    '',
].join('\n');

const EVENTS = ['{"contact":"a","event":"Purchased","at":"2026-02-27T10:00:00Z","amount":5}', '{"contact":"b","event":"Purchased","at":"2026-01-01T10:00:00Z"}', ''].join('\n');

const NOW = '2026-03-01T12:00:00Z';

function project(): string {
    return fixture({ 'contact.segment': SCHEMA, 'segments.segment': SEGMENTS, 'contacts.ndjson': NDJSON, 'events.ndjson': EVENTS });
}

/** `segment eval adults` on the fixture, with `--trace` for each key and more arguments. */
function traceAdults(keys: readonly string[], ...args: string[]) {
    return segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, ...keys.flatMap((key) => ['--trace', key]), ...args);
}

describe('segment eval --trace', () => {
    test('a member: every condition with its truth and the values it compared, after the table on stdout', () => {
        const result = traceAdults(['a']);
        expect(result.stdout).toBe(
            [
                'id  age  country  email',
                '--  ---  -------  -------------',
                'a   30   US       a@example.com',
                '',
                '1 member among 4 records',
                '',
                'a is IN adults',
                '  where age >= 21 and country = "US"      ✓',
                '    age >= 21                             ✓  age = 30',
                '    country = "US"                        ✓  country = "US"',
                '  exclude email ends with "@company.com"  ✗  email = "a@example.com"',
                '',
            ].join('\n'),
        );
        expect(result.status).toBe(0);
    });

    test('a non-member: the condition that is FALSE', () => {
        const result = traceAdults(['b'], '-f', 'ids');
        expect(result.stderr).toBe(
            [
                'b is NOT in adults (where is FALSE)',
                '  where age >= 21 and country = "US"      ✗',
                '    age >= 21                             ✗  age = 18',
                '    country = "US"                        ✓  country = "US"',
                '  exclude email ends with "@company.com"  ?  email is missing',
                '',
            ].join('\n'),
        );
        expect(result.status).toBe(0);
    });

    test('a non-member: a missing field makes the condition UNKNOWN', () => {
        const result = traceAdults(['c'], '-f', 'ids');
        expect(result.stderr).toBe(
            [
                'c is NOT in adults (where is UNKNOWN)',
                '  where age >= 21 and country = "US"      ?',
                '    age >= 21                             ?  age is missing',
                '    country = "US"                        ✓  country = "US"',
                '  exclude email ends with "@company.com"  ?  email is missing',
                '',
            ].join('\n'),
        );
    });

    test('a non-member: excluded, exclude is TRUE', () => {
        const result = traceAdults(['d'], '-f', 'ids');
        expect(result.stderr).toBe(
            [
                'd is NOT in adults (exclude is TRUE)',
                '  where age >= 21 and country = "US"      ✓',
                '    age >= 21                             ✓  age = 40',
                '    country = "US"                        ✓  country = "US"',
                '  exclude email ends with "@company.com"  ✓  email = "d@company.com"',
                '',
            ].join('\n'),
        );
    });

    test('a key no record has: a line says so, the other keys are traced in the order given, and the command exits 1', () => {
        const result = traceAdults(['zz', 'b', 'zz'], '-f', 'ids');
        expect(result.stdout).toBe('a\n');
        expect(result.stderr).toMatch(/^zz: no record with this key\n\nb is NOT in adults \(where is FALSE\)\n/);
        expect(result.stderr.match(/zz:/g)).toHaveLength(1);
        expect(result.status).toBe(1);
    });

    test('with --format ids, stdout holds only the members and the traces go to stderr', () => {
        for (const format of ['ids', 'ndjson', 'csv']) {
            const result = traceAdults(['a', 'c'], '-f', format);
            expect(result.stdout).not.toContain('adults');
            expect(result.stderr).toMatch(/^a is IN adults\n[^]*\n\nc is NOT in adults \(where is UNKNOWN\)\n/);
        }
        expect(traceAdults(['a', 'c'], '-f', 'ids').stdout).toBe('a\n');
    });

    test('after the --explain funnel on stderr, a blank line separates the traces', () => {
        const result = traceAdults(['b'], '-f', 'ids', '--explain');
        expect(result.stderr).toMatch(/1 member among 4 records \(25%\)\n\nb is NOT in adults \(where is FALSE\)\n/);
    });

    test('performed shows the matching occurrences and the window; the events come from --events', () => {
        const result = segment(project(), 'eval', 'buyers', '--data', 'contacts.ndjson', '--events', 'events.ndjson', '--now', NOW, '-f', 'ids', '--trace', 'a', '--trace', 'b');
        expect(result.stdout).toBe('a\n');
        expect(result.stderr).toContain(
            [
                'a is IN buyers',
                '  where performed Purchased within last 7 days  ✓  1 time, between 2026-02-22T12:00:00.000Z and 2026-03-01T12:00:00.000Z',
                '',
                'b is NOT in buyers (where is FALSE)',
                '  where performed Purchased within last 7 days  ✗  0 times, between 2026-02-22T12:00:00.000Z and 2026-03-01T12:00:00.000Z',
                '',
            ].join('\n'),
        );
    });

    test('a trace does not add to the data-quality counts', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'segments.segment': SEGMENTS, 'contacts.ndjson': '{"id":"x","age":"old","country":"US"}\n' });
        const result = segment(root, 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids', '--trace', 'x');
        expect(result.stderr).toContain('    age >= 21                             ?  age is missing\n');
        expect(result.stderr).toContain('values that could not be read as their type (UNKNOWN): age 1\n');
    });

    test('several segments: the record is traced against each one, in order', () => {
        const result = segment(project(), 'eval', '.', '--data', 'contacts.ndjson', '--now', NOW, '--trace', 'd');
        expect(result.stdout).toContain(
            [
                '',
                'd is NOT in adults (exclude is TRUE)',
                '  where age >= 21 and country = "US"      ✓',
                '    age >= 21                             ✓  age = 40',
                '    country = "US"                        ✓  country = "US"',
                '  exclude email ends with "@company.com"  ✓  email = "d@company.com"',
                '',
                'd is NOT in buyers (where is FALSE)',
                '  where performed Purchased within last 7 days  ✗  0 times, between 2026-02-22T12:00:00.000Z and 2026-03-01T12:00:00.000Z',
                '',
            ].join('\n'),
        );
        const ids = segment(project(), 'eval', '.', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids', '--trace', 'd', '--trace', 'nobody');
        expect(ids.stdout).toBe('adults\ta\n');
        expect(ids.stderr).toMatch(/^d is NOT in adults[^]*\n\nd is NOT in buyers[^]*\n\nnobody: no record with this key\n/);
        expect(ids.status).toBe(1);
    });

    test('on a terminal without NO_COLOR, the markers are coloured; with NO_COLOR they are plain', async () => {
        const args = ['eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '--trace', 'c'];
        const tty = memoryIo(project(), { tty: true });
        expect(await runCli(args, tty)).toBe(0);
        expect(tty.out.join('')).toContain('\u001b[33m?\u001b[39m  age is missing');
        expect(tty.out.join('')).toContain('\u001b[31mNOT in\u001b[39m');
        const noColor = memoryIo(project(), { tty: true, env: { NO_COLOR: '1' } });
        await runCli(args, noColor);
        expect(noColor.out.join('')).toContain('    age >= 21                             ?  age is missing\n');
    });
});
