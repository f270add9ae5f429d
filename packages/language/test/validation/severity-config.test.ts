import { describe, expect, test } from 'vitest';
import { buildProject, CONTACT_SCHEMA } from '../test-utils.js';
import { byPosition, expected } from './diagnostic-expectations.js';

const text = 'segment s {\n  where visits > 10 and visits < 5 or country = null\n}';

async function diagnosticsWith(config?: string) {
    const project = await buildProject({
        '/p/contact.segment': CONTACT_SCHEMA,
        '/p/s.segment': text,
        ...(config === undefined ? {} : { '/p/segment.config.json': config }),
    });
    return project.diagnostics('/p/s.segment');
}

describe('severity configuration', () => {
    test('without configuration the lints are warnings', async () => {
        expect(byPosition(await diagnosticsWith())).toEqual([
            expected('ambiguous-precedence', text, 'visits > 10 and visits < 5'),
            expected('unsatisfiable', text, 'visits < 5'),
            expected('null-comparison', text, 'country = null'),
        ]);
    });

    test('`severity` in segment.config.json raises, lowers and turns off lints', async () => {
        const config = JSON.stringify({ severity: { unsatisfiable: 'error', 'ambiguous-precedence': 'off', 'null-comparison': 'info' } });
        expect(byPosition(await diagnosticsWith(config))).toEqual([
            expected('unsatisfiable', text, 'visits < 5', 1, 'error'),
            expected('null-comparison', text, 'country = null', 1, 'info'),
        ]);
    });

    test('the configuration applies to its own project only', async () => {
        const project = await buildProject({
            '/p/segment.config.json': JSON.stringify({ severity: { 'null-comparison': 'off' } }),
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/s.segment': 'segment s { where country = null }',
            '/p/sub/segment.config.json': '{}',
            '/p/sub/contact.segment': CONTACT_SCHEMA,
            '/p/sub/t.segment': 'segment t { where country = null }',
        });
        expect(project.codes('/p/s.segment')).toEqual([]);
        expect(project.codes('/p/sub/t.segment')).toEqual(['null-comparison']);
    });
});
