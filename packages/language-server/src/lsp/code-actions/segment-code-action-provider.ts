import { AstUtils, CstUtils, GrammarUtils, type IndexManager, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    type DiagnosticCode,
    isDiagnosticCode,
    isSegment,
    isStaticList,
    type Segment,
    type SegmentDiagnosticData,
    type SegmentLintValidator,
    type SegmentProjects,
    type StaticList,
} from '@segments/language';
import { type CodeAction, CodeActionKind, type CodeActionParams, type Command, type Diagnostic, type Range, TextEdit } from 'vscode-languageserver';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import type { SegmentConfigEditor } from '../config/segment-config-editor.js';
import { SegmentNameWriter } from './segment-names.js';

/** What a quick fix is given: the document and one of its diagnostics, with the diagnostic's data. */
export interface QuickFixInput {
    document: LangiumDocument;
    diagnostic: Diagnostic;
    data: SegmentDiagnosticData;
}

/** One quick fix: the code actions repairing one diagnostic (none when the diagnostic carries too little). */
export type QuickFix = (input: QuickFixInput) => CodeAction[];

/**
 * Quick fixes keyed on diagnostic codes (see docs/diagnostics.md): one small function per code in
 * {@link SegmentCodeActionProvider.quickFixes}, each reading what the validator put in the
 * diagnostic's `data`. The single obvious fix is marked preferred, so that editors apply it on
 * "fix all" or a keyboard shortcut.
 */
export class SegmentCodeActionProvider implements CodeActionProvider {
    protected readonly names: SegmentNameWriter;
    protected readonly configEditor: SegmentConfigEditor;
    protected readonly lints: SegmentLintValidator;
    protected readonly projects: SegmentProjects;
    protected readonly indexManager: IndexManager;

    /** The quick fixes by code. */
    protected readonly quickFixes: Partial<Record<DiagnosticCode, QuickFix>> = {
        'unknown-field': (input) => this.didYouMean(input),
        'unknown-event': (input) => this.didYouMean(input),
        'unknown-property': (input) => this.didYouMean(input),
        'unknown-schema': (input) => this.didYouMean(input),
        'unknown-segment': (input) => this.didYouMean(input),
        'unknown-list': (input) => this.didYouMean(input),
        'unknown-function': (input) => this.didYouMean(input),
        'unknown-enum-value': (input) => this.enumValue(input),
        'ambiguous-precedence': (input) => this.parenthesize(input),
        'ambiguous-date-comparison': (input) => this.dateRewrites(input),
        'null-comparison': (input) => this.replacement(input, 'Write a presence test'),
        'contains-on-list': (input) => this.replacement(input, 'Use `includes`'),
        'too-many-conditions': (input) => this.raiseLimit(input, 'maxConditions', Number(input.data.count)),
        'too-deep': (input) => this.raiseLimit(input, 'maxDepth', this.depthNeeded(input)),
        'missing-schema': (input) => this.addSchema(input),
    };

