import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.js';
import { fixture, memoryIo, segment, UNKNOWN_FIELD } from '../cli-test-utils.js';

/** A schema with a field at a path and an event. */
const SCHEMA = `schema Contact key id {
  id text
  age number
  country text
  total number from "properties.total"
  event Purchased { amount number }
}
`;

const SEGMENTS = `segment adults of Contact {
  where
    age >= 21 and country = "US"
}

segment buyers of Contact {
  where
    performed Purchased within last 7 days
}
`;

/** a and c are adults in the US (country compares ignoring case); d has no age, e an unreadable one; line 3 is not JSON. */
const NDJSON = [
    '{"id":"a","age":30,"country":"US","properties":{"total":10}}',
    '{"id":"b","age":18,"country":"US"}',
    '{bad json',
    '{"id":"c","age":"40","country":"us"}',
    '{"id":"d","country":"US"}',
    '{"id":"e","age":"old","country":"US"}',
    '',
].join('\n');

const JSON_ARRAY = `[${NDJSON.split('\n')
    .filter((line) => line.startsWith('{"'))
    .join(',\n')}]`;

const CSV = 'id,age,country,properties.total\r\na,30,US,10\r\nb,18,US,\r\nc,40,us,\r\nd,,US,\r\ne,old,US,\r\n';

const NOW = '2026-03-01T12:00:00Z';

function project(files: Record<string, string> = {}): string {
    return fixture({ 'contact.segment': SCHEMA, 'segments.segment': SEGMENTS, 'contacts.ndjson': NDJSON, 'contacts.json': JSON_ARRAY, 'contacts.csv': CSV, ...files });
}

