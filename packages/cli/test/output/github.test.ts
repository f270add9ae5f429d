import { describe, expect, test } from 'vitest';
import type { CliDiagnostic } from '../../src/diagnostics.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/output/github.js';

const base: CliDiagnostic = { file: 'a.segment', line: 1, column: 2, endLine: 3, endColumn: 4, severity: 'info', code: 'c', message: 'm', sourceLine: '' };

describe('formatGithub', () => {
    test('escapes %, CR and LF in messages, and also : and , in properties', () => {
        expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
        expect(escapeProperty('dir,x/a:b%.segment')).toBe('dir%2Cx/a%3Ab%25.segment');
    });

    test('info becomes a notice, and a file name is escaped as a property', () => {
        expect(formatGithub({ diagnostics: [{ ...base, file: 'a,b:c.segment', message: 'line 1\nline 2' }], fileCount: 1 })).toBe(
            '::notice file=a%2Cb%3Ac.segment,line=1,col=2,endLine=3,endColumn=4,title=c::line 1%0Aline 2\n',
        );
    });

    test('no diagnostics, no output', () => {
        expect(formatGithub({ diagnostics: [], fileCount: 3 })).toBe('');
    });
});
