import type { AstNode } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { isEventDecl, isParenExpr, isSchema, isSegment } from '@segments/language';

/**
 * Folds schemas, events, segments and parenthesised groups of conditions over several lines (and
 * block comments, as Langium does). Langium's default folds every node over three lines, which
 * nests one fold per operand of a long `and` chain, all starting on one line.
 */
export class SegmentFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return isSchema(node) || isEventDecl(node) || isSegment(node) || isParenExpr(node);
    }
}
