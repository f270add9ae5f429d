import { type AstNode, AstUtils, type CstNode, CstUtils, GrammarAST, type LangiumDocument, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { builtinFunctions, isAggregate, isEventDecl, isFieldRef, isFunctionCall } from '@segments/language';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import { aggregateSignatures } from '../signature/aggregate-signatures.js';
import { DeclarationMarkdown } from './declaration-markdown.js';

/**
 * Hovers of the segment language: on a declaration or a reference to one, the declaration as
 * written with its documentation (a field's type and `from` mapping, a segment's size against the
 * project's limits...); on a built-in function or an event aggregate, its signature; on the `at`
 * of an event's `where`, the event's time.
 */
export class SegmentHoverProvider extends AstNodeHoverProvider {
    protected readonly markdown: DeclarationMarkdown;

    constructor(services: SegmentLspServices) {
        super(services);
        this.markdown = new DeclarationMarkdown(services);
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        const builtin = leaf && leaf.end > offset ? this.builtinHover(leaf) : undefined;
        if (builtin) {
            return { contents: { kind: 'markdown', value: builtin } };
        }
        return super.getHoverContent(document, params);
    }

    /** Hovers on names that are no declarations: function names, aggregate names, an event's `at`. */
    protected builtinHover(leaf: CstNode): string | undefined {
        const node = leaf.astNode;
        const property = this.assignedProperty(leaf);
        if (isFunctionCall(node) && property === 'function') {
            const signature = builtinFunctions.get(node.function.toLowerCase());
            return signature && this.markdown.builtinFunction(signature);
        }
        if (isAggregate(node) && property === 'function') {
            const signature = aggregateSignatures.get(node.function.toLowerCase());
            return signature && this.markdown.aggregate(signature);
        }
        if (isFieldRef(node) && isEventDecl(node.field?.ref)) {
            return this.markdown.eventTime(node.field?.ref);
        }
        return undefined;
    }

    /** The property of its AST node that a leaf (or the data type rule call around it) is assigned to. */
    protected assignedProperty(leaf: CstNode): string | undefined {
        for (let cst: CstNode | undefined = leaf; cst && cst.astNode === leaf.astNode; cst = cst.container) {
            const assignment = AstUtils.getContainerOfType(cst.grammarSource, GrammarAST.isAssignment);
            if (assignment) {
                return assignment.feature;
            }
        }
        return undefined;
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        return this.markdown.describe(node);
    }
}
