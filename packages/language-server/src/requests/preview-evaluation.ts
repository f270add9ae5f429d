import { compileSegment, createFunnel, type ListSource, type SegmentEvaluator, type SegmentTrace, truthName } from '@segments/engine';
import type { SegmentBundleIR } from '@segments/language';
import type { PreviewEvaluation, PreviewRow } from './segment-requests-protocol.js';

/** The most rows of non-members a preview lists. */
export const MAX_OTHER_ROWS = 10;

/** The most columns of a preview's table, the key included. */
export const MAX_COLUMNS = 6;

/** The sample a preview evaluates a segment on. */
export interface PreviewInput {
    /** The sample's records, in file order. */
    records: AsyncIterable<Record<string, unknown>>;
    /** Events by record key, when they come from a file of their own; otherwise each record's `events` array. */
    eventsByKey?: ReadonlyMap<string, readonly unknown[]>;
    /** The evaluation instant. */
    now: Date | string;
    /** Where static lists come from. */
    lists: ListSource;
}


/** A column of a preview's table: a stored field and where its value sits in a record. */
export interface PreviewColumn {
    name: string;
    path: readonly string[];
}

/**
 * The columns of a preview's table: the schema's key, then the stored fields the segment's
 * conditions read (directly or through calculated fields), in the order they are written; the
 * schema's first fields when the conditions read none (a segment of events only).
 */
export function previewColumns(bundle: SegmentBundleIR): PreviewColumn[] {
    const { schema, segment } = bundle;
    const calculated = new Map(schema.calculated.map((field) => [field.name, field.value]));
    const names = new Set<string>();
    const visit = (node: unknown, seen: Set<string>): void => {
        if (Array.isArray(node)) {
            for (const item of node) visit(item, seen);
            return;
        }
        if (typeof node !== 'object' || node === null) return;
        const value = node as Record<string, unknown>;
        if (value['kind'] === 'field' && typeof value['name'] === 'string') names.add(value['name']);
        if (value['kind'] === 'calculated' && typeof value['name'] === 'string' && !seen.has(value['name'])) {
            seen.add(value['name']);
            visit(calculated.get(value['name']), seen);
        }
        for (const child of Object.values(value)) visit(child, seen);
    };
    visit([segment.where, segment.exclude], new Set());
    const key = schema.fields.find((field) => field.name === schema.key);
    const others = schema.fields.filter((field) => field.name !== schema.key);
    const read = [...names].flatMap((name) => others.filter((field) => field.name === name));
    const columns = [...(key ? [key] : []), ...(read.length > 0 ? read : others)];
    return columns.slice(0, MAX_COLUMNS).map((field) => ({ name: field.name, path: field.path }));
}

/** The value at a path of a record (`["properties", "total_revenue"]`), or `undefined`. */
export function valueAt(record: unknown, path: readonly string[]): unknown {
    let value = record;
    for (const step of path) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
        value = (value as Record<string, unknown>)[step];
    }
    return value;
}

/** A record's value as a table cell shows it: lists joined with commas, objects as JSON, missing as `''`. */
export function valueText(value: unknown): string {
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.map(valueText).join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
}

/** The events of a record: from the events file when there is one, else the record's own array (`undefined`). */
function eventsOf(evaluator: SegmentEvaluator, record: unknown, eventsByKey: PreviewInput['eventsByKey']): readonly unknown[] | undefined {
    return eventsByKey ? (eventsByKey.get(evaluator.keyOf(record) ?? '') ?? []) : undefined;
}

/** Compiles a bundle for the preview's instant. */
function prepare(bundle: SegmentBundleIR, input: PreviewInput): SegmentEvaluator {
    return compileSegment(bundle, { lists: input.lists }).prepare({ now: input.now });
}

/**
 * Evaluates a segment on a sample: every record through the engine's funnel (each condition
 * counted TRUE, FALSE or UNKNOWN), the member count, and the first `maxRows` members and first
 * non-members (at most {@link MAX_OTHER_ROWS}) with the values of {@link previewColumns}.
 */
export async function evaluatePreview(bundle: SegmentBundleIR, input: PreviewInput, maxRows: number): Promise<PreviewEvaluation> {
    const evaluator = prepare(bundle, input);
    const funnel = createFunnel(evaluator);
    const columns = previewColumns(bundle);
    const memberRows: PreviewRow[] = [];
    const otherRows: PreviewRow[] = [];
    const otherLimit = Math.min(maxRows, MAX_OTHER_ROWS);
    for await (const record of input.records) {
        const truth = truthName(funnel.add(record, eventsOf(evaluator, record, input.eventsByKey)));
        const rows = truth === 'TRUE' ? memberRows : otherRows;
        if (rows.length < (truth === 'TRUE' ? maxRows : otherLimit)) {
            rows.push({ key: evaluator.keyOf(record), truth, values: columns.map((column) => valueText(valueAt(record, column.path))) });
        }
    }
    const report = funnel.report();
    return { total: report.total, members: report.members, funnel: report.nodes, columns: columns.map((column) => column.name), memberRows, otherRows };
}

/** The trace of the first record of the sample with the given key, or `undefined` when none has it. */
export async function traceRecord(bundle: SegmentBundleIR, input: PreviewInput, key: string): Promise<SegmentTrace | undefined> {
    const evaluator = prepare(bundle, input);
    for await (const record of input.records) {
        if (evaluator.keyOf(record) === key) return evaluator.trace(record, eventsOf(evaluator, record, input.eventsByKey));
    }
    return undefined;
}
