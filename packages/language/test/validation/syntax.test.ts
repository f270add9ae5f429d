import { describe, expect, test } from 'vitest';
import { checkWithContact } from '../test-utils.js';
import { expected, summaries } from './diagnostic-expectations.js';

describe('syntax-error', () => {
    test('a setting after `where` is reported on the token the parser did not expect', async () => {
        const text = `segment s {
  where country = "US"
  description "US contacts"
}`;
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('syntax-error', text, 'description')]);
        expect(diagnostics[0].message).toMatch(/Expected `}` but found `description`/);
    });

    test('single quotes are unexpected characters, each reported on itself', async () => {
        const text = `segment s { where country = 'US' }`;
        const { diagnostics } = await checkWithContact(text);
        const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
        expect(summaries(syntax)).toEqual([expected('syntax-error', text, "'"), expected('syntax-error', text, "'", 2)]);
        expect(syntax[0].message).toBe("unexpected character `'`");
    });

    test('a condition cut off after `and`', async () => {
        const text = `segment s { where country = "US" and }`;
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('syntax-error', text, '}')]);
        expect(diagnostics[0].message).toBe('Expected a condition (such as `total_spent > 100`) but found `}`.');
    });

    test('near miss: settings before `where`, in any order, and double-quoted strings parse', async () => {
        const { codes } = await checkWithContact(`segment s {
  timezone "Europe/Paris"
  description "US contacts"
  where country = "US"
}`);
        expect(codes).toEqual([]);
    });
});
