import type { SegmentEvaluator } from '@segments/engine';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { evaluationInstant } from '../evaluation-instant.js';
import { segmentNodeError } from '../node-errors.js';
import { QualitySummary, type RecordQuality, recordQuality } from '../record-quality.js';
import { loadSegmentProgram, type SegmentProgram, sourceOfTexts } from '../segment-program.js';

/** The Segment node's operations. */
export type SegmentOperation = 'filter' | 'checkMemberships' | 'validate';

/** The node's `options` collection (only the options a builder added are present). */
export interface SegmentNodeOptions {
    dataQualityField?: string;
    explain?: boolean;
    explainField?: string;
    membershipsField?: string;
    now?: unknown;
    keyPath?: string;
    segmentName?: string;
    timezone?: string;
}

/** Runs the Segment node on its input items; see {@link filter}, {@link checkMemberships} and {@link validate}. */
export async function executeSegmentNode(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const run = new SegmentNodeRun(context);
    const operation = context.getNodeParameter('operation', 0) as SegmentOperation;
    switch (operation) {
        case 'filter':
            return run.filter();
        case 'checkMemberships':
            return run.checkMemberships();
        case 'validate':
            return run.validate();
    }
}

/** One execution of the node: its items, the instant it started, and the evaluators it prepared. */
class SegmentNodeRun {
    protected readonly items: INodeExecutionData[];
    /** `now` when the node's parameters give none: one instant for every item of the run. */
    protected readonly startedAt = new Date();
    protected readonly evaluators = new WeakMap<SegmentProgram, Map<string, SegmentEvaluator>>();
    protected readonly quality = new QualitySummary();

    constructor(protected readonly context: IExecuteFunctions) {
        this.items = context.getInputData();
    }

    /**
     * Filter: each item goes to the first output ("In segment") when it is a member, else to the
     * second ("Not in segment"; also where an item that failed goes with "continue on fail", so
     * that a failure is never taken for a member).
     */
    async filter(): Promise<INodeExecutionData[][]> {
        const members: INodeExecutionData[] = [];
        const others: INodeExecutionData[] = [];
        for (let index = 0; index < this.items.length; index++) {
            const item = this.items[index]!;
            try {
                const options = this.options(index);
                const program = await this.program(index, [this.context.getNodeParameter('source', index) as string]);
                const evaluator = this.evaluator(program, program.resolveSegment(options.segmentName), options, index);
                const before = evaluator.quality;
                const json: IDataObject = { ...item.json };
                let member: boolean;
                if (options.explain) {
                    const trace = evaluator.trace(item.json);
                    member = trace.member;
                    json[options.explainField || 'segmentTrace'] = trace as unknown as IDataObject;
                } else {
                    member = evaluator.isMember(item.json);
                }
                this.noteQuality(json, recordQuality(before, evaluator.quality), options);
                (member ? members : others).push(this.output(item, index, json));
            } catch (error) {
                others.push(this.failed(error, index));
            }
        }
        this.addQualityHint();
        return [members, others];
    }

    /**
     * Check memberships: every segment the texts declare is evaluated on each item, which gets the
     * list of the names of the segments it belongs to (in declaration order).
     */
    async checkMemberships(): Promise<INodeExecutionData[][]> {
        const results: INodeExecutionData[] = [];
        for (let index = 0; index < this.items.length; index++) {
            const item = this.items[index]!;
            try {
                const options = this.options(index);
                const entries = (this.context.getNodeParameter('segments.segment', index, []) as Array<{ source?: string }>).map((entry) => entry.source ?? '');
                const program = await this.program(index, entries);
                const quality: RecordQuality = { missingKey: false, unreadable: [], eventsWithoutTime: 0, invalidEvents: 0 };
                const memberships: string[] = [];
                for (const name of program.requireSegments()) {
                    const evaluator = this.evaluator(program, name, options, index);
                    const before = evaluator.quality;
                    if (evaluator.isMember(item.json)) memberships.push(name);
                    recordQuality(before, evaluator.quality, quality);
                }
                const json: IDataObject = { ...item.json, [options.membershipsField || 'segments']: memberships };
                this.noteQuality(json, quality, options);
                results.push(this.output(item, index, json));
            } catch (error) {
                results.push(this.failed(error, index));
            }
        }
        this.addQualityHint();
        return [results];
    }

