import { isAbsolute } from 'node:path';
import { type LangiumDocument, UriUtils } from 'langium';
import { compileSegment, type SegmentEvaluator } from '@segments/engine';
import { isSegment, type Model, type SegmentConfig, type SegmentLowering, type SegmentProjects } from '@segments/language';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import { CsvListFiles, readEventsByKey, readNdjsonObjects } from './ndjson-sample.js';

/** The member count of one segment on the sample, or why it has none. */
export type SegmentCount = { members: number; schema: string } | { error: string };

/** The counts of the segments of one document on its project's sample data. */
export interface PreviewCounts {
    /** Records of the sample. */
    total: number;
    /** By segment name. */
    segments: ReadonlyMap<string, SegmentCount>;
    /** Why the sample could not be read, if it could not (then every segment lacks a count). */
    error?: string;
}

/** The `preview` section of `segment.config.json`, with its files resolved to paths. */
export interface PreviewSample {
    data: string;
    events?: string;
    now?: string;
}

/**
 * Counts the members of each segment of a document on the sample data of its project (the
 * `preview` section of `segment.config.json`): lowers each segment to the IR, compiles it with
 * the engine, and streams the sample's NDJSON records through all of them at once. Only `.ndjson`
 * samples are read; events come from the records' `events` arrays or from the `events` file.
 */
export class SegmentPreviewCounter {
    protected readonly projects: SegmentProjects;
    protected readonly lowering: SegmentLowering;

    constructor(services: SegmentLspServices) {
        this.projects = services.workspace.Projects;
        this.lowering = services.ir.Lowering;
    }

    /**
     * The sample of a document's project, or `undefined` when it has none: its configuration has no
     * `preview` section, or a project without a configuration file names a relative path (only the
     * editor's `segments.preview.data` setting, made absolute by the server, gives such a project a sample).
     */
    sampleOf(document: LangiumDocument): PreviewSample | undefined {
        const project = this.projects.projectOf(document.uri);
        const preview: SegmentConfig['preview'] = project.config.preview;
        if (!preview) return undefined;
        const resolve = (path: string): string | undefined =>
            project.root ? UriUtils.resolvePath(project.root, path).fsPath : isAbsolute(path) ? path : undefined;
        const data = resolve(preview.data);
        if (!data) return undefined;
        return { data, events: preview.events ? resolve(preview.events) : undefined, now: preview.now };
    }

    /** Counts the members of every segment of a document (which must be free of errors) on a sample. */
    async count(document: LangiumDocument<Model>, sample: PreviewSample): Promise<PreviewCounts> {
        const segments = new Map<string, SegmentCount>();
        const evaluators = new Map<string, SegmentEvaluator>();
        const schemas = new Map<string, string>();
        const lists = new CsvListFiles();
        const now = sample.now ?? new Date();
        for (const segment of document.parseResult.value.declarations.filter(isSegment)) {
            try {
                const bundle = this.lowering.lowerSegment(segment);
                evaluators.set(segment.name, compileSegment(bundle, { lists }).prepare({ now }));
                schemas.set(segment.name, bundle.schema.name);
            } catch (error) {
                segments.set(segment.name, { error: (error as Error).message });
            }
        }
        if (!sample.data.endsWith('.ndjson')) {
            return { total: 0, segments, error: 'previews read .ndjson samples only' };
        }
        const members = new Map<string, number>([...evaluators.keys()].map((name) => [name, 0]));
        let total = 0;
        try {
            const events = sample.events ? await readEventsByKey(sample.events) : undefined;
            for await (const record of readNdjsonObjects(sample.data)) {
                total++;
                for (const [name, evaluator] of evaluators) {
                    const own = events ? (events.get(evaluator.keyOf(record) ?? '') ?? []) : undefined;
                    if (evaluator.isMember(record, own)) members.set(name, members.get(name)! + 1);
                }
            }
        } catch (error) {
            return { total: 0, segments, error: `cannot read the sample: ${(error as Error).message}` };
        }
        for (const [name, count] of members) segments.set(name, { members: count, schema: schemas.get(name)! });
        return { total, segments };
    }
}
