import { DocumentState, type LangiumDocument, type LangiumSharedCoreServices, URI, UriUtils } from 'langium';
import { CsvFileListSource } from '@segments/engine/node';
import { CONFIG_FILE_NAME, isDescriptionSetting, isSegment, type Model, type Segment, type SegmentBundleIR } from '@segments/language';
import { pluralOf } from '../lsp/code-lens/segment-code-lens-provider.js';
import type { PreviewSample } from '../lsp/code-lens/segment-preview-counter.js';
import type { SegmentLspServices } from '../segment-lsp-module.js';
import { type CancellationToken, type Connection, DiagnosticSeverity } from 'vscode-languageserver';
import {
    COMPILE_REQUEST,
    type CompileResult,
    type ErrorsResult,
    type FailedResult,
    type NoPreviewResult,
    type NoSegmentResult,
    PREVIEW_REQUEST,
    type PreviewParams,
    type PreviewResult,
    type SegmentParams,
    type SegmentSummary,
    TRACE_REQUEST,
    type TraceParams,
    type TraceResult,
} from './segment-requests-protocol.js';
import { evaluatePreview, type PreviewInput, traceRecord } from './preview-evaluation.js';
import { readEventsByKey, readNdjsonObjects } from '../lsp/code-lens/ndjson-sample.js';

/** How many members a preview lists when the client does not say. */
export const DEFAULT_MAX_ROWS = 50;

/** A segment lowered to the IR, with the sample of its project: what a preview or a trace evaluates, outside the workspace lock. */
export interface PreviewPlan {
    kind: 'planned';
    uri: string;
    segment: SegmentSummary;
    bundle: SegmentBundleIR;
    sample: PreviewSample;
    /** The sample file as `segment.config.json` or the `segments.preview.data` setting names it. */
    data: string;
}

/**
 * The extension's requests besides LSP — `segment/compile` (the IR bundle of a segment),
 * `segment/preview` (its member count, funnel and sample members on the project's `preview`
 * data) and `segment/trace` (why one sample record is or is not a member) — answered with the
 * language server's services: the IR lowering and `@segments/engine`.
 *
 * Each request reads the workspace under Langium's workspace lock once the document is validated,
 * but only to lower the segment to the IR (plain JSON); the sample is streamed after the lock is
 * released, so a large sample never holds up edits.
 */
export class SegmentRequests {
    constructor(protected readonly shared: LangiumSharedCoreServices) {}

    /** Answers the requests on a connection. */
    register(connection: Connection): void {
        connection.onRequest(COMPILE_REQUEST, (params: SegmentParams, token) => this.read(params, token, (services, document) => this.compile(services, document, params)));
        connection.onRequest(PREVIEW_REQUEST, async (params: PreviewParams, token) => {
            const plan = await this.read(params, token, (services, document) => this.plan(services, document, params));
            return plan.kind === 'planned' ? this.evaluate(plan, params.maxRows) : plan;
        });
        connection.onRequest(TRACE_REQUEST, async (params: TraceParams, token) => {
            const plan = await this.read(params, token, (services, document) => this.plan(services, document, params));
            return plan.kind === 'planned' ? this.trace(plan, params.key) : plan;
        });
    }

    /** The IR bundle of the segment a request designates. */
    compile(services: SegmentLspServices, document: LangiumDocument<Model>, params: SegmentParams): CompileResult {
        const lowered = this.lower(services, document, params);
        return lowered.kind === 'lowered' ? { kind: 'compiled', uri: lowered.uri, segment: lowered.segment, bundle: lowered.bundle } : lowered;
    }

    /** Everything a preview or a trace of the designated segment needs, read from the workspace. */
    plan(services: SegmentLspServices, document: LangiumDocument<Model>, params: SegmentParams): PreviewPlan | NoPreviewResult | NoSegmentResult | ErrorsResult | FailedResult {
        const lowered = this.lower(services, document, params);
        if (lowered.kind !== 'lowered') return lowered;
        const project = services.workspace.Projects.projectOf(document.uri);
        const sample = services.preview.PreviewCounter.sampleOf(document);
        if (!sample || !project.config.preview) {
            const folder = project.root ?? UriUtils.dirname(document.uri);
            return { kind: 'no-preview', uri: lowered.uri, segment: lowered.segment, configFile: UriUtils.joinPath(folder, CONFIG_FILE_NAME).fsPath, configExists: project.root !== undefined };
        }
        return { kind: 'planned', uri: lowered.uri, segment: lowered.segment, bundle: lowered.bundle, sample, data: project.config.preview.data };
    }

    /** The preview of a document's segment: {@link plan}, then {@link evaluate}. */
    async preview(services: SegmentLspServices, document: LangiumDocument<Model>, params: PreviewParams): Promise<PreviewResult> {
        const plan = this.plan(services, document, params);
        return plan.kind === 'planned' ? this.evaluate(plan, params.maxRows) : plan;
    }