    /**
     * Validate: one item per input item, with the diagnostics of its texts in the JSON shape of
     * `segment check --format json` (spec §7). Texts with errors are a result here, not a failure.
     */
    async validate(): Promise<INodeExecutionData[][]> {
        const results: INodeExecutionData[] = [];
        for (let index = 0; index < this.items.length; index++) {
            try {
                const program = await this.program(index, [this.context.getNodeParameter('source', index) as string]);
                const count = (severity: string) => program.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
                results.push({
                    json: {
                        valid: !program.hasErrors,
                        errors: count('error'),
                        warnings: count('warning'),
                        segments: [...program.segmentNames],
                        diagnostics: program.diagnostics.map((diagnostic) => ({ ...diagnostic })),
                    },
                    pairedItem: { item: index },
                });
            } catch (error) {
                results.push(this.failed(error, index));
            }
        }
        return [results];
    }

    protected options(index: number): SegmentNodeOptions {
        return this.context.getNodeParameter('options', index, {}) as SegmentNodeOptions;
    }

    /** The program of the schema parameter and the given segment texts (cached across items and runs). */
    protected program(index: number, segments: string[]): Promise<SegmentProgram> {
        const schema = this.context.getNodeParameter('schema', index, '') as string;
        return loadSegmentProgram(sourceOfTexts(schema, segments));
    }

    /** The evaluator of a segment for an item's options, prepared once per run and set of options. */
    protected evaluator(program: SegmentProgram, segment: string, options: SegmentNodeOptions, index: number): SegmentEvaluator {
        const now = evaluationInstant(this.context.getNode(), options.now, this.startedAt, this.context.getTimezone(), index);
        const timezone = options.timezone?.trim() || undefined;
        const key = JSON.stringify([segment, options.keyPath ?? '', now.getTime(), timezone ?? '']);
        let byKey = this.evaluators.get(program);
        if (byKey === undefined) {
            byKey = new Map();
            this.evaluators.set(program, byKey);
        }
        let evaluator = byKey.get(key);
        if (evaluator === undefined) {
            const compiled = program.compiled(segment, options.keyPath === undefined ? {} : { keyPath: options.keyPath });
            evaluator = compiled.prepare({ now, ...(timezone === undefined ? {} : { timezone }) });
            byKey.set(key, evaluator);
        }
        return evaluator;
    }

    /** Adds an item's data-quality field (when the option is on) and counts it for the run's hint. */
    protected noteQuality(json: IDataObject, quality: RecordQuality, options: SegmentNodeOptions): void {
        this.quality.add(quality);
        if (options.dataQualityField !== undefined) json[options.dataQualityField || 'segmentDataQuality'] = { ...quality };
    }

    protected addQualityHint(): void {
        const message = this.quality.message();
        if (message !== undefined) this.context.addExecutionHints({ message, type: 'warning', location: 'outputPane' });
    }

    protected output(item: INodeExecutionData, index: number, json: IDataObject): INodeExecutionData {
        return { json, ...(item.binary ? { binary: item.binary } : {}), pairedItem: { item: index } };
    }

    /**
     * An item that failed: with "continue on fail", an item holding the error (n8n routes it to
     * the error output when the node has one); otherwise the error, thrown.
     */
    protected failed(error: unknown, index: number): INodeExecutionData {
        const nodeError = segmentNodeError(this.context.getNode(), error, index);
        if (!this.context.continueOnFail()) throw nodeError;
        return { json: { error: nodeError.message, ...(nodeError.description ? { details: nodeError.description } : {}) }, pairedItem: { item: index } };
    }
}
