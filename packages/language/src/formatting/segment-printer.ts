import type { LangiumDocument } from 'langium';
import type { Model } from '../generated/ast.js';
import { LayoutRenderer } from './layout-renderer.js';
import { SegmentLayout } from './segment-layout.js';
import { SourceText } from './source-text.js';

/**
 * The canonical formatter of the segment language (see docs/formatting.md). It prints a parsed
 * document from its AST, reading names, strings and numbers from the CST so they stay as written,
 * and puts every comment back. The output parses to the same AST, and printing it again gives the
 * same text.
 */
export class SegmentPrinter {
    /** The canonical text of a document, or undefined when it has lexer or parser errors (never format what did not parse). */
    print(document: LangiumDocument<Model>): string | undefined {
        const { lexerErrors, parserErrors, value } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) return undefined;
        const source = new SourceText(value.$cstNode, document.textDocument.getText());
        const lines = new SegmentLayout(source).model(value);
        return new LayoutRenderer(source).render(lines);
    }
}
