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
    });
});
