import { describe, expect, test } from 'vitest';
import { checkWithContact } from '../test-utils.js';
import { expected, summaries } from './diagnostic-expectations.js';

/** Builds a segment testing `email` against a pattern, written as it appears in the source. */
const matching = (pattern: string): string => `segment s {\n  where email matches ${pattern}\n}`;

describe('invalid-regex', () => {
    test('a pattern with a syntax error is reported on the pattern', async () => {
        const text = matching('"[a-z"');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('invalid-regex', text, '"[a-z"')]);
        expect(diagnostics[0].message).toMatch(/not a valid regular expression/);
    });

    test('a back-reference is not portable', async () => {
        const text = matching(String.raw`"(a)\\1"`);
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('invalid-regex', text, String.raw`"(a)\\1"`)]);
        expect(diagnostics[0].message).toMatch(/back-reference/);
    });

    test.each([['"(?=a)"'], ['"(?!a)b"'], ['"(?<=a)b"'], ['"(?<!a)b"']])('look-around is not linear-time: %s', async (pattern) => {
        const text = matching(pattern);
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('invalid-regex', text, pattern)]);
        expect(diagnostics[0].message).toMatch(/look-ahead and look-behind/);
    });

    test('a pattern that is not a string literal', async () => {
        const text = matching('first_name');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('invalid-regex', text, 'first_name')]);
        expect(diagnostics[0].message).toMatch(/string literal/);
    });

    test('near miss: a valid pattern of the portable subset, escapes and classes included', async () => {
        const { codes } = await checkWithContact(matching(String.raw`"^[a-z0-9._]+@acme\\.com$"`));
        expect(codes).toEqual([]);
        const classes = await checkWithContact(matching(String.raw`"^[(|]+\\(x+\\)$"`));
        expect(classes.codes).toEqual([]);
    });
});

describe('unsafe-regex', () => {
    test('nested repetition is reported on the pattern, as a warning', async () => {
        const text = matching('"^(a+)+$"');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unsafe-regex', text, '"^(a+)+$"')]);
        expect(diagnostics[0].message).toMatch(/Slow pattern/);
    });

    test.each([['"(a*)*"'], ['"(a|a)*"'], ['"([a-z]+)*@x"'], ['"(x+x+)+y"'], ['"(a+){2,}"']])('nested or overlapping repetition: %s', async (pattern) => {
        const { codes } = await checkWithContact(matching(pattern));
        expect(codes).toEqual(['unsafe-regex']);
    });

    test.each([['"a+b+"'], ['"(ab)+"'], ['"(a|b)*"'], ['"^[a-z]+@[a-z]+\\\\.com$"'], ['"(a+)"']])('near miss: %s', async (pattern) => {
        const { codes } = await checkWithContact(matching(pattern));
        expect(codes).toEqual([]);
    });
});
