import type { AstNode } from 'langium';
import type { SourceSpan } from '@segments/ir';

/**
 * Where a node is written, with 1-based lines and columns (`endColumn` is the column just after
 * its last character), and its text; `undefined` for a node without text (built, not parsed).
 */
export function sourceSpanOf(node: AstNode): SourceSpan | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    const { start, end } = cst.range;
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, text: cst.text };
}
