import { type AstNode, AstUtils } from 'langium';
import {
    type Expression,
    type LetField,
    isAgoPredicate,
    isBetweenPredicate,
    isBinaryExpr,
    isComparison,
    isFieldRef,
    isIncludesPredicate,
    isInList,
    isInPredicate,
    isInSegment,
    isLetField,
    isNotExpr,
    isOrderPredicate,
    isPerformed,
    isPresencePredicate,
    isTextPredicate,
    isWithinPredicate,
} from './generated/ast.js';

/** Whether an expression is a condition by its form (so its type is `boolean`). */
export function isConditionForm(e: Expression): boolean {
    return (
        isBinaryExpr(e) ||
        isNotExpr(e) ||
        isComparison(e) ||
        isBetweenPredicate(e) ||
        isInPredicate(e) ||
        isTextPredicate(e) ||
        isPresencePredicate(e) ||
        isIncludesPredicate(e) ||
        isWithinPredicate(e) ||
        isAgoPredicate(e) ||
        isOrderPredicate(e) ||
        isPerformed(e) ||
        isInSegment(e) ||
        isInList(e)
    );
}

/** The calculated fields an expression (or any node) names directly, each once. */
export function calculatedFieldsUsedBy(node: AstNode | undefined): LetField[] {
    if (!node) return [];
    return AstUtils.streamAst(node)
        .filter(isFieldRef)
        .map((ref) => ref.field?.ref)
        .filter(isLetField)
        .distinct()
        .toArray();
}