    /** Streams the plan's sample through its segment (only `.ndjson` samples are read, as by the member-count lenses). */
    async evaluate(plan: PreviewPlan, maxRows = DEFAULT_MAX_ROWS): Promise<PreviewResult> {
        const input = await this.input(plan);
        if (input.kind === 'failed') return input;
        try {
            const evaluation = await evaluatePreview(plan.bundle, input.input, Math.max(0, Math.floor(maxRows)));
            return { kind: 'ready', uri: plan.uri, segment: plan.segment, data: plan.data, now: new Date(input.input.now).toISOString(), ...evaluation };
        } catch (error) {
            return { kind: 'failed', uri: plan.uri, segment: plan.segment, message: (error as Error).message };
        }
    }

    /** The trace of one sample record (the first with the key). */
    async trace(plan: PreviewPlan, key: string): Promise<TraceResult> {
        const input = await this.input(plan);
        if (input.kind === 'failed') return input;
        try {
            const trace = await traceRecord(plan.bundle, input.input, key);
            return trace ? { kind: 'trace', uri: plan.uri, segment: plan.segment, trace } : { kind: 'not-found', uri: plan.uri, segment: plan.segment, key };
        } catch (error) {
            return { kind: 'failed', uri: plan.uri, segment: plan.segment, message: (error as Error).message };
        }
    }

    /** The segment a request designates: by name, else the one at the position, else the first. */
    segmentOf(document: LangiumDocument<Model>, params: SegmentParams): Segment | undefined {
        const segments = document.parseResult.value.declarations.filter(isSegment);
        if (params.name !== undefined) return segments.find((segment) => segment.name === params.name);
        if (params.position) {
            const offset = document.textDocument.offsetAt(params.position);
            const at = segments.find((segment) => segment.$cstNode && segment.$cstNode.offset <= offset && offset <= segment.$cstNode.end);
            if (at) return at;
        }
        return segments[0];
    }

    /** Lowers the designated segment, unless the document has errors. */
    protected lower(
        services: SegmentLspServices,
        document: LangiumDocument<Model>,
        params: SegmentParams,
    ): { kind: 'lowered'; uri: string; segment: SegmentSummary; bundle: SegmentBundleIR } | NoSegmentResult | ErrorsResult | FailedResult {
        const uri = params.textDocument.uri;
        const segment = this.segmentOf(document, params);
        if (!segment) return { kind: 'no-segment', uri, ...(params.name !== undefined ? { name: params.name } : {}) };
        const summary = this.summary(services, segment);
        const errors = (document.diagnostics ?? []).filter((d) => d.severity === DiagnosticSeverity.Error);
        if (errors.length > 0) {
            return {
                kind: 'errors',
                uri,
                segment: summary,
                errors: errors.map((d) => ({ line: d.range.start.line, message: typeof d.message === 'string' ? d.message : d.message.value, ...(typeof d.code === 'string' ? { code: d.code } : {}) })),
            };
        }
        try {
            return { kind: 'lowered', uri, segment: summary, bundle: services.ir.Lowering.lowerSegment(segment) };
        } catch (error) {
            return { kind: 'failed', uri, segment: summary, message: (error as Error).message };
        }
    }

    /** What results say about a segment. */
    protected summary(services: SegmentLspServices, segment: Segment): SegmentSummary {
        const schema = services.references.SchemaResolver.schemaFor(segment)?.name ?? segment.schema?.$refText ?? '';
        const description = segment.settings.find(isDescriptionSetting)?.value;
        return {
            name: segment.name,
            title: segment.title ?? segment.name,
            ...(description !== undefined ? { description } : {}),
            schema,
            noun: schema ? pluralOf(schema) : 'records',
            line: segment.$cstNode?.range.start.line ?? 0,
        };
    }

    /** Opens the plan's sample: its records as a stream, its events file read whole. */
    protected async input(plan: PreviewPlan): Promise<{ kind: 'input'; input: PreviewInput } | FailedResult> {
        const { sample } = plan;
        if (!sample.data.endsWith('.ndjson')) {
            return { kind: 'failed', uri: plan.uri, segment: plan.segment, message: `previews read .ndjson samples only (${plan.data})` };
        }
        try {
            const eventsByKey = sample.events ? await readEventsByKey(sample.events) : undefined;
            return {
                kind: 'input',
                input: { records: readNdjsonObjects(sample.data), ...(eventsByKey ? { eventsByKey } : {}), now: sample.now ?? new Date(), lists: new CsvFileListSource() },
            };
        } catch (error) {
            return { kind: 'failed', uri: plan.uri, segment: plan.segment, message: `cannot read the sample: ${(error as Error).message}` };
        }
    }

    /**
     * Runs `action` on a validated document under the workspace lock (as Langium's own request
     * handlers do). A document the server does not know gives a `failed` result.
     */
    protected async read<T>(params: SegmentParams, token: CancellationToken, action: (services: SegmentLspServices, document: LangiumDocument<Model>) => T): Promise<T | FailedResult> {
        const uri = URI.parse(params.textDocument.uri);
        const workspace = this.shared.workspace;
        try {
            await workspace.WorkspaceManager.ready;
            await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
            return await workspace.WorkspaceLock.read(() => {
                const document = workspace.LangiumDocuments.getDocument(uri);
                if (!document) throw new Error(`${uri.fsPath} is not part of the workspace`);
                return action(this.shared.ServiceRegistry.getServices(uri) as SegmentLspServices, document as LangiumDocument<Model>);
            });
        } catch (error) {
            return { kind: 'failed', uri: params.textDocument.uri, message: (error as Error).message };
        }
    }
}

