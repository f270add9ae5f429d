import { beforeAll, describe, expect, test } from 'vitest';
import { parseHelper } from 'langium/test';
import type { SignatureHelp } from 'vscode-languageserver';
import type { SegmentLspServices } from '../../../src/segment-lsp-module.js';
import { CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

let services: SegmentLspServices;

beforeAll(async () => {
    ({ services } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA }));
});

/** The signature help at `<|>` in the `where` of a segment. */
async function helpAt(condition: string): Promise<SignatureHelp | undefined> {
    const text = `segment draft of Contact {\n  where ${condition}\n}`;
    const offset = text.indexOf('<|>');
    const document = await parseHelper(services)(text.replace('<|>', ''));
    const help = await services.lsp.SignatureHelp?.provideSignatureHelp(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset),
    });
    await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    return help;
}

/** The text of the active parameter's label. */
function activeLabel(help: SignatureHelp | undefined): string | undefined {
    const signature = help?.signatures[help.activeSignature ?? 0];
    const label = signature?.parameters?.[help?.activeParameter ?? 0]?.label;
    return Array.isArray(label) ? signature?.label.slice(label[0], label[1]) : label;
}

describe('functions', () => {
    test('the signature, its documentation and the parameter', async () => {
        const help = await helpAt('age(<|>birthday) >= 21');
        expect(help?.signatures.map((s) => s.label)).toEqual(['age(date): number']);
        expect(help?.signatures[0].documentation).toEqual({ kind: 'markdown', value: 'Whole years from the date until `today`: `age(birthday) >= 21`.' });
        expect(help?.activeParameter).toBe(0);
        expect(activeLabel(help)).toBe('date');
    });

    test('the parameter after each comma; the repeated last one of `coalesce`', async () => {
        expect(activeLabel(await helpAt('coalesce(<|>country, "US") = "US"'))).toBe('value');
        expect(activeLabel(await helpAt('coalesce(country, <|>"US") = "US"'))).toBe('fallback');
        expect(activeLabel(await helpAt('coalesce(country, first_name, <|>"US") = "US"'))).toBe('fallback');
    });

    test('in empty parentheses', async () => {
        expect(activeLabel(await helpAt('length(<|>) > 3'))).toBe('text | list');
    });

    test('the innermost call', async () => {
        const help = await helpAt('lower(coalesce(email, <|>first_name)) = "x"');
        expect(help?.signatures[0].label).toBe('coalesce(value, fallback, ...)');
        expect(await helpAt('lower(coalesce(email, first_name)<|>) = "x"').then((h) => h?.signatures[0].label)).toBe('lower(text): text');
    });

    test('nothing outside parentheses', async () => {
        expect(await helpAt('age(birthday) <|>>= 21')).toBeUndefined();
        expect(await helpAt('vis<|>its > 3')).toBeUndefined();
    });
});

describe('aggregates', () => {
    test('`count(EVENT [WINDOW] [where CONDITION])` with the part the cursor is in', async () => {
        const condition = 'count(<|>Purchased within last 30 days where amount > 5) >= 2';
        const help = await helpAt(condition);
        expect(help?.signatures[0].label).toBe('count(EVENT [WINDOW] [where CONDITION]): number');
        expect(activeLabel(help)).toBe('EVENT');
        expect(activeLabel(await helpAt('count(Purchased within last <|>30 days where amount > 5) >= 2'))).toBe('[WINDOW]');
        expect(activeLabel(await helpAt('count(Purchased <|>) >= 2'))).toBe('[WINDOW]');
        expect(activeLabel(await helpAt('count(Purchased within last 30 days where <|>amount > 5) >= 2'))).toBe('[where CONDITION]');
    });

    test('`sum(EVENT.property ...)`', async () => {
        const help = await helpAt('sum(Purchased.<|>amount) > 100');
        expect(help?.signatures[0].label).toBe('sum(EVENT.property [WINDOW] [where CONDITION]): number');
        expect(activeLabel(help)).toBe('EVENT.property');
    });

    test('a function inside the where of an aggregate wins', async () => {
        const help = await helpAt('count(Purchased where lower(<|>product) = "shoes") > 0');
        expect(help?.signatures[0].label).toBe('lower(text): text');
    });
});

test('triggered by `(` and `,`', () => {
    expect(services.lsp.SignatureHelp?.signatureHelpOptions).toEqual({ triggerCharacters: ['(', ','], retriggerCharacters: [','] });
});
