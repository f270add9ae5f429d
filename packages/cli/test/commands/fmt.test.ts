import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADULTS, fixture, SCHEMA, segment } from '../cli-test-utils.js';

const MESSY = 'SEGMENT adults OF Contact { WHERE age >= 21 }\n';

describe('segment fmt', () => {
    test('--check lists what is not formatted and exits 1; fmt formats it; then --check exits 0', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'segments/adults.segment': MESSY });
        const file = join(root, 'segments/adults.segment');

        const check = segment(root, 'fmt', '--check');
        expect(check.stdout).toBe('segments/adults.segment\n');
        expect(check.stderr).toBe('1 of 2 files not formatted (run `segment fmt`)\n');
        expect(check.status).toBe(1);
        expect(readFileSync(file, 'utf8')).toBe(MESSY);

        const fmt = segment(root, 'fmt');
        expect(fmt.stdout).toBe('segments/adults.segment\n');
        expect(fmt.stderr).toBe('Formatted 1 of 2 files\n');
        expect(fmt.status).toBe(0);
        expect(readFileSync(file, 'utf8')).toBe(ADULTS);

        const recheck = segment(root, 'fmt', '--check');
        expect(recheck.stdout).toBe('');
        expect(recheck.stderr).toBe('2 files checked, all formatted\n');
        expect(recheck.status).toBe(0);
    });

    test('formatting twice changes nothing the second time', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'adults.segment': MESSY });
        segment(root, 'fmt');
        const once = readFileSync(join(root, 'adults.segment'), 'utf8');
        const again = segment(root, 'fmt');
        expect(again.stdout).toBe('');
        expect(readFileSync(join(root, 'adults.segment'), 'utf8')).toBe(once);
    });

    test('only the given paths are formatted', () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'a/adults.segment': MESSY, 'b/adults.segment': MESSY.replace('adults', 'others') });
        expect(segment(root, 'fmt', 'a').stdout).toBe('a/adults.segment\n');
        expect(readFileSync(join(root, 'b/adults.segment'), 'utf8')).toBe(MESSY.replace('adults', 'others'));
    });

    test('a file with syntax errors is reported with its diagnostics, left alone, and exits 1', () => {
        const broken = 'segment adults of Contact {\n  where age >\n';
        const root = fixture({ 'contact.segment': SCHEMA, 'adults.segment': broken });
        for (const args of [['fmt'], ['fmt', '--check']]) {
            const result = segment(root, ...args);
            expect(result.stderr).toMatch(/^adults\.segment:2:\d+ error syntax-error /);
            expect(result.stderr).toContain('1 with syntax errors');
            expect(result.stdout).toBe('');
            expect(result.status).toBe(1);
            expect(readFileSync(join(root, 'adults.segment'), 'utf8')).toBe(broken);
        }
    });

    test('a missing path exits 2', () => {
        const result = segment(fixture({}), 'fmt', 'gone.segment');
        expect(result.stderr).toBe('segment: no such file or directory: gone.segment\n');
        expect(result.status).toBe(2);
    });

    test('an unknown flag exits 2', () => {
        const result = segment(fixture({}), 'fmt', '--write');
        expect(result.stderr).toContain('Usage: segment fmt');
        expect(result.status).toBe(2);
    });
});
