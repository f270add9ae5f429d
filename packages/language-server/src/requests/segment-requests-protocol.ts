/**
 * The custom requests the segment language server answers besides LSP: the compiled IR of a
 * segment, its preview on the project's sample data, and the trace of one sample record. Both bundles
 * (the client in the extension host and the server) import these types; the file has no runtime
 * dependency.
 */
import type { FunnelNode, SegmentTrace } from '@segments/engine';
import type { SegmentBundleIR } from '@segments/language';

/** `segment/compile`: the IR bundle of a segment. */
export const COMPILE_REQUEST = 'segment/compile';
/** `segment/preview`: member count, funnel and sample members of a segment. */
export const PREVIEW_REQUEST = 'segment/preview';
/** `segment/trace`: why one sample record is or is not a member. */
export const TRACE_REQUEST = 'segment/trace';

/** A zero-based position, as in LSP. */
export interface Position {
    line: number;
    character: number;
}

/**
 * Which segment a request is about: the one named `name` in the document, else the one at
 * `position`, else the document's first segment.
 */
export interface SegmentParams {
    /** The document's URI, as the client knows it. */
    textDocument: { uri: string };
    name?: string;
    position?: Position;
}

/** The segment a result is about. */
export interface SegmentSummary {
    name: string;
    title: string;
    description?: string;
    /** The schema's name (`Contact`). */
    schema: string;
    /** The schema's records in words (`contacts`). */
    noun: string;
    /** The zero-based line of the segment's declaration. */
    line: number;
}

/** One error that keeps a segment from being compiled. */
export interface SegmentProblem {
    /** Zero-based. */
    line: number;
    message: string;
    code?: string;
}

/** The document has no segment (at the position, or by the name). */
export interface NoSegmentResult {
    kind: 'no-segment';
    uri: string;
    /** The name asked for, if any. */
    name?: string;
}

/** The document (or one it refers to) has errors: nothing can be compiled. */
export interface ErrorsResult {
    kind: 'errors';
    uri: string;
    segment: SegmentSummary;
    errors: SegmentProblem[];
}

/** Compilation or evaluation failed (a list's CSV cannot be read, the sample is unreadable...). */
export interface FailedResult {
    kind: 'failed';
    uri: string;
    segment?: SegmentSummary;
    message: string;
}

/** The result of `segment/compile`. */
export type CompileResult = { kind: 'compiled'; uri: string; segment: SegmentSummary; bundle: SegmentBundleIR } | NoSegmentResult | ErrorsResult | FailedResult;

/** Parameters of `segment/preview`. */
export interface PreviewParams extends SegmentParams {
    /** How many members (and as many non-members, at most 10) the result lists. */
    maxRows?: number;
}

/** A sample record in a preview's table. */
export interface PreviewRow {
    /** The record's key; `undefined` when it has none (then it cannot be traced). */
    key?: string;
    truth: 'TRUE' | 'FALSE' | 'UNKNOWN';
    /** The values of the result's `columns`, as text (`''` when missing). */
    values: string[];
}

/** What a preview computes on a sample. */
export interface PreviewEvaluation {
    /** Records of the sample. */
    total: number;
    /** Members among them. */
    members: number;
    /** Every condition of `where` and `exclude`, depth first, with how many records made it TRUE, FALSE and UNKNOWN. */
    funnel: FunnelNode[];
    /** The key field, then the stored fields the segment reads. */
    columns: string[];
    /** The first members. */
    memberRows: PreviewRow[];
    /** The first non-members (FALSE or UNKNOWN). */
    otherRows: PreviewRow[];
}

/** A preview on the project's sample. */
export interface PreviewReady extends PreviewEvaluation {
    kind: 'ready';
    uri: string;
    segment: SegmentSummary;
    /** The sample file, as `segment.config.json` (relative to its folder) or the `segments.preview.data` setting names it. */
    data: string;
    /** The evaluation instant, ISO-8601. */
    now: string;
}

/** The project has no `preview` section in its `segment.config.json`. */
export interface NoPreviewResult {
    kind: 'no-preview';
    uri: string;
    segment: SegmentSummary;
    /** The configuration file to add it to (where it is, or would be created). */
    configFile: string;
    /** Whether that file exists. */
    configExists: boolean;
}

/** The result of `segment/preview`. */
export type PreviewResult = PreviewReady | NoPreviewResult | NoSegmentResult | ErrorsResult | FailedResult;

/** Parameters of `segment/trace`. */
export interface TraceParams extends SegmentParams {
    /** The key of the sample record to explain. */
    key: string;
}

/** The result of `segment/trace`. */
export type TraceResult =
    | { kind: 'trace'; uri: string; segment: SegmentSummary; trace: SegmentTrace }
    | { kind: 'not-found'; uri: string; segment: SegmentSummary; key: string }
    | NoPreviewResult
    | NoSegmentResult
    | ErrorsResult
    | FailedResult;
