import { describe, expect, test } from 'vitest';
import { fixture, segment } from '../cli-test-utils.js';

const SCHEMA = `schema Contact key id {
  id text
  age number
  event Visited { page text }
}
`;

const SEGMENTS = `segment adults of Contact {
  where
    age >= 21
}

segment visitors of Contact {
  where
    performed Visited within last 1 day
}
`;

const BEFORE = ['{"id":"a","age":30}', '{"id":"b","age":18}', '{"id":"c","age":40}', '{"id":"d","age":50}', ''].join('\n');
const AFTER = ['{"id":"a","age":30}', '{"id":"b","age":21}', '{"id":"c","age":20}', '{"id":"e","age":60}', ''].join('\n');

const NOW = '2026-03-01T12:00:00Z';

function project(): string {
    return fixture({ 'contact.segment': SCHEMA, 'segments.segment': SEGMENTS, 'before.ndjson': BEFORE, 'after.ndjson': AFTER });
}

describe('segment changes', () => {
    test('--format ids prints +KEY for entered (after order) and -KEY for exited (before order)', () => {
        const result = segment(project(), 'changes', 'adults', '--before', 'before.ndjson', '--after', 'after.ndjson', '--now', NOW, '-f', 'ids');
        expect(result.stdout).toBe('+b\n+e\n-c\n-d\n');
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
    });

    test('--format ndjson prints one change per line', () => {
        const result = segment(project(), 'changes', 'adults', '--before', 'before.ndjson', '--after', 'after.ndjson', '--now', NOW, '-f', 'ndjson');
        expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
            { change: 'entered', key: 'b' },
            { change: 'entered', key: 'e' },
            { change: 'exited', key: 'c' },
            { change: 'exited', key: 'd' },
        ]);
    });

    test('--format table (the default) lists both sides and the counts', () => {
        const result = segment(project(), 'changes', 'adults', '--before', 'before.ndjson', '--after', 'after.ndjson', '--now', NOW);
        expect(result.stdout).toBe(
            [
                'Entered (2)',
                '  + b',
                '  + e',
                'Exited (2)',
                '  - c',
                '  - d',
                '',
                '2 entered, 2 exited: 3 members among 4 records before, 3 members among 4 records after',
                '',
            ].join('\n'),
        );
    });

    test('each snapshot is evaluated at its own instant (--now-before, by default --now) with its own events', () => {
        const root = fixture({
            'contact.segment': SCHEMA,
            'segments.segment': SEGMENTS,
            'people.ndjson': '{"id":"a"}\n{"id":"b"}\n',
            'events.ndjson': '{"contact":"a","event":"Visited","at":"2026-02-28T20:00:00Z"}\n{"contact":"b","event":"Visited","at":"2026-03-01T08:00:00Z"}\n',
        });
        const args = ['changes', 'visitors', '--before', 'people.ndjson', '--after', 'people.ndjson', '--events-before', 'events.ndjson', '--events-after', 'events.ndjson', '-f', 'ids'];
        expect(segment(root, ...args, '--now', NOW).stdout).toBe('');
        expect(segment(root, ...args, '--now', '2026-03-02T06:00:00Z', '--now-before', NOW).stdout).toBe('-a\n');
    });

    test('a missing snapshot exits 2', () => {
        const result = segment(project(), 'changes', 'adults', '--before', 'before.ndjson', '--after', 'nope.ndjson');
        expect(result.stderr).toBe('segment: no such file: nope.ndjson\n');
        expect(result.status).toBe(2);
    });
});
