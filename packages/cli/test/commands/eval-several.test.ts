import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli.js';
import { fixture, memoryIo } from '../cli-test-utils.js';

const SCHEMA = `schema Contact key id {
  id text
  age number
  country text
  event Visited { page text }
}
`;

/** One segment per file, so that the folder's order (by file path) is adults, us_contacts, visitors. */
const SEGMENTS = {
    'segments/a-adults.segment': 'segment adults "Adults" of Contact {\n  where\n    age >= 21\n}\n',
    'segments/b-us.segment': 'segment us_contacts of Contact {\n  where\n    country = "US"\n}\n',
    'segments/c-visitors.segment': 'segment visitors "Visitors" of Contact {\n  where\n    performed Visited within last 1 day\n}\n',
};

/**
 * At NOW: a (30, US, visited 4 hours ago) is in all three; b (18, US) in us_contacts; c (40, FR,
 * visited 9 days ago) in adults; d (an unreadable age, US) in us_contacts, UNKNOWN for adults.
 */
const CONTACTS = [
    '{"id":"a","age":30,"country":"US","events":[{"event":"Visited","at":"2026-03-01T08:00:00Z"}]}',
    '{"id":"b","age":18,"country":"US"}',
    '{"id":"c","age":40,"country":"FR","events":[{"event":"Visited","at":"2026-02-20T08:00:00Z"}]}',
    '{"id":"d","age":"old","country":"US"}',
    '',
].join('\n');

const NOW = '2026-03-01T12:00:00Z';

function project(files: Record<string, string> = {}): string {
    return fixture({ 'segment.config.json': '{}\n', 'contact.segment': SCHEMA, ...SEGMENTS, 'contacts.ndjson': CONTACTS, ...files });
}

async function run(root: string, ...args: string[]) {
    const io = memoryIo(root);
    const status = await runCli(args, io);
    return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('segment eval with a folder or several segments', () => {
    test('a folder: every segment under it, in file order, with its size, in one pass', async () => {
        const result = await run(project(), 'eval', 'segments', '--data', 'contacts.ndjson', '--now', NOW);
        expect(result.stdout).toBe(
            [
                '3 segments on 4 contacts of contacts.ndjson at 2026-03-01T12:00:00Z',
                '',
                'adults "Adults"      2 of 4 contacts (50%)',
                'us_contacts          3 of 4 contacts (75%)',
                'visitors "Visitors"  1 of 4 contacts (25%)',
                '',
            ].join('\n'),
        );
        expect(result.stderr).toBe('Data quality:\n  values that could not be read as their type (UNKNOWN): age 1\n');
        expect(result.status).toBe(0);
    });

    test('--explain puts each segment funnel under its header, in columns common to all', async () => {
        const result = await run(project(), 'eval', '.', '--data', 'contacts.ndjson', '--now', NOW, '--explain');
        const lines = result.stdout.split('\n');
        expect(lines[2]).toMatch(/^ {2}condition +TRUE +TRUE +FALSE +UNKNOWN$/);
        expect(lines.slice(3, 9)).toEqual([
            expect.stringMatching(/^adults "Adults" +2 of 4 contacts \(50%\)$/),
            expect.stringMatching(/^ {2}where age >= 21 +█{7} +2 +1 +1$/),
            expect.stringMatching(/^us_contacts +3 of 4 contacts \(75%\)$/),
            expect.stringMatching(/^ {2}where country = "US" +█{10}▌ +3 +1 +0$/),
            expect.stringMatching(/^visitors "Visitors" +1 of 4 contacts \(25%\)$/),
            expect.stringMatching(/^ {2}where performed Visited within last 1 day +███▌ +1 +3 +0$/),
        ]);
        const columns = lines.slice(4, 9).filter((line) => line.startsWith('  where')).map((line) => line.search(/█/));
        expect(new Set(columns).size).toBe(1);
    });

    test('--format ids prints SEGMENT<TAB>KEY for each member of each segment, record by record', async () => {
        const result = await run(project(), 'eval', 'segments', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids');
        expect(result.stdout).toBe('adults\ta\nus_contacts\ta\nvisitors\ta\nus_contacts\tb\nadults\tc\nus_contacts\td\n');
        expect(result.stderr).toBe('Data quality:\n  values that could not be read as their type (UNKNOWN): age 1\n');
        const ndjson = await run(project(), 'eval', 'segments', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ndjson');
        expect(ndjson.stdout.split('\n')[0]).toBe('{"segment":"adults","key":"a"}');
    });

    test('several names (or files) are evaluated in the order given; one file is still one segment', async () => {
        const root = project();
        const names = await run(root, 'eval', 'visitors', 'segments/a-adults.segment', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids');
        expect(names.stdout).toBe('visitors\ta\nadults\ta\nadults\tc\n');
        const one = await run(root, 'eval', 'segments/a-adults.segment', '--data', 'contacts.ndjson', '--now', NOW, '-f', 'ids');
        expect(one.stdout).toBe('a\nc\n');
    });

    test('what a set of segments cannot do exits 2', async () => {
        const root = project({ 'account.segment': 'schema Account key id {\n  id text\n}\n\nsegment accounts of Account {\n  where\n    id is set\n}\n' });
        const schemas = await run(root, 'eval', '.', '--data', 'contacts.ndjson', '--now', NOW);
        expect(schemas.stderr).toBe('segment: the segments are of several schemas (Account, Contact), and a data file holds the records of one: name the segments of one schema\n');
        expect(schemas.status).toBe(2);
        const csv = await run(root, 'eval', 'segments', '--data', 'contacts.ndjson', '-f', 'csv');
        expect(csv.stderr).toBe('segment: --format csv takes one segment: with several, use ids or ndjson\n');
        const segmentOption = await run(root, 'eval', 'segments', '--data', 'contacts.ndjson', '--segment', 'adults');
        expect(segmentOption.stderr).toBe('segment: --segment applies to one file, not to a folder or several targets\n');
        const empty = await run(project({ 'empty/readme.segment': '' }), 'eval', 'empty', '--data', 'contacts.ndjson');
        expect(empty.stderr).toBe('segment: no segment in the files under empty\n');
        expect(empty.status).toBe(2);
    });
});
