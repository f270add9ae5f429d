import { describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { applyTextEdits, AUDIENCES, CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

const TEST_FILE = '/p/test.segment';

/** Builds the Contact project with one more file and returns the quick fixes of its diagnostics of one code. */
async function quickFixes(text: string, code: string, extra: Record<string, string> = {}) {
    const files = { '/p/contact.segment': CONTACT_SCHEMA, '/p/audiences.segment': AUDIENCES, [TEST_FILE]: text, ...extra };
    const { services, documents } = await createTestServices(files);
    const document = documents.get(TEST_FILE)!;
    const diagnostics = (document.diagnostics ?? []).filter((d) => d.code === code);
    expect(diagnostics, `expected a ${code} diagnostic`).not.toHaveLength(0);
    const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostics[0].range,
        context: { diagnostics },
    })) as CodeAction[];
    return { files, document, diagnostics, actions };
}

/** The text of the test file after applying an action's edit of it. */
function applyToDocument(document: LangiumDocument, action: CodeAction): string {
    const edits = action.edit?.changes?.[document.uri.toString()] ?? [];
    expect(edits).not.toHaveLength(0);
    return applyTextEdits(document.textDocument.getText(), edits);
}

/** The codes of the test file's diagnostics once the project holds the given files. */
async function codesAfter(files: Record<string, string>): Promise<string[]> {
    const { documents } = await createTestServices(files);
    return (documents.get(TEST_FILE)!.diagnostics ?? []).map((d: Diagnostic) => String(d.code));
}

describe('quick fixes that rewrite the segment', () => {
    test.each([
        ['unknown-field', 'segment a { where total_spnt > 1000 }', 'segment a { where total_spent > 1000 }'],
        ['unknown-event', 'segment a { where performed Purchase within last 30 days }', 'segment a { where performed Purchased within last 30 days }'],
        ['unknown-property', 'segment a { where sum(Purchased.amout within last 90 days) > 500 }', 'segment a { where sum(Purchased.amount within last 90 days) > 500 }'],
        ['unknown-schema', 'segment a of Contacts { where visits > 10 }', 'segment a of Contact { where visits > 10 }'],
        ['unknown-segment', 'segment a { where in segment big_spender and visits > 3 }', 'segment a { where in segment big_spenders and visits > 3 }'],
        ['unknown-list', 'segment a { where in list vips and visits > 3 }', 'segment a { where in list vip and visits > 3 }'],
        ['unknown-function', 'segment a { where lowr(email) ends with "@acme.com" }', 'segment a { where lower(email) ends with "@acme.com" }'],
        ['unknown-enum-value', 'segment a { where tier = "gold" }', 'segment a { where tier = "Gold" }'],
        ['ambiguous-precedence', 'segment a { where country = "US" and visits > 10 or tier = "Gold" }', 'segment a { where (country = "US" and visits > 10) or tier = "Gold" }'],
        ['null-comparison', 'segment a { where country = null }', 'segment a { where country is not set }'],
        ['null-comparison', 'segment a { where country != null }', 'segment a { where country is set }'],
        ['contains-on-list', 'segment a { where tags contains "vip" }', 'segment a { where tags includes "vip" }'],
        ['contains-on-list', 'segment a { where tags not contains "vip" }', 'segment a { where tags not includes "vip" }'],
    ])('%s: %s', async (code, text, expected) => {
        const { files, document, actions } = await quickFixes(text, code);
        expect(actions).toHaveLength(1);
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].diagnostics?.[0].code).toBe(code);
        const fixed = applyToDocument(document, actions[0]);
        expect(fixed).toBe(expected);
        expect(await codesAfter({ ...files, [TEST_FILE]: fixed })).not.toContain(code);
    });

    test('a suggested name that is not an identifier is written in backticks', async () => {
        const schema = 'schema Person key id { id text  `first name` text }';
        const { files, document, actions } = await quickFixes('segment a of Person { where first_nam = "Ada" }', 'unknown-field', { '/p/person.segment': schema });
        const fixed = applyToDocument(document, actions[0]);
        expect(fixed).toBe('segment a of Person { where `first name` = "Ada" }');
        expect(await codesAfter({ ...files, [TEST_FILE]: fixed })).toEqual([]);
    });

    test('no fix without a close name', async () => {
        const { actions } = await quickFixes('segment a { where zzzzzzzz > 1 }', 'unknown-field');
        expect(actions).toEqual([]);
    });

    test('ambiguous-date-comparison offers both rewrites, neither preferred', async () => {
        const text = 'segment a { where last_visit > 180 days ago }';
        const { files, document, actions } = await quickFixes(text, 'ambiguous-date-comparison');
        expect(actions.map((a) => a.isPreferred)).toEqual([false, false]);
        const results = actions.map((action) => applyToDocument(document, action));
        expect(results).toEqual(['segment a { where last_visit within last 180 days }', 'segment a { where last_visit more than 180 days ago }']);
        for (const fixed of results) {
            expect(await codesAfter({ ...files, [TEST_FILE]: fixed })).not.toContain('ambiguous-date-comparison');
        }
    });

    test('missing-schema offers `of NAME` for each schema of the project', async () => {
        const company = 'schema Company key id { id text  country text }';
        const text = 'segment us_contacts "US contacts" { where country = "US" }';
        const { files, document, actions } = await quickFixes(text, 'missing-schema', { '/p/company.segment': company, '/other/x.segment': 'schema Elsewhere key id { id text }', '/other/segment.config.json': '{}' });
        expect(actions.map((a) => a.title)).toEqual(['Add `of Company`', 'Add `of Contact`']);
        expect(actions.every((a) => !a.isPreferred)).toBe(true);
        const fixed = applyToDocument(document, actions[1]);
        expect(fixed).toBe('segment us_contacts "US contacts" of Contact { where country = "US" }');
        expect(await codesAfter({ ...files, [TEST_FILE]: fixed })).toEqual([]);
    });
});

