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

const SEGMENTS = {
    'segments/a-adults.segment': 'segment adults "Adults" of Contact {\n  where\n    age >= 21\n}\n',
    'segments/b-us.segment': 'segment us_contacts of Contact {\n  where\n    country = "US"\n}\n',
    'segments/c-visitors.segment': 'segment visitors "Visitors" of Contact {\n  where\n    performed Visited within last 1 day\n}\n',
};

/** At NOW: adults {a, c}, us_contacts {a, b, d}, visitors {a}. */
const BEFORE = [
    '{"id":"a","age":30,"country":"US","events":[{"event":"Visited","at":"2026-03-01T08:00:00Z"}]}',
    '{"id":"b","age":18,"country":"US"}',
    '{"id":"c","age":40,"country":"FR"}',
    '{"id":"d","age":"old","country":"US"}',
    '',
].join('\n');

/**
 * A day later (NEXT): b turned 21, c is gone, d moved to Canada, f is new (and visited); a's visit
 * is now more than a day old. So adults {a, b, f}, us_contacts {a, b, f}, visitors {f}.
 */
const AFTER = [
    '{"id":"a","age":30,"country":"US","events":[{"event":"Visited","at":"2026-03-01T08:00:00Z"}]}',
    '{"id":"b","age":21,"country":"US"}',
    '{"id":"d","age":"old","country":"CA"}',
    '{"id":"f","age":50,"country":"US","events":[{"event":"Visited","at":"2026-03-02T10:00:00Z"}]}',
    '',
].join('\n');

const NOW = '2026-03-01T12:00:00Z';
const NEXT = '2026-03-02T12:00:00Z';

function project(): string {
    return fixture({ 'segment.config.json': '{}\n', 'contact.segment': SCHEMA, ...SEGMENTS, 'before.ndjson': BEFORE, 'after.ndjson': AFTER });
}

async function changes(...options: string[]) {
    const io = memoryIo(project());
    const status = await runCli(['changes', 'segments', '--before', 'before.ndjson', '--after', 'after.ndjson', '--now-before', NOW, '--now', NEXT, ...options], io);
    return { status, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('segment changes with a folder or several segments', () => {
    test('each segment counts and lists who entered and who exited, then a summary table', async () => {
        const result = await changes();
        expect(result.stdout).toBe(
            [
                'Changes of 3 segments',
                '  from 4 contacts of before.ndjson at 2026-03-01T12:00:00Z',
                '  to   4 contacts of after.ndjson at 2026-03-02T12:00:00Z',
                '',
                'adults:      +2 −1  (2 → 3)',
                '  entered: b, f',
                '  exited:  c',
                'us_contacts: +1 −1  (3 → 3)',
                '  entered: f',
                '  exited:  d',
                'visitors:    +1 −1  (1 → 1)',
                '  entered: f',
                '  exited:  a',
                '',
                'segment      before  after  entered  exited',
                '-----------  ------  -----  -------  ------',
                'adults            2      3        2       1',
                'us_contacts       3      3        1       1',
                'visitors          1      1        1       1',
                '',
            ].join('\n'),
        );
        const unreadable = '  values that could not be read as their type (UNKNOWN): age 1\n';
        expect(result.stderr).toBe(`Data quality of before.ndjson:\n${unreadable}Data quality of after.ndjson:\n${unreadable}`);
        expect(result.status).toBe(0);
    });

    test('--limit caps the keys listed per side', async () => {
        const result = await changes('--limit', '1');
        expect(result.stdout).toContain('adults:      +2 −1  (2 → 3)\n  entered: b and 1 more\n  exited:  c\n');
    });

    test('--format ids prints SEGMENT<TAB>+KEY and SEGMENT<TAB>-KEY; ndjson names the segment', async () => {
        expect((await changes('-f', 'ids')).stdout).toBe('adults\t+b\nadults\t+f\nadults\t-c\nus_contacts\t+f\nus_contacts\t-d\nvisitors\t+f\nvisitors\t-a\n');
        const ndjson = (await changes('-f', 'ndjson')).stdout.trimEnd().split('\n');
        expect(ndjson.map((line) => JSON.parse(line))[0]).toEqual({ segment: 'adults', change: 'entered', key: 'b' });
        expect(ndjson).toHaveLength(7);
    });

    test('a segment without changes still has its line and its row', async () => {
        const io = memoryIo(project());
        await runCli(['changes', 'adults', 'us_contacts', '--before', 'before.ndjson', '--after', 'before.ndjson', '--now', NOW], io);
        expect(io.out.join('')).toContain('adults:      +0 −0  (2 → 2)\nus_contacts: +0 −0  (3 → 3)\n\n');
        expect(io.out.join('')).toContain('\nus_contacts       3      3        0       0\n');
    });
});
