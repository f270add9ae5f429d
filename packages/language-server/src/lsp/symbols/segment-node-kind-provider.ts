import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { EventDecl, EventProperty, Field, LetField, Schema, Segment, StaticList } from '@segments/language';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/** The symbol and completion kinds of each declaration type. */
const kinds: Record<string, { symbol: SymbolKind; completion: CompletionItemKind }> = {
    [Schema.$type]: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    [Field.$type]: { symbol: SymbolKind.Field, completion: CompletionItemKind.Field },
    [LetField.$type]: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property },
    [EventDecl.$type]: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event },
    [EventProperty.$type]: { symbol: SymbolKind.Field, completion: CompletionItemKind.Field },
    [Segment.$type]: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    [StaticList.$type]: { symbol: SymbolKind.Array, completion: CompletionItemKind.Variable },
};

/**
 * The kinds of the segment language's declarations in outlines, symbol searches and completion
 * lists: schemas as structs, fields as fields, calculated fields as properties, events as events,
 * segments as classes (as semantic highlighting colours them) and static lists as arrays.
 */
export class SegmentNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return kinds[this.typeOf(node)]?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return kinds[this.typeOf(node)]?.completion ?? CompletionItemKind.Reference;
    }

    protected typeOf(node: AstNode | AstNodeDescription): string {
        return 'nameSegment' in node || 'documentUri' in node ? (node as AstNodeDescription).type : (node as AstNode).$type;
    }
}
