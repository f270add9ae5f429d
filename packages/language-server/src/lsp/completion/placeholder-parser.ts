import { type AstNode, CstUtils, type LangiumDocument, type LangiumDocumentFactory, type Lexer } from 'langium';
import type { SegmentLspServices } from '../../segment-lsp-module.js';

/** The name put where the cursor is; no schema has a field of that name. */
export const COMPLETION_PLACEHOLDER = '__segment_completion__';

/**
 * Parses a copy of a document with a placeholder name in place of the token being completed, and
 * gives the AST node the placeholder lands in. An incomplete condition (`performed Purchased where |`,
 * `count(|`, `tier in ("Gold", |`) does not parse, so the document's own AST cannot tell which
 * event's properties or which field's values are in scope there; the copy's AST can. Parentheses
 * left open in the document are closed after the placeholder.
 */
export class PlaceholderParser {
    protected readonly documentFactory: LangiumDocumentFactory;
    protected readonly lexer: Lexer;
    /**
     * The last copy parsed (it has the URI of its document), with the text and span it was made
     * for: one completion request asks for the same span once per keyword it filters, and the copy
     * (tokenising and parsing the whole text) is made once.
     */
    protected last?: { text: string; start: number; end: number; document: LangiumDocument };

    constructor(services: SegmentLspServices) {
        this.documentFactory = services.shared.workspace.LangiumDocumentFactory;
        this.lexer = services.parser.Lexer;
    }

    /** The node of the copy of `document` whose text from `start` to `end` is replaced by the placeholder. */
    nodeAt(document: LangiumDocument, start: number, end: number): AstNode | undefined {
        const text = document.textDocument.getText();
        let copy = this.last;
        if (copy?.text !== text || copy.start !== start || copy.end !== end || copy.document.uri.toString() !== document.uri.toString()) {
            const closing = ')'.repeat(this.unclosedParentheses(text.slice(0, start) + text.slice(end)));
            const patched = text.slice(0, start) + COMPLETION_PLACEHOLDER + closing + text.slice(end);
            copy = { text, start, end, document: this.documentFactory.fromString(patched, document.uri) };
            this.last = copy;
        }
        const root = copy.document.parseResult.value.$cstNode;
        return root && CstUtils.findLeafNodeAtOffset(root, start)?.astNode;
    }

    /** How many `(` of a text are not closed (strings and comments do not count). */
    protected unclosedParentheses(text: string): number {
        let open = 0;
        for (const token of this.lexer.tokenize(text).tokens) {
            if (token.image === '(') open++;
            else if (token.image === ')' && open > 0) open--;
        }
        return open;
    }
}
