import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeType } from 'n8n-workflow';
import { beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../package.json';
import { fixture } from '../fixtures.js';
import { runNode } from '../harness/index.js';

/**
 * The built package (dist/, from `npm run build` in nodes/), loaded by n8n-core's own loader of
 * community packages, the one n8n runs on `N8N_CUSTOM_EXTENSIONS` and installed packages: what
 * n8n sees of package.json's `n8n` field, the bundles, icons and codex files.
 */
describe('the built package, loaded by n8n', () => {
    const loader = new PackageDirectoryLoader(new URL('../..', import.meta.url).pathname);

    beforeAll(async () => {
        await loader.loadAll();
    });

    it('declares only n8n-workflow, as a peer dependency, and no dependencies', () => {
        expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
        expect('dependencies' in manifest).toBe(false);
    });

    it('loads every node and credential of package.json from dist/', () => {
        expect(Object.keys(loader.nodeTypes).sort()).toEqual(['segment', 'segmentMembership', 'segmentTrigger']);
        expect(Object.keys(loader.credentialTypes)).toEqual(['segmentsHubSpotApi']);
    });

    it('finds each node\'s light and dark icons and its codex', () => {
        for (const description of loader.types.nodes) {
            expect(description.iconUrl, description.name).toEqual({
                light: expect.stringMatching(/^icons\/n8n-nodes-segments\/dist\/nodes\/\w+\/\w+\.svg$/),
                dark: expect.stringMatching(/^icons\/n8n-nodes-segments\/dist\/nodes\/\w+\/\w+\.dark\.svg$/),
            });
            expect(description.codex?.categories, description.name).toContain('Marketing');
        }
        expect(loader.types.credentials[0]!.iconUrl).toEqual({
            light: 'icons/n8n-nodes-segments/dist/credentials/segmentsHubSpot.svg',
            dark: 'icons/n8n-nodes-segments/dist/credentials/segmentsHubSpot.dark.svg',
        });
    });

    it('runs the bundled Segment node (language, engine and stand-ins for Node globals inside) through n8n-core', async () => {
        const segment = loader.nodeTypes.segment!.type as INodeType;
        const items = [{ json: { id: 'c1', stats: { total_spent: 1500 } } }, { json: { id: 'c2', stats: { total_spent: 10 } } }];
        const parameters = { operation: 'filter', schema: fixture('customer.segment'), source: fixture('high-value.segment'), options: { now: '2026-11-20T12:00:00Z' } };
        const { outputs, error } = await runNode(segment, parameters, items);
        expect(error).toBeUndefined();
        expect(outputs.map((output) => output.map((item) => item.json.id))).toEqual([['c1'], ['c2']]);
    });

    it('reports a segment with errors from the bundle as the sources do', async () => {
        const segment = loader.nodeTypes.segment!.type as INodeType;
        const parameters = { operation: 'filter', schema: fixture('customer.segment'), source: fixture('unknown-field.segment') };
        const { error } = await runNode(segment, parameters, [{ json: {} }]);
        expect(error?.message).toBe('segment.segment:4:9: Unknown field `lifetime_value` in this schema.');
    });
});
