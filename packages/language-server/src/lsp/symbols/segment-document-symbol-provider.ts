import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { isEventDecl, isField, isLetField, isSchema, isSegment, isStaticList, isEventProperty } from '@segments/language';
import type { DocumentSymbol } from 'vscode-languageserver';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import { SegmentNodeKindProvider } from './segment-node-kind-provider.js';

/**
 * The outline of a document: schemas with their fields, calculated fields and events (with their
 * properties), segments and lists, each with its kind of {@link SegmentNodeKindProvider}.
 * Langium's default would also list type names (`text`, `number`: the `name` of a scalar type).
 */
export class SegmentDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected readonly kinds = new SegmentNodeKindProvider();

    constructor(services: SegmentLspServices) {
        super(services);
    }

    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (this.isDeclaration(astNode) || astNode === document.parseResult.value) return super.getSymbol(document, astNode);
        return [];
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        return { ...symbol, kind: this.kinds.getSymbolKind(astNode), detail: isSegment(astNode) || isStaticList(astNode) ? astNode.title : undefined };
    }

    /** Whether a node is a declaration shown in the outline. */
    protected isDeclaration(node: AstNode): boolean {
        return isSchema(node) || isField(node) || isLetField(node) || isEventDecl(node) || isEventProperty(node) || isSegment(node) || isStaticList(node);
    }
}
