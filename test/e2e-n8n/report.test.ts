import { describe, expect, it } from 'vitest';
import { Report } from './report.ts';

describe('Report', () => {
    it('passes the same keys, whatever their order', () => {
        const lines: string[] = [];
        const report = new Report((line) => lines.push(line));
        expect(report.sameKeys('s', 'members', ['b', 'a'], new Set(['a', 'b']))).toBe(true);
        expect(lines).toEqual(['PASS s: members (2 key(s))']);
        expect(report.passed).toBe(true);
    });

    it('fails on a missing, an extra or a repeated key, and names them', () => {
        const report = new Report(() => undefined);
        expect(report.sameKeys('s', 'missing', ['a'], ['a', 'b'])).toBe(false);
        expect(report.sameKeys('s', 'extra', ['a', 'c'], ['a'])).toBe(false);
        expect(report.sameKeys('s', 'repeated', ['a', 'a'], ['a'])).toBe(false);
        expect(report.checks.map((check) => check.detail)).toEqual([
            'expected 2, got 1; missing 1: b; extra 0: ; repeated 0: ',
            'expected 1, got 2; missing 0: ; extra 1: c; repeated 0: ',
            'expected 1, got 2; missing 0: ; extra 0: ; repeated 1: a',
        ]);
        expect(report.passed).toBe(false);
        expect(report.summary().split('\n').at(-1)).toBe('0 passed, 3 failed');
    });

    it('does not pass a run without checks, and counts an error as a failed check', () => {
        const report = new Report(() => undefined);
        expect(report.passed).toBe(false);
        report.error('polling', new Error('n8n exited'));
        expect(report.checks).toEqual([{ scenario: 'polling', name: 'ran to completion', passed: false, detail: 'n8n exited' }]);
    });
});
