import { describe, expect, test } from 'vitest';
import { compileInMemory, InMemoryProjectError } from '../../src/index.js';

const SCHEMA = 'schema Contact key id {\n  id text\n  total_spent number\n}\n';

describe('compileInMemory', () => {
    test('compiles every segment of the texts into its bundle, with the project configuration applied', async () => {
        const bundles = await compileInMemory({
            '/p/segment.config.json': '{ "timezone": "Europe/Paris" }',
            '/p/contact.segment': SCHEMA,
            '/p/segments.segment': 'segment big of Contact { where total_spent > 100 }\nsegment bigger of Contact { where in segment big and total_spent > 1000 }\n',
        });
        expect([...bundles.keys()]).toEqual(['big', 'bigger']);
        expect(bundles.get('big')!.segment.timezone).toBe('Europe/Paris');
        expect(Object.keys(bundles.get('bigger')!.segments)).toEqual(['big']);
    });

    test('a text with errors gives no bundle but every error, with its file and line', async () => {
        const compiling = compileInMemory({ '/p/contact.segment': SCHEMA, '/p/s.segment': 'segment s of Contact {\n  where total_spnt > 100\n}\n' });
        await expect(compiling).rejects.toBeInstanceOf(InMemoryProjectError);
        await expect(compiling).rejects.toMatchObject({ errors: [{ file: '/p/s.segment', line: 2, code: 'unknown-field' }] });
    });
});
