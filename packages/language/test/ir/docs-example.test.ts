import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { buildProject } from '../test-utils.js';
import { lowerIn } from './ir-test-utils.js';

test('the example of docs/ir.md is what lowering gives', async () => {
    const doc = readFileSync(new URL('../../../../docs/ir.md', import.meta.url), 'utf8');
    const example = doc.slice(doc.indexOf('## Example'));
    const blocks = [...example.matchAll(/```(?:json)?\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');
    expect(blocks).toHaveLength(3);
    const [contact = '', quiet = '', json = ''] = blocks;
    const project = await buildProject({ '/p/contact.segment': contact, '/p/quiet.segment': quiet, '/p/lists/vip.csv': 'email\n' });
    expect(lowerIn(project, '/p/quiet.segment', 'loyal_gone_quiet')).toEqual(JSON.parse(json));
});
