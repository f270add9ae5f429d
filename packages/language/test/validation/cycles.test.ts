import { describe, expect, test } from 'vitest';
import { buildProject, checkWithContact, CONTACT_SCHEMA } from '../test-utils.js';
import { expectedIn, summaries } from './diagnostic-expectations.js';

describe('segment-cycle', () => {
    test('two segments of one file referring to each other: each reference is reported', async () => {
        const text = 'segment a { where in segment b }\nsegment b { where visits > 1 and in segment a }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expectedIn('segment-cycle', text, 'in segment b', 'b'), expectedIn('segment-cycle', text, 'in segment a', 'a')]);
        expect(diagnostics[0].message).toBe('`a` refers to itself: `a` → `b` → `a`.');
        expect(diagnostics[1].message).toBe('`b` refers to itself: `b` → `a` → `b`.');
    });

    test('a segment referring to itself', async () => {
        const text = 'segment loop { where visits > 1 or in segment loop }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([expectedIn('segment-cycle', text, 'in segment loop', 'loop')]);
        expect(diagnostics[0].message).toMatch(/`loop` refers to itself/);
    });

    test('a cycle across two files is reported in each file', async () => {
        const a = 'segment a { where in segment b }';
        const b = 'segment b {\n  where country = "US"\n  exclude in segment a\n}';
        const project = await buildProject({ '/p/contact.segment': CONTACT_SCHEMA, '/p/a.segment': a, '/p/b.segment': b });
        expect(summaries(project.diagnostics('/p/a.segment'))).toEqual([expectedIn('segment-cycle', a, 'in segment b', 'b')]);
        expect(summaries(project.diagnostics('/p/b.segment'))).toEqual([expectedIn('segment-cycle', b, 'in segment a', 'a')]);
        expect(project.diagnostics('/p/b.segment')[0].message).toMatch(/`b` → `a` → `b`/);
    });

    test('a longer cycle: every reference on it, not the ones leading into it', async () => {
        const text = 'segment entry { where in segment x }\nsegment x { where in segment y }\nsegment y { where in segment z }\nsegment z { where in segment x }';
        const { diagnostics } = await checkWithContact(text);
        expect(summaries(diagnostics)).toEqual([
            expectedIn('segment-cycle', text, 'in segment y', 'y'),
            expectedIn('segment-cycle', text, 'in segment z', 'z'),
            expectedIn('segment-cycle', text, 'in segment x', 'x', 2),
        ]);
    });

    test('near miss: a chain and a diamond have no cycle', async () => {
        const { codes } = await checkWithContact(
            'segment a { where in segment b and in segment c }\nsegment b { where in segment c }\nsegment c { where visits > 1 }',
        );
        expect(codes).toEqual([]);
    });
});

describe('calculated-field-cycle', () => {
    test('two calculated fields depending on each other are both reported, on their names', async () => {
        const text = 'schema Account key id {\n  id text\n  let a = b + 1\n  let b = a * 2\n}';
        const project = await buildProject({ '/p/account.segment': text });
        const diagnostics = project.diagnostics('/p/account.segment');
        expect(summaries(diagnostics)).toEqual([expectedIn('calculated-field-cycle', text, 'let a', 'a'), expectedIn('calculated-field-cycle', text, 'let b', 'b')]);
        expect(diagnostics[0].message).toBe('`a` depends on itself: `a` → `b` → `a`.');
    });

    test('a calculated field using itself', async () => {
        const text = 'schema Account key id {\n  id text\n  visits number\n  let score = score + visits\n}';
        const project = await buildProject({ '/p/account.segment': text });
        const diagnostics = project.diagnostics('/p/account.segment');
        expect(summaries(diagnostics)).toEqual([expectedIn('calculated-field-cycle', text, 'let score', 'score')]);
        expect(diagnostics[0].message).toMatch(/`score` → `score`/);
    });

    test('near miss: calculated fields built on one another without a cycle', async () => {
        const project = await buildProject({ '/p/account.segment': 'schema Account key id {\n  id text\n  visits number\n  let a = visits + 1\n  let b = a * 2\n  let c = a + b\n}' });
        expect(project.codes('/p/account.segment')).toEqual([]);
    });
});
