import { type CstNode, CstUtils, DefaultValueConverter, type GrammarAST, type ValueType } from 'langium';

/**
 * Converts terminal and datatype-rule text into AST values:
 * `$1_000.50` → 1000.5, `` `first name` `` → `first name`, `"a\"b"` → `a"b`.
 */
export class SegmentValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'NUMBER':
                return parseNumberLiteral(input);
            case 'Name':
            case 'QUOTED_NAME':
                return unquoteName(input);
            case 'FunctionName':
            case 'TimeUnit':
            case 'TextOperator':
            case 'AggregateFunction':
            case 'OrOperator':
            case 'AndOperator':
            case 'PresenceCheck':
            case 'Quantifier':
            case 'AgoComparison':
            case 'OrderOperator':
            case 'WindowDirection':
            case 'FrequencyBound':
            case 'ScalarTypeName':
            case 'ListElementType':
                return normalizeKeywords(tokenTexts(cstNode).join(' '));
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}

/** Parses a NUMBER token: an optional `$`, digits with optional `_` separators. */
export function parseNumberLiteral(text: string): number {
    return Number(text.replace(/^\$/, '').replace(/_/g, ''));
}

/** Strips the backticks of a quoted name. */
export function unquoteName(text: string): string {
    return text.length >= 2 && text.startsWith('`') && text.endsWith('`') ? text.slice(1, -1) : text;
}

/** Keywords are case-insensitive; the AST holds their canonical, lower-case, single-spaced form. */
export function normalizeKeywords(text: string): string {
    return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The texts of the visible tokens of a node (a datatype rule's input joins them without spaces). */
function tokenTexts(node: CstNode): string[] {
    return CstUtils.flattenCst(node)
        .filter((leaf) => !leaf.hidden)
        .map((leaf) => leaf.text)
        .toArray();
}
