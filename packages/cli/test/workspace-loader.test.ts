import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CliError } from '../src/cli-error.js';
import { DefaultWorkspaceLoader } from '../src/workspace-loader.js';
import { ADULTS, fixture, SCHEMA, UNKNOWN_FIELD } from './cli-test-utils.js';

const names = (documents: ReadonlyArray<{ uri: { fsPath: string } }>, root: string) => documents.map((d) => d.uri.fsPath.slice(root.length + 1));

describe('DefaultWorkspaceLoader', () => {
    test('builds the whole project of a path but reports only the files under it', async () => {
        const root = fixture({
            'segment.config.json': '{}',
            'contact.segment': SCHEMA,
            'segments/adults.segment': ADULTS,
            'segments/nested/segment.config.json': '{}',
            'segments/nested/typo.segment': UNKNOWN_FIELD,
            'node_modules/x.segment': ADULTS,
            '.git/x.segment': ADULTS,
            'notes.md': '# notes',
        });
        const workspace = await new DefaultWorkspaceLoader().load(['segments'], root);
        expect(workspace.roots).toEqual([root]);
        expect(names(workspace.documents, root)).toEqual(['contact.segment', 'segments/adults.segment']);
        expect(names(workspace.requested, root)).toEqual(['segments/adults.segment']);
        expect(workspace.requested[0]!.diagnostics).toEqual([]);
    });

    test('loads a nested project when a requested path is inside it, as a project of its own', async () => {
        const root = fixture({ 'contact.segment': SCHEMA, 'nested/segment.config.json': '{}', 'nested/typo.segment': UNKNOWN_FIELD });
        const workspace = await new DefaultWorkspaceLoader().load(['.', 'nested/typo.segment'], root);
        expect(workspace.roots).toEqual([root, join(root, 'nested')]);
        expect(names(workspace.requested, root)).toEqual(['contact.segment', 'nested/typo.segment']);
        expect(workspace.requested[1]!.diagnostics?.map((d) => d.code)).toEqual(['unknown-schema']);
    });

    test('a missing path or an invalid configuration is a CliError', async () => {
        const root = fixture({ 'bad/segment.config.json': '[]', 'bad/a.segment': ADULTS });
        await expect(new DefaultWorkspaceLoader().load(['missing'], root)).rejects.toThrow(new CliError('no such file or directory: missing'));
        await expect(new DefaultWorkspaceLoader().load(['bad/a.segment'], root)).rejects.toThrow(/bad\/segment\.config\.json: invalid configuration/);
    });
});
