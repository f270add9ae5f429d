import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
    type Expression,
    isAggregate,
    isAgoPredicate,
    isArithmeticExpr,
    isBetweenPredicate,
    isBetweenWindow,
    isBinaryExpr,
    isBooleanLiteral,
    isComparison,
    isDateLiteral,
    isDateTimeLiteral,
    isDurationLiteral,
    isFieldRef,
    isFunctionCall,
    isIncludesPredicate,
    isInList,
    isInPredicate,
    isInSegment,
    isNegationExpr,
    isNotExpr,
    isNowLiteral,
    isNullLiteral,
    isNumberLiteral,
    isOrderPredicate,
    isParenExpr,
    isPerformed,
    isPresencePredicate,
    isSegment,
    isSinceWindow,
    isStringLiteral,
    isTextPredicate,
    isTodayLiteral,
    isWithinPredicate,
    type Duration,
    type Model,
    type Segment,
    type Window,
} from '../../src/generated/ast.js';
import { createSegmentServices } from '../../src/segment-module.js';
import { CONTACT_SCHEMA } from '../test-utils.js';

const services = createSegmentServices(EmptyFileSystem).Segment;
const parse = parseHelper<Model>(services);
let contactSchema: Promise<LangiumDocument<Model>> | undefined;

/** A parsed and validated document, already removed from the workspace. */
export interface ParsedText {
    model: Model;
    diagnostics: Diagnostic[];
    codes: string[];
}

/**
 * Parses, links and validates one document next to the specification's `Contact` schema (which
 * stays in the workspace), then removes the document, so tests do not see each other's declarations.
 */
export async function parseText(text: string): Promise<ParsedText> {
    contactSchema ??= parse(CONTACT_SCHEMA);
    await contactSchema;
    const document = await parse(text, { validation: true });
    await clearDocuments(services, [document]);
    const diagnostics = document.diagnostics ?? [];
    return { model: document.parseResult.value, diagnostics, codes: diagnostics.map((d) => String(d.code)) };
}

/**
 * Parses `segment s of Contact { where CONDITION }` (followed by more declarations, if given) and returns the segment and its diagnostics. */
export async function parseSegment(condition: string, declarations = ''): Promise<{ segment: Segment; codes: string[]; diagnostics: Diagnostic[] }> {
    const { model, codes, diagnostics } = await parseText(`segment s of Contact {\n  where ${condition}\n}\n${declarations}`);
    const segment = model.declarations.find(isSegment);
    if (!segment) throw new Error(`no segment parsed from: ${condition}`);
    return { segment, codes, diagnostics };
}

/** The where condition of `segment s of Contact { where CONDITION }`, printed by {@link printExpression}. */
export async function printWhere(condition: string, declarations = ''): Promise<string> {
    const { segment, codes } = await parseSegment(condition, declarations);
    if (codes.includes('syntax-error')) throw new Error(`syntax error in: ${condition}`);
    return printExpression(segment.where);
}

/**
 * A compact, Lisp-like rendering of an expression tree that shows its shape: `(and (> x 1) [y])`
 * where `[...]` is a parenthesised expression. Keyword-valued properties are printed as the AST
 * holds them (so a test sees whether they keep the source's case).
 */
export function printExpression(e: Expression | undefined): string {
    if (e === undefined) return '?';
    const not = (negated: boolean) => (negated ? 'not-' : '');
    if (isBinaryExpr(e) || isComparison(e) || isArithmeticExpr(e)) return `(${e.operator} ${printExpression(e.left)} ${printExpression(e.right)})`;
    if (isNotExpr(e)) return `(not ${printExpression(e.operand)})`;
    if (isNegationExpr(e)) return `(neg ${printExpression(e.operand)})`;
    if (isParenExpr(e)) return `[${printExpression(e.inner)}]`;
    if (isBetweenPredicate(e)) return `(${not(e.negated)}between ${printExpression(e.subject)} ${printExpression(e.low)} ${printExpression(e.high)})`;
    if (isInPredicate(e)) return `(${not(e.negated)}in ${[e.subject, ...e.values].map(printExpression).join(' ')})`;
    if (isTextPredicate(e)) return `(${not(e.negated)}${e.operator} ${printExpression(e.subject)} ${printExpression(e.pattern)})`;
    if (isPresencePredicate(e)) return `(is-${not(e.negated)}${e.check} ${printExpression(e.subject)})`;
    if (isIncludesPredicate(e)) {
        const kind = e.quantifier ? `includes-${e.quantifier}` : 'includes';
        return `(${not(e.negated)}${kind} ${[e.subject, ...e.values].map(printExpression).join(' ')})`;
    }
    if (isWithinPredicate(e)) return `(${printWindow(e.window)} ${printExpression(e.subject)})`;
    if (isAgoPredicate(e)) return `(${e.comparison}-than-${printDuration(e.duration)}-ago ${printExpression(e.subject)})`;
    if (isOrderPredicate(e)) return `(${e.operator} ${printExpression(e.subject)} ${printExpression(e.bound)})`;
    if (isPerformed(e)) {
        const frequency = e.frequency ? ` ${e.frequency.bound}-${e.frequency.times}` : '';
        const window = e.window ? ` ${printWindow(e.window)}` : '';
        const filter = e.filter ? ` where=${printExpression(e.filter)}` : '';
        return `(performed ${e.event.$refText}${frequency}${window}${filter})`;
    }
    if (isAggregate(e)) {
        const property = e.property ? `.${e.property.$refText}` : '';
        const window = e.window ? ` ${printWindow(e.window)}` : '';
        const filter = e.filter ? ` where=${printExpression(e.filter)}` : '';
        return `(${e.function} ${e.event.$refText}${property}${window}${filter})`;
    }
    if (isInSegment(e)) return `(in-segment ${e.segment.$refText})`;
    if (isInList(e)) return `(in-list ${e.list.$refText})`;
    if (isDurationLiteral(e)) return `${printDuration(e.duration)}${e.ago ? '-ago' : ''}${e.fromNow ? '-from-now' : ''}`;
    if (isNumberLiteral(e)) return String(e.value);
    if (isStringLiteral(e)) return JSON.stringify(e.value);
    if (isDateLiteral(e)) return `date:${e.value}`;
    if (isDateTimeLiteral(e)) return `datetime:${e.value}`;
    if (isBooleanLiteral(e)) return String(e.value);
    if (isNullLiteral(e)) return 'null';
    if (isNowLiteral(e)) return 'now';
    if (isTodayLiteral(e)) return 'today';
    if (isFunctionCall(e)) return `(${e.function}() ${e.args.map(printExpression).join(' ')})`.replace(' )', ')');
    if (isFieldRef(e)) return e.field.$refText;
    throw new Error(`cannot print ${(e as Expression).$type}`);
}

/** `within-last-30-days`, `(since X)`, `(between-window A B)`. */
export function printWindow(w: Window): string {
    if (isSinceWindow(w)) return `(since ${printExpression(w.start)})`;
    if (isBetweenWindow(w)) return `(between-window ${printExpression(w.start)} ${printExpression(w.end)})`;
    return `within-${w.direction}-${printDuration(w.duration)}`;
}

/** `30-days`. */
export function printDuration(d: Duration): string {
    return `${d.amount}-${d.unit}`;
}
