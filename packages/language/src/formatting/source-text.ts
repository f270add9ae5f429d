import { type AstNode, type CstNode, CstUtils, GrammarUtils, isLeafCstNode, type LeafCstNode } from 'langium';

/**
 * The tokens and comments of one parsed document, read from its concrete syntax tree, and the
 * source text of AST properties. The printer keeps names, strings and numbers exactly as written,
 * so it reads them here rather than from the (converted) AST values.
 */
export class SourceText {
    /** The document's text. */
    readonly text: string;
    /** The visible tokens, in source order. */
    readonly tokens: readonly LeafCstNode[];
    /** The comments (`// ...` and `/* ... *\/`), in source order. */
    readonly comments: readonly LeafCstNode[];

    constructor(root: CstNode | undefined, text: string) {
        this.text = text;
        const tokens: LeafCstNode[] = [];
        const comments: LeafCstNode[] = [];
        if (root) {
            for (const node of CstUtils.streamCst(root)) {
                if (!isLeafCstNode(node)) continue;
                if (!node.hidden) tokens.push(node);
                else if (node.text.trim().length > 0) comments.push(node);
            }
        }
        this.tokens = tokens;
        this.comments = comments;
    }

    /** The source text of the (first, or `index`-th) CST node assigned to `property` of `node`. */
    property(node: AstNode, property: string, index?: number): string {
        const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
        if (!cst) throw new Error(`${node.$type}.${property} has no source text`);
        return cst.text;
    }

    /** The source texts of all CST nodes assigned to `property` of `node`. */
    properties(node: AstNode, property: string): string[] {
        return GrammarUtils.findNodesForProperty(node.$cstNode, property).map((cst) => cst.text);
    }

    /** The offset of a keyword of a node itself (not of its children). */
    keyword(node: AstNode, keyword: string): number {
        const cst = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword);
        if (!cst) throw new Error(`${node.$type} has no keyword ${keyword}`);
        return cst.offset;
    }

    /** The offset of the first visible token of a node. */
    first(node: AstNode): number {
        return this.tokens[this.firstIndex(node)].offset;
    }

    /** The offset of the last visible token of a node. */
    last(node: AstNode): number {
        return this.tokens[this.lastIndex(node)].offset;
    }

    /** The text of the last visible token of a node. */
    lastText(node: AstNode): string {
        return this.tokens[this.lastIndex(node)].text;
    }

    /** The offset of the visible token right before the first token of a node (its keyword or operator). */
    before(node: AstNode): number {
        return this.tokens[this.firstIndex(node) - 1].offset;
    }

    /** The last visible token that ends at or before `offset`. */
    tokenBefore(offset: number): LeafCstNode | undefined {
        const index = this.lowerBound((token) => token.end > offset) - 1;
        return index >= 0 ? this.tokens[index] : undefined;
    }

    /** The first visible token that starts at or after `offset`. */
    tokenAfter(offset: number): LeafCstNode | undefined {
        return this.tokens[this.lowerBound((token) => token.offset >= offset)];
    }

    /** Whether a comment starts inside the range `[start, end)`. */
    hasCommentIn(start: number, end: number): boolean {
        return this.comments.some((comment) => comment.offset >= start && comment.offset < end);
    }

    /** The number of line breaks in the whitespace right before `offset`. */
    lineBreaksBefore(offset: number): number {
        let breaks = 0;
        for (let i = offset - 1; i >= 0 && /\s/.test(this.text[i]); i--) {
            if (this.text[i] === '\n') breaks++;
        }
        return breaks;
    }

    /** Whether the text between two offsets holds a line break. */
    hasLineBreak(start: number, end: number): boolean {
        return /[\r\n]/.test(this.text.slice(start, end));
    }

    private firstIndex(node: AstNode): number {
        const cst = this.cst(node);
        return this.lowerBound((token) => token.offset >= cst.offset);
    }

    private lastIndex(node: AstNode): number {
        const cst = this.cst(node);
        return this.lowerBound((token) => token.end > cst.end) - 1;
    }

    private cst(node: AstNode): CstNode {
        if (!node.$cstNode) throw new Error(`${node.$type} has no concrete syntax`);
        return node.$cstNode;
    }

    /** The index of the first token for which `after` holds (`after` is monotonic over the tokens). */
    private lowerBound(after: (token: LeafCstNode) => boolean): number {
        let low = 0;
        let high = this.tokens.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (after(this.tokens[middle])) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}
