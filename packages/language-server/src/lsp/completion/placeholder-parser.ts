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
    protected last?: { text: string; document: LangiumDocument };

    constructor(services: SegmentLspServices) {
        this.documentFactory = services.shared.workspace.LangiumDocumentFactory;
        this.lexer = services.parser.Lexer;
    }

    /** The node of the copy of `document` whose text from `start` to `end` is replaced by the placeholder. */
    nodeAt(document: LangiumDocument, start: number, end: number): AstNode | undefined {
        const text = document.textDocument.getText();
        const closing = ')'.repeat(this.unclosedParentheses(text.slice(0, start) + text.slice(end)));
        const patched = text.slice(0, start) + COMPLETION_PLACEHOLDER + closing + text.slice(end);
        if (this.last?.text !== patched) {
            this.last = { text: patched, document: this.documentFactory.fromString(patched, document.uri) };
        }
        const root = this.last.document.parseResult.value.$cstNode;
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
