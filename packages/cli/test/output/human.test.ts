import { describe, expect, test } from 'vitest';
import type { CliDiagnostic } from '../../src/diagnostics.js';
import { formatDiagnostic, formatHuman, formatSummary } from '../../src/output/human.js';

const base: CliDiagnostic = { file: 'a.segment', line: 12, column: 3, endLine: 12, endColumn: 6, severity: 'error', code: 'c', message: 'm', sourceLine: '\tx abc' };
const plain = { color: false };

describe('formatHuman', () => {
    test('the caret line keeps tabs so that it lines up, and the gutter fits the line number', () => {
        expect(formatDiagnostic(base, plain)).toBe('a.segment:12:3 error c m\n 12 | \tx abc\n    | \t ^^^\n');
    });

    test('a range over several lines is underlined to the end of its first line', () => {
        expect(formatDiagnostic({ ...base, endLine: 14, endColumn: 2 }, plain).split('\n')[2]).toBe('    | \t ^^^^');
    });

    test('an empty range gets one caret', () => {
        expect(formatDiagnostic({ ...base, endColumn: 3 }, plain).split('\n')[2]).toBe('    | \t ^');
    });

    test('the summary counts each severity and the files checked', () => {
        const d = (severity: CliDiagnostic['severity']): CliDiagnostic => ({ ...base, severity });
        expect(formatSummary({ diagnostics: [], fileCount: 12 }, plain)).toBe('No problems in 12 files');
        expect(formatSummary({ diagnostics: [d('error'), d('warning'), d('error')], fileCount: 3 }, plain)).toBe('2 errors, 1 warning in 3 files');
        expect(formatSummary({ diagnostics: [d('info'), d('info')], fileCount: 1 }, plain)).toBe('2 info in 1 file');
    });

    test('colours are ANSI escapes, only when asked for', () => {
        const report = { diagnostics: [base], fileCount: 1 };
        expect(formatHuman(report, plain)).not.toContain('\u001b[');
        expect(formatHuman(report, { color: true })).toContain('\u001b[31m');
    });
});
