import { describe, expect, test } from 'vitest';
import { buildProject, checkWithContact, CONTACT_SCHEMA } from '../test-utils.js';
import { expected, expectedIn, summaries } from './diagnostic-expectations.js';

/** `n` distinct, compatible conditions joined by `and`. */
const conditions = (n: number, from = 1): string =>
    Array.from({ length: n }, (_, i) => `visits > ${from + i}`).join('\n    and ');

describe('too-many-conditions', () => {
    test('21 conditions draw a warning on the segment name', async () => {
        const text = `segment crowded {\n  where ${conditions(21)}\n}`;
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expectedIn('too-many-conditions', text, 'segment crowded', 'crowded')]);
        expect(diagnostics[0].message).toMatch(/\b21\b/);
        expect(diagnostics[0].message).toMatch(/\b20\b/);
    });

    test('the conditions of `exclude` count too', async () => {
        const text = `segment crowded {\n  where ${conditions(20)}\n  exclude country = "US"\n}`;
        const { codes } = await checkWithContact(text);
        expect(codes).toEqual(['too-many-conditions']);
    });

    test('near miss: 20 conditions are fine', async () => {
        const { codes } = await checkWithContact(`segment s {\n  where ${conditions(20)}\n}`);
        expect(codes).toEqual([]);
    });

    test("near miss: a `performed` with its own `where` counts as one condition, as do `in segment`, `in list` and a boolean field", async () => {
        const text = `segment s {
  where ${conditions(16)}
    and performed Purchased where (amount > 5 and product = "Shoes" and amount < 100)
    and in segment other
    and in list vip
    and welcome_email_sent
}
segment other { where visits > 1 }
list vip of Contact from "vip.csv" by email`;
        const { codes } = await checkWithContact(text, { '/p/vip.csv': 'email\n' });
        expect(codes).toEqual([]);
    });

    test('the limit comes from segment.config.json', async () => {
        const four = `segment four {\n  where ${conditions(4)}\n}`;
        const three = `segment t {\n  where ${conditions(3)}\n}`;
        const project = await buildProject({
            '/p/segment.config.json': '{ "limits": { "maxConditions": 3 } }',
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/four.segment': four,
            '/p/three.segment': three,
        });
        const diagnostics = project.diagnostics('/p/four.segment');
        expect(summaries(diagnostics)).toEqual([expectedIn('too-many-conditions', four, 'segment four', 'four')]);
        expect(diagnostics[0].message).toMatch(/\b4\b/);
        expect(diagnostics[0].message).toMatch(/\b3\b/);
        expect(project.codes('/p/three.segment')).toEqual([]);
    });
});

describe('too-deep', () => {
    /** Six levels: `where` is level 1, each parenthesised group adds one. */
    const sixLevels = `segment nested {
  where visits > 0 and (visits > 1 or (visits > 2 and (visits > 3 or (visits > 4 and (visits > 5 or visits > 6)))))
}`;

    test('6 levels draw a warning on the first group deeper than the limit', async () => {
        const { diagnostics } = await checkWithContact(sixLevels);
        expect(summaries(diagnostics)).toEqual([expected('too-deep', sixLevels, '(visits > 5 or visits > 6)')]);
        expect(diagnostics[0].message).toMatch(/\b6\b/);
        expect(diagnostics[0].message).toMatch(/\b5\b/);
    });

    test('deeper still, only the first group past the limit is reported', async () => {
        const text = sixLevels.replace('(visits > 5 or visits > 6)', '(visits > 5 or (visits > 6 and (visits > 7 or visits > 8)))');
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expected('too-deep', text, '(visits > 5 or (visits > 6 and (visits > 7 or visits > 8)))')]);
    });

    test('near miss: 5 levels are fine, and parentheses of arithmetic add no level', async () => {
        const text = `segment s {
  where visits > 0 and (visits > 1 or (visits > 2 and (visits > 3 or (visits > 4 and ((visits + 1) * 2) > 5))))
}`;
        const { codes } = await checkWithContact(text);
        expect(codes).toEqual([]);
    });

    test('the limit comes from segment.config.json', async () => {
        const text = 'segment s {\n  where visits > 0 and (visits > 1 or (visits > 2 and visits > 3))\n}';
        const project = await buildProject({
            '/p/segment.config.json': '{ "limits": { "maxDepth": 2 } }',
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/s.segment': text,
        });
        expect(summaries(project.diagnostics('/p/s.segment'))).toEqual([expected('too-deep', text, '(visits > 2 and visits > 3)')]);
    });
});
