import { describe, expect, test } from 'vitest';
import { parseText } from './parsing-helpers.js';

/** The syntax errors of a text, as `[startLine, startChar, endLine, endChar, message]` (0-based). */
async function syntaxErrors(text: string): Promise<Array<[number, number, number, number, string]>> {
    const { diagnostics } = await parseText(text);
    return diagnostics
        .filter((d) => d.code === 'syntax-error')
        .map((d) => {
            expect(d.severity).toBe(1);
            return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, String(d.message)];
        });
}

describe('syntax errors', () => {
    test('missing `where` points at the first token of the condition', async () => {
        expect(await syntaxErrors('segment s of Contact {\n  visits > 1\n}')).toEqual([[1, 2, 1, 8, 'Expected `where` but found a name `visits`.']]);
    });

    test('an unclosed parenthesis points at the token found instead of `)`', async () => {
        expect(await syntaxErrors('segment s of Contact {\n  where (visits > 1\n}')).toEqual([[2, 0, 2, 1, 'Expected `)` but found `}`.']]);
    });

    test('an unclosed string is reported at its opening quote', async () => {
        const errors = await syntaxErrors('segment s of Contact {\n  where email = "abc\n}');
        expect(errors[0]).toEqual([1, 16, 1, 17, 'unexpected character `"`']);
    });

    test('an unclosed string at the end of the file', async () => {
        const text = 'segment s of Contact { where email = "abc';
        const errors = await syntaxErrors(text);
        expect(errors[0]).toEqual([0, 37, 0, 38, 'unexpected character `"`']);
        for (const [line, start, , end] of errors) {
            expect(line).toBe(0);
            expect(start).toBeLessThanOrEqual(text.length);
            expect(end).toBeLessThanOrEqual(text.length);
        }
    });

    test('a stray closing parenthesis', async () => {
        expect(await syntaxErrors('segment s of Contact { where visits > 1 ) }')).toEqual([[0, 40, 0, 41, 'Expected `}` but found `)`.']]);
    });

    test('a character the language does not have', async () => {
        const errors = await syntaxErrors('segment s of Contact { where visits > 1 % 2 }');
        expect(errors[0]).toEqual([0, 40, 0, 41, 'unexpected character `%`']);
    });

    test('a hard keyword where a name is expected', async () => {
        const errors = await syntaxErrors('segment and of Contact { where visits > 1 }');
        expect(errors.length).toBeGreaterThan(0);
        expect(errors[0]?.slice(0, 4)).toEqual([0, 8, 0, 11]);
    });

    test('a hard keyword where a name is expected: the message is one short line naming the keyword, and how to quote it', async () => {
        const errors = await syntaxErrors('segment and of Contact { where visits > 1 }');
        expect(errors[0]?.[4]).toBe('Expected a name but found the keyword `and` (write a name that is a keyword between backticks).');
    });

    test('a missing condition is named as such, not as the sixty tokens a condition may start with', async () => {
        expect((await syntaxErrors('segment s of Contact { where }'))[0]?.[4]).toBe('Expected a condition (such as `total_spent > 100`) but found `}`.');
        expect((await syntaxErrors('segment s of Contact { where visits > 1 and'))[0]?.[4]).toBe('Expected a condition (such as `total_spent > 100`) but found the end of the file.');
    });

    test('a missing type names the types', async () => {
        expect((await syntaxErrors('schema C key id { id }'))[0]?.[4]).toBe('Expected a type (text, number, boolean, date, datetime, list of …, one of (…)) but found `}`.');
    });

    test('text after the last declaration asks for a declaration', async () => {
        expect((await syntaxErrors('schema C key id { id text } }'))[0]?.[4]).toBe('Expected a declaration (schema, segment or list) but found `}`.');
    });

    test('other choices are listed, at most six, on one line', async () => {
        const message = (await syntaxErrors('segment s of Contact { where visits > 1 } list l of Contact from "x.csv" by'))[0]?.[4];
        expect(message).not.toContain('\n');
        expect(message).toMatch(/^Expected .* but found the end of the file\.$/);
    });

    test('a predicate cannot follow another without `and`', async () => {
        const errors = await syntaxErrors('segment s of Contact { where visits > 1 visits > 2 }');
        expect(errors[0]?.slice(0, 4)).toEqual([0, 40, 0, 46]);
    });
});