/** A segment with `n` conditions. */
function conditions(n: number): string {
    return `segment big { where ${Array.from({ length: n }, (_, i) => `visits > ${i}`).join(' and ')} }`;
}

/** The text edits of one file in a workspace edit, whether in `changes` or in `documentChanges`. */
function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
    const fromChanges = edit.changes?.[uri] ?? [];
    const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : [])) as TextEdit[];
    return [...fromChanges, ...fromDocumentChanges];
}

describe('quick fixes that raise a limit in segment.config.json', () => {
    test('too-many-conditions creates the configuration when the project has none', async () => {
        const { files, actions } = await quickFixes(conditions(23), 'too-many-conditions');
        expect(actions).toHaveLength(1);
        const edit = actions[0].edit!;
        const config = 'file:///p/segment.config.json';
        expect(edit.documentChanges?.[0]).toMatchObject({ kind: 'create', uri: config });
        const text = applyTextEdits('', editsOf(edit, config));
        expect(JSON.parse(text)).toEqual({ limits: { maxConditions: 23 } });
        expect(await codesAfter({ ...files, '/p/segment.config.json': text })).not.toContain('too-many-conditions');
    });

    test('too-many-conditions sets the limit in the existing configuration, keeping the rest', async () => {
        const existing = '{\n    "timezone": "Europe/Paris",\n    "limits": { "maxDepth": 4, "maxConditions": 3 }\n}\n';
        const { files, actions } = await quickFixes(conditions(5), 'too-many-conditions', { '/p/segment.config.json': existing });
        const text = applyTextEdits(existing, editsOf(actions[0].edit!, 'file:///p/segment.config.json'));
        expect(JSON.parse(text)).toEqual({ timezone: 'Europe/Paris', limits: { maxDepth: 4, maxConditions: 5 } });
        expect(text).toContain('\n    "timezone"');
        expect(await codesAfter({ ...files, '/p/segment.config.json': text })).not.toContain('too-many-conditions');
    });

    test('too-deep raises maxDepth to the depth of the deepest group', async () => {
        const deep = 'segment nested { where visits > 0 and (country = "US" or (tier = "Gold" and (visits > 1000 or (total_spent > 500 and (welcome_email_sent or (visits > 3 and visits < 9)))))) }';
        const existing = '{ "limits": { "maxDepth": 5 } }';
        const { files, diagnostics, actions } = await quickFixes(deep, 'too-deep', { '/p/segment.config.json': existing });
        expect(diagnostics[0].data).toMatchObject({ level: 6, limit: 5 });
        const text = applyTextEdits(existing, editsOf(actions[0].edit!, 'file:///p/segment.config.json'));
        expect(JSON.parse(text)).toEqual({ limits: { maxDepth: 7 } });
        expect(await codesAfter({ ...files, '/p/segment.config.json': text })).not.toContain('too-deep');
    });

    test('no fix when the configuration is not a JSON object', async () => {
        const { actions } = await quickFixes(conditions(25), 'too-many-conditions', { '/p/segment.config.json': '{ not json' });
        expect(actions).toEqual([]);
    });
});
