import { setInterruptionPeriod } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { afterEach, describe, expect, test } from 'vitest';
import { CONTACT_SCHEMA, createTestServices } from '../../test-utils.js';

const SEGMENTS = `list vip "VIP" of Contact from "vip.csv" by email

segment engaged "Engaged" of Contact {
  description "Opened emails"
  where tier = "Gold" and tier in ("Silver") and country = "US"
    and lower(email) ends with "@acme.com"
    and count(EmailOpened within last 30 days where campaign = "x") >= 5
    and performed Purchased where (at within last 7 days and amount > $50)
    and subscribed_at > 2026-01-31 and last_visit after 2026-01-31T09:00:00Z
    and sum(Purchased.amount) > 10
    and in segment engaged_too or in list vip
}

segment engaged_too of Contact { where visits > 1 }
`;

/** The semantic tokens of the test file, decoded as `text: type[+modifiers]`. */
async function tokensOf(text: string): Promise<string[]> {
    const { services, documents } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA, '/p/test.segment': text });
    const document = documents.get('/p/test.segment')!;
    const provider = services.lsp.SemanticTokenProvider!;
    const { data } = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    const types = Object.entries(provider.tokenTypes).sort((a, b) => a[1] - b[1]).map(([name]) => name);
    const modifiers = Object.entries(provider.tokenModifiers).sort((a, b) => a[1] - b[1]).map(([name]) => name);
    const lines = text.split('\n');
    const result: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
        const mods = modifiers.filter((_, bit) => data[i + 4] & (1 << bit));
        result.push(`${lines[line].slice(char, char + data[i + 2])}: ${types[data[i + 3]]}${mods.length ? '+' + mods.join('+') : ''}`);
    }
    return result;
}

describe('semantic tokens', () => {
    test('a representative document', async () => {
        const tokens = await tokensOf(SEGMENTS);
        expect(tokens).toEqual(
            expect.arrayContaining([
                'list: keyword',
                'vip: variable+declaration+readonly',
                '"VIP": string',
                'Contact: type',
                '"vip.csv": string',
                'email: property',
                'segment: keyword',
                'engaged: class+declaration',
                '"Opened emails": string',
                'where: keyword',
                'tier: property',
                '=: operator',
                '"Gold": enumMember',
                '"Silver": enumMember',
                '"US": string',
                'and: keyword',
                'lower: function',
                '"@acme.com": string',
                'count: function',
                'EmailOpened: event',
                '30 days: number',
                'campaign: property',
                '>=: operator',
                '5: number',
                'performed: keyword',
                'Purchased: event',
                'at: event',
                '$50: number',
                '2026-01-31: number',
                '2026-01-31T09:00:00Z: number',
                'after: keyword',
                'sum: function',
                'amount: property',
                'engaged_too: class',
                'vip: variable+readonly',
            ]),
        );
        expect(tokens).not.toContain('days: keyword');
        expect(tokens).not.toContain('{: operator');
    });

    test('declarations of a schema', async () => {
        const tokens = await tokensOf(CONTACT_SCHEMA.replace('schema Contact', 'schema Other'));
        expect(tokens).toEqual(
            expect.arrayContaining([
                'Other: type+declaration',
                'id: property',
                'tags: property+declaration',
                'list: keyword',
                'text: type',
                'tier: property+declaration',
                '"Bronze": enumMember',
                '"properties.total_revenue": string',
                'average_order_value: property+declaration+readonly',
                'Purchased: event+declaration',
                'amount: property+declaration',
            ]),
        );
    });

    describe('requests at the same time', () => {
        afterEach(() => setInterruptionPeriod(10));

        test('a full and a range request on one document do not mix their tokens', async () => {
            const text = '// A comment first.\nsegment busy of Contact {\n  where\n    total_spent > 1000\n}\n';
            const { services, documents } = await createTestServices({ '/p/contact.segment': CONTACT_SCHEMA, '/p/test.segment': text });
            const document = documents.get('/p/test.segment')!;
            const provider = services.lsp.SemanticTokenProvider!;
            const textDocument = { uri: document.uri.toString() };
            const alone = (await provider.semanticHighlight(document, { textDocument })).data;
            // Yield between every node, as a busy server does, so that both requests interleave.
            setInterruptionPeriod(0);
            const token = new CancellationTokenSource().token;
            const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
            const [full, ranged] = await Promise.all([
                provider.semanticHighlight(document, { textDocument }, token),
                provider.semanticHighlightRange(document, { textDocument, range }, token),
            ]);
            expect(full.data).toEqual(alone);
            expect(ranged.data).toEqual(alone);
        });
    });
});
