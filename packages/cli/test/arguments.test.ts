import { describe, expect, test } from 'vitest';
import { commandUsage, mainUsage, parseCliArguments } from '../src/arguments.js';
import { UsageError } from '../src/cli-error.js';

function usageError(argv: string[]): UsageError {
    try {
        parseCliArguments(argv);
    } catch (error) {
        if (error instanceof UsageError) return error;
        throw error;
    }
    throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCliArguments', () => {
    test('check takes paths (default: the current folder) and a format (default: human)', () => {
        expect(parseCliArguments(['check'])).toEqual({ command: 'check', paths: ['.'], format: 'human' });
        expect(parseCliArguments(['check', 'a', 'b.segment', '--format', 'github'])).toEqual({ command: 'check', paths: ['a', 'b.segment'], format: 'github' });
        expect(parseCliArguments(['check', '-f', 'json'])).toEqual({ command: 'check', paths: ['.'], format: 'json' });
    });

    test('fmt takes paths and --check', () => {
        expect(parseCliArguments(['fmt'])).toEqual({ command: 'fmt', paths: ['.'], check: false });
        expect(parseCliArguments(['fmt', '--check', 'x'])).toEqual({ command: 'fmt', paths: ['x'], check: true });
    });

    test('compile takes one target, --segment, and --json (the default format)', () => {
        expect(parseCliArguments(['compile', 'a.segment'])).toEqual({ command: 'compile', target: 'a.segment', format: 'json' });
        expect(parseCliArguments(['compile', 'a.segment', '--segment', 's', '--json'])).toEqual({ command: 'compile', target: 'a.segment', segment: 's', format: 'json' });
    });

    test('eval takes targets, --data (required) and its options; the format is table by default', () => {
        expect(parseCliArguments(['eval', 'adults', '--data', 'c.ndjson'])).toEqual({ command: 'eval', targets: ['adults'], data: 'c.ndjson', format: 'table', explain: false, trace: [] });
        expect(parseCliArguments(['eval', 'adults', 'segments/', '-d', 'c.ndjson'])).toEqual({ command: 'eval', targets: ['adults', 'segments/'], data: 'c.ndjson', format: 'table', explain: false, trace: [] });
        expect(
            parseCliArguments(['eval', 'a.segment', '-s', 'adults', '-d', 'c.csv', '-e', 'e.ndjson', '--now', '2026-01-01T00:00:00Z', '--tz', 'Europe/Paris', '-f', 'ids', '--explain']),
        ).toEqual({
            command: 'eval',
            targets: ['a.segment'],
            segment: 'adults',
            data: 'c.csv',
            events: 'e.ndjson',
            now: '2026-01-01T00:00:00Z',
            timezone: 'Europe/Paris',
            format: 'ids',
            explain: true,
            trace: [],
        });
        expect(parseCliArguments(['eval', 'adults', '-d', 'c.ndjson', '--trace', 'c-2', '--trace', 'c-1', '--trace', 'c-2'])).toMatchObject({ trace: ['c-2', 'c-1'] });
    });

    test('changes takes targets, --before and --after (required) and its options', () => {
        expect(parseCliArguments(['changes', 'adults', '--before', 'a.json', '--after', 'b.json'])).toEqual({ command: 'changes', targets: ['adults'], before: 'a.json', after: 'b.json', format: 'table' });
        expect(parseCliArguments(['changes', 'examples', '--before', 'a', '--after', 'b', '--limit', '5'])).toEqual({
            command: 'changes',
            targets: ['examples'],
            before: 'a',
            after: 'b',
            format: 'table',
            limit: 5,
        });
        expect(
            parseCliArguments(['changes', 'adults', '--before', 'a', '--after', 'b', '--events-before', 'ea', '--events-after', 'eb', '--now', 'n', '--now-before', 'nb', '--tz', 'UTC', '-f', 'ndjson']),
        ).toEqual({ command: 'changes', targets: ['adults'], before: 'a', after: 'b', eventsBefore: 'ea', eventsAfter: 'eb', now: 'n', nowBefore: 'nb', timezone: 'UTC', format: 'ndjson' });
    });

    test('help and version', () => {
        expect(parseCliArguments(['--help'])).toEqual({ command: 'help', text: mainUsage });
        expect(parseCliArguments(['-h'])).toEqual({ command: 'help', text: mainUsage });
        expect(parseCliArguments(['fmt', '-h'])).toEqual({ command: 'help', text: commandUsage.fmt });
        expect(parseCliArguments(['--version'])).toEqual({ command: 'version' });
    });

    test('what it does not understand is a usage error carrying the usage to print', () => {
        expect(usageError([])).toMatchObject({ message: 'no command given', usage: mainUsage });
        expect(usageError(['lint'])).toMatchObject({ message: "unknown command 'lint'", usage: mainUsage });
        expect(usageError(['--quiet'])).toMatchObject({ message: "unknown option '--quiet'", usage: mainUsage });
        expect(usageError(['check', '--quiet'])).toMatchObject({ message: "Unknown option '--quiet'", usage: commandUsage.check });
        expect(usageError(['check', '--format', 'xml']).message).toBe("unknown format 'xml' (expected human, json, github)");
        expect(usageError(['check', '--format']).usage).toBe(commandUsage.check);
        expect(usageError(['compile']).message).toBe('compile needs a file or a segment name');
        expect(usageError(['compile', 'a', 'b']).message).toBe('compile takes one file or segment name');
        expect(usageError(['fmt', '--check=yes']).usage).toBe(commandUsage.fmt);
        expect(usageError(['eval', 'adults']).message).toBe('eval needs --data <file>');
        expect(usageError(['eval', '--data', 'x.csv']).message).toBe('eval needs a file, a folder or a segment name');
        expect(usageError(['eval', 'a', '--data', 'x.csv', '--format', 'json']).message).toBe("unknown format 'json' (expected table, ndjson, csv, ids)");
        expect(usageError(['changes', 'a', '--before', 'x.csv']).message).toBe('changes needs --after <file>');
        for (const limit of ['0', '-1', '2.5', 'ten']) {
            expect(usageError(['changes', 'a', '--before', 'x', '--after', 'y', `--limit=${limit}`]).message).toBe(`--limit takes a positive whole number, not '${limit}'`);
        }
        expect(usageError(['changes', 'a', '--before', 'x', '--after', 'y', '-f', 'csv']).message).toBe("unknown format 'csv' (expected table, ndjson, ids)");
    });
});
