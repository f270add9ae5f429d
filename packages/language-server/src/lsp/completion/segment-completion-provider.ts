import { type AstNode, type AstNodeDescription, AstUtils, CstUtils, GrammarAST, type LangiumDocument, type Reference, type ReferenceInfo, type Stream } from 'langium';
import { type CompletionAcceptor, type CompletionContext, type CompletionValueItem, DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import { type CancellationToken, type CompletionItem, CompletionItemKind, CompletionList, type CompletionParams, InsertTextFormat } from 'vscode-languageserver';
import {
    type Attribute,
    type Expression,
    type SegmentSchemaResolver,
    type SegmentTypeChecker,
    builtinFunctions,
    isComparison,
    isConditionForm,
    isEventDecl,
    isEventProperty,
    isExpression,
    isField,
    isFieldRef,
    isInPredicate,
    isLetField,
    isNegationExpr,
    isArithmeticExpr,
    isSchema,
    isSegment,
    isStaticList,
} from '@segments/language';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import { DeclarationMarkdown, EVENT_TIME_NAME } from '../hover/declaration-markdown.js';
import { aggregateLabel, aggregateSignatures } from '../signature/aggregate-signatures.js';
import { schemaSnippet, segmentSnippet } from './declaration-snippets.js';
import { PlaceholderParser } from './placeholder-parser.js';
import { operatorsFor } from './predicate-operators.js';

/** Sort texts: in a value position, values of the field first, then names, functions, keywords. */
export const SortText = {
    Value: '0',
    EventProperty: '1',
    Field: '2',
    Function: '3',
    Aggregate: '4',
    Keyword: '5',
} as const;

/** Where a value can stand before a predicate suffix (`x contains ...`): a whole condition's place. */
const CONDITION_PLACES = new Set(['where', 'exclude', 'left', 'right', 'operand', 'inner', 'filter', 'value']);

/**
 * Completion that knows the segment language:
 * - names in scope with their type, documentation and `from` mapping (an event's properties and `at`
 *   first inside its `where`); events, event properties, segments, lists and schemas where they go;
 * - the values of a `one of` field after `=`, `!=` and `in (`;
 * - the built-in functions and event aggregates as snippets, with their signatures;
 * - after a value, the operators valid for its type (`contains` on text, `within last` on dates...);
 * - time units after a number (singular after 1), snippets for a new segment or schema, and
 *   Langium's keywords by position, minus those that make no sense there.
 */
export class SegmentCompletionProvider extends DefaultCompletionProvider {
    protected readonly types: SegmentTypeChecker;
    protected readonly schemas: SegmentSchemaResolver;
    protected readonly markdown: DeclarationMarkdown;
    protected readonly placeholders: PlaceholderParser;

    constructor(services: SegmentLspServices) {
        super(services);
        this.types = services.types.TypeChecker;
        this.schemas = services.references.SchemaResolver;
        this.markdown = new DeclarationMarkdown(services);
        this.placeholders = new PlaceholderParser(services);
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        const operators = this.operatorCompletion(document, offset);
        if (operators) {
            return CompletionList.create(operators, true);
        }
        const list = await super.getCompletion(document, params, cancelToken);
        return list?.items.length === 0 ? CompletionList.create(this.listValueCompletion(document, offset), true) : list;
    }

    /**
     * The values after a comma in `x in ("a", |)` and `tags includes any of ("a", |)`: Langium takes
     * such a comma for the optional trailing comma, after which only `)` may come.
     */
    protected listValueCompletion(document: LangiumDocument, offset: number): CompletionItem[] {
        if (!document.textDocument.getText().slice(0, offset).trimEnd().endsWith(',')) {
            return [];
        }
        const value = this.placeholders.nodeAt(document, offset, offset);
        if (!isFieldRef(value) || value.$containerProperty !== 'values') {
            return [];
        }
        const context = this.contextAt(document, offset, offset, value);
        const items: CompletionItem[] = [];
        const acceptor: CompletionAcceptor = (_context, item) => {
            const filled = this.fillCompletionItem(context, item);
            if (filled) items.push(filled);
        };
        this.completionForEnumValues(context, value, acceptor);
        const refInfo: ReferenceInfo = { reference: { $refText: '', ref: undefined }, container: value, property: 'field' };
        for (const candidate of this.getReferenceCandidates(refInfo, context)) {
            acceptor(context, this.createReferenceCompletionItem(candidate, refInfo, context));
        }
        this.completionForFunctions(context, acceptor);
        return items;
    }

    /** A completion context of our own, for completions that follow no grammar feature. */
    protected contextAt(document: LangiumDocument, tokenOffset: number, offset: number, node: AstNode): CompletionContext {
        const textDocument = document.textDocument;
        return { document, textDocument, features: [], node, offset, position: textDocument.positionAt(offset), tokenOffset, tokenEndOffset: offset };
    }

    // ------------------------------------------------------------------------------------------
    // Operators after a value

    /**
     * The operators valid after the value that ends before the cursor (or before the word being
     * typed), when that value stands where a condition may: `where tier |`, `and last_visit wi|`.
     */
    protected operatorCompletion(document: LangiumDocument, offset: number): CompletionItem[] | undefined {
        const text = document.textDocument.getText();
        const wordStart = offset - (/[\p{L}_]*$/u.exec(text.slice(0, offset))?.[0].length ?? 0);
        const subject = this.subjectBefore(document, wordStart);
        if (!subject) {
            return undefined;
        }
        const context = this.contextAt(document, wordStart, offset, subject);
        const items: CompletionItem[] = [];
        for (const operator of operatorsFor(this.types.typeOf(subject))) {
            const item = this.fillCompletionItem(context, {
                label: operator.label,
                kind: /\p{L}/u.test(operator.label) ? CompletionItemKind.Keyword : CompletionItemKind.Operator,
                documentation: { kind: 'markdown', value: operator.documentation },
                insertText: operator.snippet,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: SortText.Value,
            });
            if (item) items.push(item);
        }
        return items;
    }

    /** The whole value (`a + b`, `lower(x)`, `count(...)`) that ends before an offset, if a predicate may follow it. */
    protected subjectBefore(document: LangiumDocument, offset: number): Expression | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeBeforeOffset(root, offset);
        if (!leaf || leaf.end > offset || document.textDocument.getText().slice(leaf.end, offset).trim() !== '') {
            return undefined;
        }
        let subject: AstNode = leaf.astNode;
        if (!isExpression(subject) || isConditionForm(subject) || (subject.$cstNode?.end ?? Infinity) > offset) {
            return undefined;
        }
        while ((isArithmeticExpr(subject.$container) || isNegationExpr(subject.$container)) && subject.$container.$cstNode?.end === leaf.end) {
            subject = subject.$container;
        }
        return CONDITION_PLACES.has(subject.$containerProperty ?? '') && !isComparison(subject.$container) ? (subject as Expression) : undefined;
    }

    // ------------------------------------------------------------------------------------------
    // Features of the grammar

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): void | Promise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        if (rule === 'FunctionName') {
            return this.completionForFunctions(context, acceptor);
        }
        return super.completionFor(context, next, acceptor);
    }

    /** The built-in functions, inserting `name($1)`. */
    protected completionForFunctions(context: CompletionContext, acceptor: CompletionAcceptor): void {
        for (const signature of builtinFunctions.values()) {
            acceptor(context, {
                label: signature.name,
                kind: CompletionItemKind.Function,
                detail: this.markdown.functionLabel(signature),
                documentation: { kind: 'markdown', value: signature.documentation },
                insertText: `${signature.name}($1)`,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: SortText.Function,
            });
        }
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const value = keyword.value.toLowerCase();
        const aggregate = rule === 'AggregateFunction' ? aggregateSignatures.get(value) : undefined;
        if (aggregate) {
            acceptor(context, {
                label: aggregate.name,
                kind: CompletionItemKind.Function,
                detail: aggregateLabel(aggregate),
                documentation: { kind: 'markdown', value: aggregate.documentation },
                insertText: `${aggregate.name}($1)`,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: SortText.Aggregate,
            });
        } else if (value === 'in' && (rule === 'InSegment' || rule === 'InList')) {
            // Langium offers one `in` for both rules: offer both conditions.
            for (const label of ['in segment', 'in list']) {
                acceptor(context, { label, kind: CompletionItemKind.Keyword, detail: 'Keyword', sortText: SortText.Keyword });
            }
        } else {
            if (this.isDeclarationStart(keyword, rule)) {
                acceptor(context, value === 'segment' ? segmentSnippet(this.schemaNames(context.document)) : schemaSnippet());
            }
            acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: 'Keyword', sortText: SortText.Keyword });
        }
    }

    /**
     * Langium's keywords, except: `year`/`month`/`day` where a function may go (the functions are
     * offered instead); `null` (`x = null` is never what is meant: `is not set` is); conditions
     * (`performed`, `in segment`, `in list`) where only a value can go; conditions and aggregates
     * over other events inside an event's `where`; time units of the wrong number (`1 day`, `30 days`).
     */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (!super.filterKeyword(context, keyword)) {
            return false;
        }
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const value = keyword.value.toLowerCase();
        if (rule === 'FunctionName' || value === 'null') {
            return false;
        }
        if (rule === 'AggregateFunction') {
            return !this.isInEventFilter(context);
        }
        if (value === 'performed' || rule === 'InSegment' || rule === 'InList') {
            return this.isConditionPlace(context) && !this.isInEventFilter(context);
        }
        if (rule === 'TimeUnit') {
            const amount = /(\S+)\s+$/.exec(context.textDocument.getText().slice(0, context.tokenOffset))?.[1];
            return amount === undefined || (Number(amount.replace(/[$_]/g, '')) === 1) === !value.endsWith('s');
        }
        return true;
    }

    /** Whether a condition may start here, rather than only a value: Langium then offers `not`. */
    protected isConditionPlace(context: CompletionContext): boolean {
        return context.features.some((f) => GrammarAST.isKeyword(f.feature) && f.feature.value === 'not');
    }

    /** Whether the cursor is in the `where` of `performed` or of an aggregate, where only the event's properties and the contact's fields make sense. */
    protected isInEventFilter(context: CompletionContext): boolean {
        const node = this.placeholders.nodeAt(context.document, context.tokenOffset, Math.max(context.tokenEndOffset, context.tokenOffset));
        return node !== undefined && this.schemas.eventInScope(node) !== undefined;
    }

    /** Whether a keyword starts a top-level declaration (`segment`, `schema`), where a snippet is offered too. */
    protected isDeclarationStart(keyword: GrammarAST.Keyword, rule: string | undefined): boolean {
        if (rule !== 'Segment' && rule !== 'Schema') {
            return false;
        }
        const group: AstNode = keyword.$container;
        return GrammarAST.isGroup(group) && group.elements[0] === keyword && GrammarAST.isParserRule(group.$container);
    }

    protected schemaNames(document: LangiumDocument): string[] {
        return this.schemas
            .schemasOfProject(document)
            .map((schema) => schema.name)
            .toArray();
    }

    // ------------------------------------------------------------------------------------------
    // Cross-references

    /**
     * Resolves the scope on a copy of the document with a placeholder at the cursor (see
     * {@link PlaceholderParser}), so that incomplete conditions still know their event and their
     * field; adds the values of a `one of` field after `=`, `!=` and `in (`.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): void | Promise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const type = next.type ?? AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        const container = type && this.placeholderContainer(context, type);
        if (!assignment || !container) {
            return super.completionForCrossReference(context, next, acceptor);
        }
        const reference: Reference = { $refText: '', ref: undefined };
        const refInfo: ReferenceInfo = { reference, container, property: assignment.feature };
        if (isFieldRef(container)) {
            this.completionForEnumValues(context, container, acceptor);
        }
        for (const candidate of this.getReferenceCandidates(refInfo, context)) {
            acceptor(context, this.createReferenceCompletionItem(candidate, refInfo, context));
        }
    }

    /** The node of the placeholder's copy that holds the reference being completed. */
    protected placeholderContainer(context: CompletionContext, type: string): AstNode | undefined {
        const end = Math.max(context.tokenEndOffset, context.tokenOffset);
        const node = this.placeholders.nodeAt(context.document, context.tokenOffset, end);
        return node && this.astReflection.isSubtype(node.$type, type) ? node : undefined;
    }

    /** `"Gold"`, `"Silver"`... where a value of a `one of` field is compared or listed. */
    protected completionForEnumValues(context: CompletionContext, value: AstNode, acceptor: CompletionAcceptor): void {
        const parent = value.$container;
        let subject: Expression | undefined;
        if (isComparison(parent) && value.$containerProperty === 'right' && (parent.operator === '=' || parent.operator === '!=')) {
            subject = parent.left;
        } else if (isInPredicate(parent) && value.$containerProperty === 'values') {
            subject = parent.subject;
        }
        const type = subject && this.types.typeOf(subject);
        if (type?.kind !== 'enum') {
            return;
        }
        const detail = isFieldRef(subject) ? `one of ${subject.field.$refText}` : 'one of';
        for (const option of type.values) {
            acceptor(context, { label: JSON.stringify(option), kind: CompletionItemKind.EnumMember, detail, sortText: SortText.Value });
        }
    }

    /**
     * Each name once (an event's property hides a field of the same name); never the segment being
     * written; only the names that match what is typed before the cursor. Langium's acceptor drops
     * the others anyway (`fillCompletionItem` applies the same fuzzy matcher to the label), but only
     * after their item, type and documentation are built: with a schema of thousands of fields, that
     * was most of the time of a completion request.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const own = AstUtils.getContainerOfType(refInfo.container, isSegment)?.name;
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        return super
            .getReferenceCandidates(refInfo, context)
            .filter((description) => this.fuzzyMatcher.match(typed, description.name))
            .distinct((description) => description.name)
            .filter((description) => !(description.type === 'Segment' && description.name === own));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const node = description.node;
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        if (!node) {
            return item;
        }
        if (isEventDecl(node) && description.name === EVENT_TIME_NAME) {
            return { ...item, kind: CompletionItemKind.Property, detail: 'datetime', documentation: this.markdownOf(this.markdown.eventTime(node)), sortText: SortText.EventProperty };
        }
        if (isField(node) || isLetField(node) || isEventProperty(node)) {
            return {
                ...item,
                kind: isEventProperty(node) ? CompletionItemKind.Property : isLetField(node) ? CompletionItemKind.Variable : CompletionItemKind.Field,
                detail: this.markdown.typeOf(node as Attribute),
                documentation: this.markdownOf(this.markdown.attribute(node)),
                sortText: isEventProperty(node) ? SortText.EventProperty : SortText.Field,
            };
        }
        const kind = isEventDecl(node) ? CompletionItemKind.Event : isSchema(node) ? CompletionItemKind.Class : isStaticList(node) ? CompletionItemKind.Enum : CompletionItemKind.Module;
        const detail = isSegment(node) || isStaticList(node) ? node.title ?? description.type.toLowerCase() : description.type.toLowerCase();
        return { ...item, kind, detail, documentation: this.markdownOf(this.markdown.describe(node)), sortText: SortText.Field };
    }

    protected markdownOf(value: string | undefined): CompletionItem['documentation'] {
        return value === undefined ? undefined : { kind: 'markdown', value };
    }
}
