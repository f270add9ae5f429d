import type { LangiumDocument, LangiumParser, MaybePromise } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { Model, SegmentPrinter } from '@segments/language';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import { diffLines, splitLines } from './line-diff.js';

/**
 * Formatting with the canonical printer of the language core (docs/formatting.md), the same as
 * `segment fmt`: a document with syntax errors is left alone. Whole-document formatting returns
 * a line diff; range formatting reformats the declarations the range overlaps.
 */
export class SegmentFormatter implements Formatter {
    protected readonly printer: SegmentPrinter;
    protected readonly parser: LangiumParser;

    constructor(services: SegmentLspServices) {
        this.printer = services.printing.Printer;
        this.parser = services.parser.LangiumParser;
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        const printed = this.printer.print(document as LangiumDocument<Model>);
        if (printed === undefined) return [];
        return this.lineEdits(document.textDocument.getText(), printed);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        const printed = this.printer.print(document as LangiumDocument<Model>);
        if (printed === undefined) return [];
        const before = (document as LangiumDocument<Model>).parseResult.value.declarations;
        const after = this.parser.parse<Model>(printed).value.declarations;
        if (before.length !== after.length) return this.lineEdits(document.textDocument.getText(), printed);
        const start = document.textDocument.offsetAt(params.range.start);
        const end = document.textDocument.offsetAt(params.range.end);
        const edits: TextEdit[] = [];
        before.forEach((declaration, index) => {
            const original = declaration.$cstNode;
            const formatted = after[index].$cstNode;
            if (!original || !formatted || original.end < start || original.offset > end) return;
            if (original.text !== formatted.text) edits.push({ range: original.range, newText: formatted.text });
        });
        return edits;
    }

    formatDocumentOnType(): MaybePromise<TextEdit[]> {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    /** The edits turning one text into another, one per run of changed lines. */
    protected lineEdits(text: string, printed: string): TextEdit[] {
        const before = splitLines(text);
        const after = splitLines(printed);
        const position = (line: number): Range['start'] => {
            if (line < before.length || before.length === 0 || before[before.length - 1].endsWith('\n')) return { line, character: 0 };
            return { line: before.length - 1, character: before[before.length - 1].length };
        };
        return diffLines(before, after).map((change) => ({
            range: { start: position(change.start), end: position(change.end) },
            newText: change.lines.join(''),
        }));
    }
}
