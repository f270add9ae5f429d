import { type AstNode, AstUtils, CstUtils, GrammarAST, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import {
    type Expression,
    isAggregate,
    isComparison,
    isDateLiteral,
    isDateTimeLiteral,
    isDescriptionSetting,
    isDuration,
    isEnumType,
    isEventDecl,
    isEventProperty,
    isField,
    isFieldRef,
    isFunctionCall,
    isInList,
    isInPredicate,
    isInSegment,
    isLetField,
    isModel,
    isNumberLiteral,
    isPerformed,
    isSchema,
    isSegment,
    isStaticList,
    isStringLiteral,
    isTimezoneSetting,
    type SegmentTypeChecker,
    type StringLiteral,
} from '@segments/language';
import {
    type CancellationToken,
    type SemanticTokens,
    type SemanticTokensDelta,
    type SemanticTokensDeltaParams,
    SemanticTokenModifiers,
    type SemanticTokensParams,
    type SemanticTokensRangeParams,
    SemanticTokenTypes,
} from 'vscode-languageserver';
import type { SegmentLspServices } from '../../segment-lsp-module.js';

/**
 * How the keywords of each datatype rule are highlighted: `undefined` leaves them to the node
 * that owns them (names, function names, durations), any other value is their token type.
 */
const keywordRules: Record<string, string | undefined> = {
    Name: undefined,
    FunctionName: undefined,
    AggregateFunction: undefined,
    TimeUnit: undefined,
    ScalarTypeName: SemanticTokenTypes.type,
    ListElementType: SemanticTokenTypes.type,
};

/**
 * Semantic highlighting: what a TextMate grammar cannot know. Declarations (schemas as types,
 * segments as classes, lists as variables, events, fields as properties) with the `declaration`
 * modifier; references coloured like what they resolve to (a name inside an event's `where` may
 * be a property or, as `at`, the event); strings compared with a `one of` field as enum members;
 * functions; numbers, durations and dates as numbers; keywords and operators.
 *
 * Requests run one at a time: Langium's provider keeps the request being answered in fields (the
 * document, the range, the document's token builder) and yields between nodes, so a full and a
 * range request arriving together (as VS Code sends them when a file opens) would otherwise push
 * their tokens into one builder and answer with every token twice.
 */
export class SegmentSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected readonly typeChecker: SegmentTypeChecker;
    /** Settles when the last request queued so far has been answered. */
    protected queue: Promise<unknown> = Promise.resolve();

    constructor(services: SegmentLspServices) {
        super(services);
        this.typeChecker = services.types.TypeChecker;
    }

    override semanticHighlight(document: LangiumDocument, params: SemanticTokensParams, cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return this.enqueue(() => super.semanticHighlight(document, params, cancelToken));
    }

    override semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams, cancelToken?: CancellationToken): Promise<SemanticTokens> {
        return this.enqueue(() => super.semanticHighlightRange(document, params, cancelToken));
    }

    override semanticHighlightDelta(document: LangiumDocument, params: SemanticTokensDeltaParams, cancelToken?: CancellationToken): Promise<SemanticTokens | SemanticTokensDelta> {
        return this.enqueue(() => super.semanticHighlightDelta(document, params, cancelToken));
    }

    /** Runs `request` once every request queued before it has settled (answered, failed or cancelled). */
    protected enqueue<T>(request: () => Promise<T>): Promise<T> {
        const result = this.queue.then(request);
        this.queue = result.catch(() => undefined);
        return result;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | undefined | 'prune' {
        const declaration = SemanticTokenModifiers.declaration;
        if (isModel(node)) {
            this.highlightKeywords(node, acceptor);
        } else if (isSchema(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.type, modifier: declaration });
            acceptor({ node, property: 'key', type: SemanticTokenTypes.property });
        } else if (isField(node) || isEventProperty(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.property, modifier: declaration });
            if (node.path !== undefined) acceptor({ node, property: 'path', type: SemanticTokenTypes.string });
        } else if (isLetField(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.property, modifier: [declaration, SemanticTokenModifiers.readonly] });
        } else if (isEventDecl(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.event, modifier: declaration });
            if (node.path !== undefined) acceptor({ node, property: 'path', type: SemanticTokenTypes.string });
        } else if (isEnumType(node)) {
            acceptor({ node, property: 'values', type: SemanticTokenTypes.enumMember });
        } else if (isSegment(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: declaration });
            if (node.title !== undefined) acceptor({ node, property: 'title', type: SemanticTokenTypes.string });
            if (node.schema) acceptor({ node, property: 'schema', type: SemanticTokenTypes.type });
        } else if (isStaticList(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: [declaration, SemanticTokenModifiers.readonly] });
            if (node.title !== undefined) acceptor({ node, property: 'title', type: SemanticTokenTypes.string });
            if (node.schema) acceptor({ node, property: 'schema', type: SemanticTokenTypes.type });
            acceptor({ node, property: 'file', type: SemanticTokenTypes.string });
            acceptor({ node, property: 'by', type: SemanticTokenTypes.property });
        } else if (isDescriptionSetting(node) || isTimezoneSetting(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.string });
        } else if (isFieldRef(node)) {
            const event = isEventDecl(node.field?.ref);
            acceptor({ node, property: 'field', type: event ? SemanticTokenTypes.event : SemanticTokenTypes.property });
        } else if (isFunctionCall(node)) {
            acceptor({ node, property: 'function', type: SemanticTokenTypes.function });
        } else if (isAggregate(node)) {
            acceptor({ node, property: 'function', type: SemanticTokenTypes.function });
            acceptor({ node, property: 'event', type: SemanticTokenTypes.event });
            if (node.property) acceptor({ node, property: 'property', type: SemanticTokenTypes.property });
        } else if (isPerformed(node)) {
            acceptor({ node, property: 'event', type: SemanticTokenTypes.event });
        } else if (isInSegment(node)) {
            acceptor({ node, property: 'segment', type: SemanticTokenTypes.class });
        } else if (isInList(node)) {
            acceptor({ node, property: 'list', type: SemanticTokenTypes.variable, modifier: SemanticTokenModifiers.readonly });
        } else if (isStringLiteral(node)) {
            acceptor({ node, property: 'value', type: this.isEnumValue(node) ? SemanticTokenTypes.enumMember : SemanticTokenTypes.string });
        } else if (isNumberLiteral(node) || isDateLiteral(node) || isDateTimeLiteral(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        } else if (isDuration(node) && node.$cstNode) {
            acceptor({ cst: node.$cstNode, type: SemanticTokenTypes.number });
        }
        return undefined;
    }

    /** Keywords as keywords, symbolic ones (`=`, `>=`, `+`) as operators; punctuation is left to the editor. */
    protected highlightKeywords(model: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (!model.$cstNode) return;
        for (const leaf of CstUtils.flattenCst(model.$cstNode)) {
            const type = this.keywordType(leaf);
            if (type) acceptor({ cst: leaf, type });
        }
    }

    /** The token type of a keyword leaf, or `undefined` for other leaves and keywords some node highlights. */
    protected keywordType(leaf: LeafCstNode): string | undefined {
        const keyword = leaf.grammarSource;
        if (!GrammarAST.isKeyword(keyword) || leaf.hidden) return undefined;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
        if (Object.hasOwn(keywordRules, rule)) return keywordRules[rule];
        if (/^[a-z_]+$/i.test(keyword.value)) return SemanticTokenTypes.keyword;
        return /^(=|!=|<|<=|>|>=|\+|-|\*|\/)$/.test(keyword.value) ? SemanticTokenTypes.operator : undefined;
    }

    /** Whether a string is compared with a `one of` field (`tier = "Gold"`, `tier in ("Gold")`). */
    protected isEnumValue(node: StringLiteral): boolean {
        const container = node.$container;
        let others: Expression[] = [];
        if (isComparison(container)) others = [container.left, container.right].filter((side) => side !== node);
        else if (isInPredicate(container) && container.values.includes(node)) others = [container.subject];
        return others.some((other) => this.typeChecker.typeOf(other).kind === 'enum');
    }
}
