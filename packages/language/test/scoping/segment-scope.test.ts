import { describe, expect, test } from 'vitest';
import { buildProject, checkWithContact, CONTACT_SCHEMA } from '../test-utils.js';

describe('scoping', () => {
    test('resolves fields, lets, events, properties and `at`', async () => {
        const { codes } = await checkWithContact(`
segment s of Contact {
  where average_order_value > 5 and performed Purchased where (amount > 5 and at after 2026-01-01)
    and sum(Purchased.amount within last 30 days where product = "x") > 5
}`);
        expect(codes).toEqual([]);
    });

    test('names resolve across files of one project, not across projects', async () => {
        const project = await buildProject({
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/a.segment': 'segment a { where in segment b }',
            '/p/b.segment': 'segment b { where country = "US" }',
            '/p/nested/segment.config.json': '{}',
            '/p/nested/c.segment': 'segment c { where in segment b }',
        });
        expect(project.codes('/p/a.segment')).toEqual([]);
        expect(project.codes('/p/nested/c.segment').sort()).toEqual(['missing-schema', 'unknown-segment']);
    });

    test('unknown names suggest the closest one', async () => {
        const { diagnostics } = await checkWithContact('segment s { where total_spnt > 5 }');
        expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['unknown-field', 'Unknown field `total_spnt` in this schema: did you mean `total_spent`?']]);
    });
});
