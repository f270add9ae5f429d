import { type AstNode, AstUtils, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { type FieldRef, isFieldRef } from '../../src/generated/ast.js';
import { createSegmentServices } from '../../src/segment-module.js';
import { buildProject, CONTACT_SCHEMA, InMemoryFileSystem, type TestProject } from '../test-utils.js';

/**
 * The caches that keep a keystroke cheap in a large workspace (the scope of a schema's members,
 * the project of each document, the declarations of a project by name) must never answer with
 * what an earlier state of the workspace held.
 */

/** Changes a file of a built project and rebuilds what Langium rebuilds after an editor's change. */
async function change(project: TestProject, files: Record<string, string>, path: string, text: string): Promise<void> {
    files[path] = text;
    await project.services.shared.workspace.DocumentBuilder.update([URI.file(path)], []);
}

/** Re-validates files that the last change did not touch (as Langium does when they are opened again). */
async function revalidate(project: TestProject, ...paths: string[]): Promise<void> {
    const documents = paths.map((path) => project.documents.get(path)!);
    await project.services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
}

function firstFieldRef(project: TestProject, path: string): FieldRef {
    const root: AstNode = project.documents.get(path)!.parseResult.value;
    return AstUtils.streamAst(root).filter(isFieldRef).head()!;
}

describe('the scope of a schema’s members', () => {
    test('is kept while other files change, and rebuilt when the schema’s file changes', async () => {
        const files: Record<string, string> = {
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/a.segment': 'segment a of Contact { where visits > 5 }',
            '/p/b.segment': 'segment b of Contact { where country = "US" }',
        };
        const project = await buildProject(files);
        const scopes = project.services.references.ScopeProvider;
        const scopeOf = () => scopes.getScope({ reference: firstFieldRef(project, '/p/a.segment').field, container: firstFieldRef(project, '/p/a.segment'), property: 'field' });
        const before = scopeOf();

        await change(project, files, '/p/b.segment', 'segment b of Contact { where country = "FR" }');
        expect(scopeOf()).toBe(before);

        await change(project, files, '/p/contact.segment', CONTACT_SCHEMA.replace('visits number', 'visit_count number'));
        expect(scopeOf()).not.toBe(before);
        expect(scopeOf().getElement('visits')).toBeUndefined();
        expect(scopeOf().getElement('visit_count')).toBeDefined();
    });

    test('a field removed from the schema is unknown in the segments that are re-linked, and known again once restored', async () => {
        const files: Record<string, string> = { '/p/contact.segment': CONTACT_SCHEMA, '/p/a.segment': 'segment a of Contact { where visits > 5 }' };
        const project = await buildProject(files);
        expect(project.codes('/p/a.segment')).toEqual([]);

        await change(project, files, '/p/contact.segment', CONTACT_SCHEMA.replace('visits number', 'visit_count number'));
        expect(project.codes('/p/a.segment')).toEqual(['unknown-field']);

        await change(project, files, '/p/contact.segment', CONTACT_SCHEMA);
        expect(project.codes('/p/a.segment')).toEqual([]);
    });

    test('an event’s properties follow its schema’s file too', async () => {
        const files: Record<string, string> = { '/p/contact.segment': CONTACT_SCHEMA, '/p/a.segment': 'segment a of Contact { where performed Purchased where amount > 5 }' };
        const project = await buildProject(files);
        expect(project.codes('/p/a.segment')).toEqual([]);

        await change(project, files, '/p/contact.segment', CONTACT_SCHEMA.replace('event Purchased { amount number', 'event Purchased { total number'));
        expect(project.codes('/p/a.segment')).toEqual(['unknown-field']);
    });
});

describe('the declarations of a project by name (duplicate-name)', () => {
    test('a duplicate renamed in one file no longer counts when the other file is validated again', async () => {
        const files: Record<string, string> = {
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/a.segment': 'segment vips of Contact { where visits > 5 }',
            '/p/b.segment': 'segment vips of Contact { where visits > 9 }',
        };
        const project = await buildProject(files);
        expect(project.codes('/p/a.segment')).toEqual(['duplicate-name']);

        await change(project, files, '/p/b.segment', 'segment loyal of Contact { where visits > 9 }');
        expect(project.codes('/p/b.segment')).toEqual([]);
        await revalidate(project, '/p/a.segment');
        expect(project.codes('/p/a.segment')).toEqual([]);

        await change(project, files, '/p/b.segment', 'segment vips of Contact { where visits > 9 }');
        expect(project.codes('/p/b.segment')).toEqual(['duplicate-name']);
        await revalidate(project, '/p/a.segment');
        expect(project.codes('/p/a.segment')).toEqual(['duplicate-name']);
    });

    test('only declarations of the same project and type count', async () => {
        const project = await buildProject({
            '/p/contact.segment': CONTACT_SCHEMA,
            '/p/a.segment': 'segment vips of Contact { where visits > 5 }\nlist vips of Contact from "vips.csv" by email',
            '/p/vips.csv': 'email\n',
            '/p/nested/segment.config.json': '{}',
            '/p/nested/contact.segment': CONTACT_SCHEMA,
            '/p/nested/b.segment': 'segment vips of Contact { where visits > 9 }',
        });
        expect(project.codes('/p/a.segment')).toEqual([]);
        expect(project.codes('/p/nested/b.segment')).toEqual([]);
    });
});

describe('the project of a document', () => {
    test('is remembered per document until the projects are invalidated', () => {
        const files: Record<string, string> = { '/p/a.segment': '' };
        const { Segment } = createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem(files) });
        const projects = Segment.workspace.Projects;
        const uri = URI.file('/p/a.segment');
        expect(projects.projectOf(uri).key).toBe('');

        files['/p/segment.config.json'] = '{}';
        expect(projects.projectOf(uri).key).toBe('');

        projects.invalidate();
        expect(projects.projectOf(uri).key).toBe(URI.file('/p').toString());
        expect(projects.projectOf(uri)).toBe(projects.projectOf(URI.file('/p/b.segment')));
    });
});