    constructor(services: SegmentLspServices) {
        this.names = new SegmentNameWriter(services.Grammar);
        this.configEditor = services.config.ConfigEditor;
        this.lints = services.validation.SegmentValidator.lints;
        this.projects = services.workspace.Projects;
        this.indexManager = services.shared.workspace.IndexManager;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as SegmentDiagnosticData | undefined;
            const code = data?.code ?? diagnostic.code;
            const fix = isDiagnosticCode(code) ? this.quickFixes[code] : undefined;
            if (fix && data) actions.push(...fix({ document, diagnostic, data }));
        }
        return actions;
    }

    /** A code action replacing the diagnostic's range of the document. */
    protected replaceAction(input: QuickFixInput, title: string, newText: string, isPreferred: boolean, range: Range = input.diagnostic.range): CodeAction {
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [input.diagnostic],
            isPreferred,
            edit: { changes: { [input.document.uri.toString()]: [TextEdit.replace(range, newText)] } },
        };
    }

    /** `unknown-*`: replace the name with the closest one. */
    protected didYouMean(input: QuickFixInput): CodeAction[] {
        const suggestion = input.data.suggestion;
        if (!suggestion) return [];
        const text = input.data.code === 'unknown-function' ? suggestion : this.names.write(suggestion);
        return [this.replaceAction(input, `Change to \`${text}\``, text, true)];
    }

    /** `unknown-enum-value`: the suggestion is already a quoted string. */
    protected enumValue(input: QuickFixInput): CodeAction[] {
        const suggestion = input.data.suggestion;
        return suggestion ? [this.replaceAction(input, `Change to ${suggestion}`, suggestion, true)] : [];
    }

    /** `ambiguous-precedence`: parentheses around the `and` group, the actual meaning. */
    protected parenthesize(input: QuickFixInput): CodeAction[] {
        const group = input.document.textDocument.getText(input.diagnostic.range);
        return [this.replaceAction(input, 'Add parentheses around the `and` group', `(${group})`, true)];
    }

    /** `ambiguous-date-comparison`: the two unambiguous rewrites; neither is the obvious one. */
    protected dateRewrites(input: QuickFixInput): CodeAction[] {
        const rewrites = Array.isArray(input.data.rewrites) ? (input.data.rewrites as unknown[]).filter((r): r is string => typeof r === 'string') : [];
        return rewrites.map((rewrite) => this.replaceAction(input, `Change to \`${rewrite}\``, rewrite, false));
    }

    /** `null-comparison`, `contains-on-list`: the validator's replacement text. */
    protected replacement(input: QuickFixInput, title: string): CodeAction[] {
        const replacement = input.data.replacement;
        return typeof replacement === 'string' ? [this.replaceAction(input, `${title}: \`${replacement}\``, replacement, true)] : [];
    }

    /** `too-many-conditions`, `too-deep`: raise the limit in the project's segment.config.json. */
    protected raiseLimit(input: QuickFixInput, setting: 'maxConditions' | 'maxDepth', value: number): CodeAction[] {
        if (!Number.isInteger(value) || value <= 0) return [];
        const edit = this.configEditor.setLimit(input.document.uri, setting, value);
        if (!edit) return [];
        return [{ title: `Raise \`limits.${setting}\` to ${value} in segment.config.json`, kind: CodeActionKind.QuickFix, diagnostics: [input.diagnostic], isPreferred: false, edit }];
    }

    /**
     * The depth limit the whole segment needs: the diagnostic gives the level of the first group
     * over the limit, but a deeper one may follow.
     */
    protected depthNeeded(input: QuickFixInput): number {
        const segment = this.declarationAt(input.document, input.diagnostic.range);
        const level = Number(input.data.level);
        if (!isSegment(segment)) return level;
        const depths = [segment.where, segment.exclude].filter((e) => e !== undefined).map((e) => this.lints.depthOf(e));
        return Math.max(level, ...depths);
    }

    /** `missing-schema`: `of NAME` for each schema of the project; none is preferred. */
    protected addSchema(input: QuickFixInput): CodeAction[] {
        const declaration = this.declarationAt(input.document, input.diagnostic.range);
        if (!isSegment(declaration) && !isStaticList(declaration)) return [];
        const after = GrammarUtils.findNodeForProperty(declaration.$cstNode, 'title') ?? GrammarUtils.findNodeForProperty(declaration.$cstNode, 'name');
        if (!after) return [];
        const project = this.projects.projectOf(input.document.uri).key;
        const schemas = this.indexManager
            .allElements('Schema')
            .filter((schema) => this.projects.projectOf(schema.documentUri).key === project)
            .map((schema) => schema.name)
            .distinct()
            .toArray()
            .sort();
        const position = after.range.end;
        return schemas.map((schema) => {
            const text = ` of ${this.names.write(schema)}`;
            return this.replaceAction(input, `Add \`of ${this.names.write(schema)}\``, text, false, { start: position, end: position });
        });
    }

    /** The segment or list whose text holds the start of a range. */
    protected declarationAt(document: LangiumDocument, range: Range): Segment | StaticList | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
        const node = leaf?.astNode;
        return node && AstUtils.getContainerOfType(node, (n): n is Segment | StaticList => isSegment(n) || isStaticList(n));
    }
}
