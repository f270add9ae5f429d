import { describe, expect, test } from 'vitest';
import { checkWithContact } from '../test-utils.js';
import { expected, summaries } from './diagnostic-expectations.js';

describe('unknown-function', () => {
    test('a misspelt function is reported on its name, with a did-you-mean', async () => {
        const text = 'segment s { where lowr(email) = "a@example.com" }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-function', text, 'lowr')]);
        expect(diagnostics[0].message).toBe('Unknown function `lowr`: did you mean `lower`?');
    });

    test('a function far from every built-in has no suggestion', async () => {
        const text = 'segment s { where frobnicate(email) = "x" }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('unknown-function', text, 'frobnicate')]);
        expect(diagnostics[0].message).toBe('Unknown function `frobnicate`.');
    });

    test('near miss: the built-ins, including `month` and `day` that are also time units', async () => {
        const { codes } = await checkWithContact(
            'segment s { where lower(email) = "a@example.com" and month(birthday) = month(today) and day(birthday) = 1 and age(birthday) >= 21 }',
        );
        expect(codes).toEqual([]);
    });
});

describe('wrong-arity', () => {
    test('too many arguments are reported on the call', async () => {
        const text = 'segment s { where lower(email, country) = "a" }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('wrong-arity', text, 'lower(email, country)')]);
        expect(diagnostics[0].message).toMatch(/`lower\(text\)` takes 1 argument, not 2/);
    });

    test('too few arguments, also for a variadic function', async () => {
        const text = 'segment s { where coalesce(email) = "a" and days_since() > 3 }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('wrong-arity', text, 'coalesce(email)'), expected('wrong-arity', text, 'days_since()')]);
        expect(diagnostics[0].message).toMatch(/at least 2 arguments, not 1/);
    });

    test('near miss: the right number of arguments, and more for a variadic function', async () => {
        const { codes } = await checkWithContact('segment s { where lower(email) = "a" and coalesce(email, first_name, country) = "x" }');
        expect(codes).toEqual([]);
    });
});