describe('segment eval', () => {
    test('--format ids prints the member keys in input order and nothing else on stdout', () => {
        const result = segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '--format', 'ids');
        expect(result.stdout).toBe('a\nc\n');
        expect(result.status).toBe(0);
    });

    test('on a terminal, the machine formats get a summary on stderr, and stdout still holds only the ids', async () => {
        const io = memoryIo(project(), { tty: true });
        expect(await runCli(['eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids'], io)).toBe(0);
        expect(io.out.join('')).toBe('a\nc\n');
        expect(io.err.join('')).toMatch(/^2 members among 5 records \(40%\)\nData quality:\n/);
        const piped = memoryIo(project());
        await runCli(['eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids'], piped);
        expect(piped.err.join('')).toMatch(/^Data quality:\n/);
    });

    test('a line that is not JSON is reported with its line number on stderr, and the evaluation goes on', () => {
        const result = segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids');
        expect(result.stderr).toContain('Data quality:\n  contacts.ndjson: 1 entry could not be read (skipped)\n    line 3: ');
        expect(result.stderr).toMatch(/values that could not be read as their type \(UNKNOWN\): age 1/);
        expect(result.status).toBe(0);
    });

    test('reads the same records from NDJSON, a JSON array and CSV (dotted headers as paths)', () => {
        const root = project();
        for (const data of ['contacts.ndjson', 'contacts.json', 'contacts.csv']) {
            expect(segment(root, 'eval', 'adults', '--data', data, '--now', NOW, '-f', 'ids').stdout).toBe('a\nc\n');
        }
        const csv = segment(root, 'eval', 'adults', '--data', 'contacts.csv', '--now', NOW, '-f', 'ndjson');
        expect(JSON.parse(csv.stdout.split('\n')[0]!)).toEqual({ id: 'a', age: '30', country: 'US', properties: { total: '10' } });
    });

    test('--format ndjson prints the member records as JSON lines', () => {
        const result = segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ndjson');
        expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
            { id: 'a', age: 30, country: 'US', properties: { total: 10 } },
            { id: 'c', age: '40', country: 'us' },
        ]);
    });

    test('--format csv prints the schema fields in schema order, read through their paths', () => {
        const result = segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'csv');
        expect(result.stdout).toBe('id,age,country,total\r\na,30,US,10\r\nc,40,us,\r\n');
    });

    test('--format table (the default) shows the key and the fields the segment reads, then the counts', () => {
        const result = segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW);
        expect(result.stdout).toBe(['id  age  country', '--  ---  -------', 'a   30   US', 'c   40   us', '', '2 members among 5 records', ''].join('\n'));
        expect(result.status).toBe(0);
    });

    test('--explain prints the funnel of every condition; with ids it goes to stderr', () => {
        const ids = segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids', '--explain');
        expect(ids.stdout).toBe('a\nc\n');
        const lines = ids.stderr.split('\n');
        expect(lines[0]).toMatch(/^condition +TRUE +TRUE +FALSE +UNKNOWN$/);
        expect(lines[1]).toMatch(/^where age >= 21 and country = "US" +█+ +2 +1 +2$/);
        expect(lines[2]).toMatch(/^ {2}age >= 21 +█+ +2 +1 +2$/);
        expect(lines[3]).toMatch(/^ {2}country = "US" +█+ +5 +0 +0$/);
        expect(ids.stderr).toContain('2 members among 5 records (40%)');
        const table = segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', NOW, '--explain');
        expect(table.stdout).toMatch(/2 members among 5 records\n\ncondition +TRUE/);
        expect(table.stderr).not.toContain('condition');
    });

    test('--events gives each record the events of its "contact" key; --now sets the window', () => {
        const events = [
            '{"contact":"a","event":"Purchased","at":"2026-02-27T10:00:00Z","amount":5}',
            '{"contact":"b","event":"Purchased","at":"2026-01-01T10:00:00Z","amount":5}',
            '{"contact":"zz","event":"Purchased","at":"2026-02-28T10:00:00Z"}',
            '{"event":"Purchased","at":"2026-02-28T10:00:00Z"}',
            '',
        ].join('\n');
        const root = project({ 'events.ndjson': events });
        const result = segment(root, 'eval', 'buyers', '--data', 'contacts.ndjson', '--events', 'events.ndjson', '--now', NOW, '-f', 'ids');
        expect(result.stdout).toBe('a\n');
        expect(result.stderr).toContain('1 event without a "contact" key (ignored)');
        expect(result.stderr).toContain('1 event for records not in the data');
        expect(segment(root, 'eval', 'buyers', '--data', 'contacts.ndjson', '--events', 'events.ndjson', '--now', '2026-01-03T00:00:00Z', '-f', 'ids').stdout).toBe('b\n');
    });

    test('a missing data file, an unknown extension or an invalid --now exits 2; a segment with errors exits 1', () => {
        const root = project({ 'typo.segment': UNKNOWN_FIELD, 'contacts.txt': 'x' });
        const missing = segment(project(), 'eval', 'adults', '--data', 'nope.ndjson');
        expect(missing.stderr).toBe('segment: no such file: nope.ndjson\n');
        expect(missing.status).toBe(2);
        const unknown = segment(project({ 'contacts.txt': 'x' }), 'eval', 'adults', '--data', 'contacts.txt');
        expect(unknown.stderr).toBe('segment: cannot tell the format of contacts.txt: name it .ndjson, .jsonl, .json or .csv\n');
        expect(unknown.status).toBe(2);
        const badNow = segment(project(), 'eval', 'adults', '--data', 'contacts.ndjson', '--now', 'yesterday');
        expect(badNow.stderr).toMatch(/^segment: .*yesterday/);
        expect(badNow.status).toBe(2);
        const errors = segment(root, 'eval', 'adults', '--data', 'contacts.ndjson');
        expect(errors.stdout).toBe('');
        expect(errors.stderr).toContain('typo.segment:3:5 error unknown-field');
        expect(errors.status).toBe(1);
    });

    test('a JSON file that is not an array exits 2 with a message naming it', () => {
        const result = segment(project({ 'one.json': '{"id": "a"}' }), 'eval', 'adults', '--data', 'one.json', '--now', NOW);
        expect(result.stderr).toBe("segment: one.json: not a JSON array: it starts with '{' (line 1)\n");
        expect(result.status).toBe(2);
    });
});
