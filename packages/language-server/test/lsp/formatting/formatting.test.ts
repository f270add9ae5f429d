import { describe, expect, test } from 'vitest';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { expectFormatting, parseHelper } from 'langium/test';
import type { Model } from '@segments/language';
import type { TextEdit } from 'vscode-languageserver';
import { createSegmentLspServices } from '../../../src/segment-lsp-module.js';
import { diffLines, splitLines } from '../../../src/lsp/formatting/line-diff.js';
import { applyTextEdits } from '../../test-utils.js';

const services = createSegmentLspServices(EmptyFileSystem).Segment;
const parse = parseHelper<Model>(services);
const options = { insertSpaces: true, tabSize: 2 };

const SCHEMA = 'schema Contact key id {\n  id text\n  visits number\n  country text\n}\n';

async function format(text: string): Promise<{ document: LangiumDocument<Model>; edits: TextEdit[] }> {
    const document = await parse(text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return { document, edits };
}

describe('document formatting', () => {
    test('prints the canonical text', async () => {
        await expectFormatting(services)({
            before: 'SCHEMA Contact KEY id { id text visits number }\nsegment   frequent{WHERE visits>10 AND visits<100}',
            after: 'schema Contact key id {\n  id text\n  visits number\n}\n\nsegment frequent {\n  where\n    visits > 10\n    and visits < 100\n}\n',
        });
    });

    test('edits only the lines that change', async () => {
        const text = `${SCHEMA}\nsegment a {\n  where\n    visits > 1\n}\n\nsegment b {  where visits>2 }\n\nsegment c {\n  where\n    visits > 3\n}\n`;
        const { edits } = await format(text);
        expect(edits).toHaveLength(1);
        expect(edits[0].range).toEqual({ start: { line: 11, character: 0 }, end: { line: 12, character: 0 } });
        expect(edits[0].newText).toBe('segment b {\n  where\n    visits > 2\n}\n');
        expect(applyTextEdits(text, edits)).toBe(services.printing.Printer.print((await parse(text)) as LangiumDocument<Model>));
    });

    test('a canonical document needs no edit', async () => {
        const { edits } = await format(`${SCHEMA}\nsegment a {\n  where\n    visits > 1\n}\n`);
        expect(edits).toEqual([]);
    });

    test('adds the final newline at the end of the last line', async () => {
        const text = `${SCHEMA}\nsegment a {\n  where\n    visits > 1\n}`;
        const { edits } = await format(text);
        expect(edits).toEqual([{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } }, newText: '}\n' }]);
    });

    test('leaves a document with syntax errors alone', async () => {
        const { edits } = await format('segment a {  where visits >  }');
        expect(edits).toEqual([]);
    });
});

describe('range formatting', () => {
    test('formats the declarations the range overlaps, and only those', async () => {
        const text = `segment a {  where visits>1 }\n\nsegment b {  where visits>2 }\n\nsegment c {  where visits>3 }\n`;
        const document = await parse(text);
        const edits = await services.lsp.Formatter!.formatDocumentRange(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 2, character: 3 }, end: { line: 4, character: 2 } },
            options,
        });
        expect(applyTextEdits(text, edits)).toBe(
            `segment a {  where visits>1 }\n\nsegment b {\n  where\n    visits > 2\n}\n\nsegment c {\n  where\n    visits > 3\n}\n`,
        );
    });
});

describe('line diff', () => {
    test('keeps common lines and replaces the rest', () => {
        const before = splitLines('a\nb\nc\nd\n');
        const after = splitLines('a\nx\nc\nd\ne\n');
        expect(diffLines(before, after)).toEqual([
            { start: 1, end: 2, lines: ['x\n'] },
            { start: 4, end: 4, lines: ['e\n'] },
        ]);
    });

    test('deletes lines', () => {
        expect(diffLines(splitLines('a\nb\n\n\nc\n'), splitLines('a\nb\n\nc\n'))).toEqual([{ start: 3, end: 4, lines: [] }]);
    });

    test('splits lines keeping their breaks', () => {
        expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
        expect(splitLines('')).toEqual([]);
    });
});
