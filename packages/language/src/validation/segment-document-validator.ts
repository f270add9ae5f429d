import type { Cancellation } from 'langium';
import {
    DefaultDocumentValidator,
    DocumentValidator,
    type LangiumDocument,
    type ParseResult,
    type ReferenceInfo,
    type ScopeProvider,
    type ValidationOptions,
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { EVENT_TIME_PROPERTY } from '../segment-scope.js';
import type { SegmentSchemaResolver } from '../segment-schema-resolver.js';
import type { SegmentServices } from '../segment-module.js';
import { closestName } from '../util/suggestions.js';
import type { SegmentProjects } from '../workspace/segment-projects.js';
import { type DiagnosticCode, diagnosticCodes, isDiagnosticCode } from './segment-diagnostic-codes.js';

/** The data our diagnostics carry: the stable code, and for unknown names the suggested one. */
export interface SegmentDiagnosticData {
    code: DiagnosticCode;
    /** The name a quick fix would write instead (did-you-mean). */
    suggestion?: string;
    [key: string]: unknown;
}

/** How many syntax errors one document reports before it summarises the rest. */
export const MAX_SYNTAX_ERRORS = 100;

/** What kind of name each cross-reference is, for its code and message. */
const referenceKinds: Record<string, { code: DiagnosticCode; noun: string }> = {
    'FieldRef.field': { code: 'unknown-field', noun: 'field' },
    'Schema.key': { code: 'unknown-field', noun: 'field' },
    'StaticList.by': { code: 'unknown-field', noun: 'field' },
    'Performed.event': { code: 'unknown-event', noun: 'event' },
    'Aggregate.event': { code: 'unknown-event', noun: 'event' },
    'Aggregate.property': { code: 'unknown-property', noun: 'property' },
    'Segment.schema': { code: 'unknown-schema', noun: 'schema' },
    'StaticList.schema': { code: 'unknown-schema', noun: 'schema' },
    'InSegment.segment': { code: 'unknown-segment', noun: 'segment' },
    'InList.list': { code: 'unknown-list', noun: 'list' },
};

/**
 * Langium's document validator, speaking our codes: lexer and parser errors become
 * `syntax-error`, unresolved names `unknown-field`, `unknown-event`... with a did-you-mean, and
 * each lint takes the severity the project's `segment.config.json` gives it (or is dropped when "off").
 */
export class SegmentDocumentValidator extends DefaultDocumentValidator {
    protected readonly scopeProvider: ScopeProvider;
    protected readonly projects: SegmentProjects;
    protected readonly schemas: SegmentSchemaResolver;

    constructor(services: SegmentServices) {
        super(services);
        this.schemas = services.references.SchemaResolver;
        this.scopeProvider = services.references.ScopeProvider;
        this.projects = services.workspace.Projects;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = this.capSyntaxErrors(await super.validateDocument(document, options, cancelToken));
        const { severity } = this.projects.projectOf(document.uri).config;
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as SegmentDiagnosticData | undefined)?.code;
            diagnostic.code = code;
            const configured = isDiagnosticCode(code) && diagnosticCodes[code].lint ? severity[code] : undefined;
            if (configured === 'off') continue;
            if (configured) diagnostic.severity = configured === 'error' ? 1 : configured === 'warning' ? 2 : 3;
            result.push(diagnostic);
        }
        return result;
    }

    /**
     * Keeps the first {@link MAX_SYNTAX_ERRORS} syntax errors and says how many more there are: a
     * file of random bytes would otherwise bury the reader (and the editor) under thousands.
     */
    protected capSyntaxErrors(diagnostics: Diagnostic[]): Diagnostic[] {
        const syntax = diagnostics.filter((d) => (d.data as SegmentDiagnosticData | undefined)?.code === 'syntax-error');
        if (syntax.length <= MAX_SYNTAX_ERRORS) return diagnostics;
        const dropped = new Set(syntax.slice(MAX_SYNTAX_ERRORS));
        const last = syntax[MAX_SYNTAX_ERRORS - 1];
        const summary: Diagnostic = {
            ...last,
            message: `${syntax.length - MAX_SYNTAX_ERRORS} more syntax errors after this one are not shown: is this a segment file?`,
        };
        return [...diagnostics.filter((d) => !dropped.has(d)), summary];
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(start)) {
            diagnostic.data = { ...diagnostic.data, code: 'syntax-error' };
            diagnostic.message = String(diagnostic.message).replace(/^unexpected character: ->(.)<- at offset: \d+,.*$/s, 'unexpected character `$1`');
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(start)) {
            diagnostic.data = { ...diagnostic.data, code: 'syntax-error' };
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const kind = referenceKinds[`${info.container.$type}.${info.property}`] ?? { code: 'unknown-field', noun: 'name' };
            if (this.schemaUnknown(info, kind.code)) continue;
            const name = reference.$refText;
            const suggestion = closestName(name, this.candidateNames(info));
            const message = `Unknown ${kind.noun} \`${name}\`${this.where(info, kind.noun)}${suggestion ? `: did you mean \`${suggestion}\`?` : '.'}`;
            diagnostics.push(
                this.toDiagnostic('error', message, {
                    node: info.container,
                    property: info.property,
                    range: reference.$refNode?.range,
                    data: { code: kind.code, suggestion, refText: name, linkingError: DocumentValidator.LinkingError },
                }),
            );
        }
    }

    /**
     * Whether a field or event name cannot be checked because the schema itself is unknown (an
     * `unknown-schema` or `missing-schema` error says so already: one mistake, one diagnostic).
     */
    protected schemaUnknown(info: ReferenceInfo, code: DiagnosticCode): boolean {
        return (code === 'unknown-field' || code === 'unknown-event' || code === 'unknown-property') && !this.schemas.schemaFor(info.container);
    }

    /** The names a reference could have meant. */
    protected candidateNames(info: ReferenceInfo): string[] {
        try {
            return this.scopeProvider
                .getScope(info)
                .getAllElements()
                .map((d) => d.name)
                .filter((n) => n !== EVENT_TIME_PROPERTY || info.property === 'field')
                .toArray();
        } catch {
            return [];
        }
    }

    protected where(_info: ReferenceInfo, noun: string): string {
        if (noun === 'field' || noun === 'event') return ' in this schema';
        if (noun === 'property') return ' of this event';
        return ' in this project';
    }
}
