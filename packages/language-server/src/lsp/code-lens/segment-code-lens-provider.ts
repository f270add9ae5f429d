import { GrammarUtils, type LangiumDocument, type MaybePromise, URI } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import { isSegment, type Model, type Segment } from '@segments/language';
import { type CodeLens, type CodeLensParams, CodeLensRefreshRequest, type Connection, DiagnosticSeverity, FileChangeType } from 'vscode-languageserver';
import type { SegmentLspServices } from '../../segment-lsp-module.js';
import type { PreviewCounts, PreviewSample, SegmentPreviewCounter } from './segment-preview-counter.js';

/** The command of a count's lens; the VS Code extension implements it (arguments: the document URI and the segment name). */
export const PREVIEW_COMMAND = 'segment.preview';

/** The counts of one document, for the version they were computed on. */
interface CachedCounts {
    version: number;
    counts?: PreviewCounts;
    /** Set while the counts are computed. */
    pending?: Promise<PreviewCounts>;
}

/**
 * A lens over each segment with its member count on the project's sample data ("1,284 of 50,000
 * contacts · Preview"), when the project's `segment.config.json` has a `preview` section.
 *
 * Counting streams the whole sample, so it never runs on the request path: a request starts it
 * in the background when the document has no counts yet, answers with "counting members…", and
 * asks the client to refresh its lenses (`workspace/codeLens/refresh`) when the counts are ready.
 * Counts are cached per document and recomputed when a `.segment` file is saved (the file watcher
 * reports it changed on disk) or the sample changes, never on a keystroke: while
 * a document has unsaved edits, its lenses show the counts of the last save, marked as such. A
 * document with errors shows "fix the errors to preview".
 */
export class SegmentCodeLensProvider implements CodeLensProvider {
    protected readonly counter: SegmentPreviewCounter;
    protected readonly connection: Connection | undefined;
    protected readonly cache = new Map<string, CachedCounts>();
    protected refreshSupported = false;

    constructor(services: SegmentLspServices) {
        this.counter = services.preview.PreviewCounter;
        this.connection = services.shared.lsp.Connection;
        services.shared.lsp.LanguageServer.onInitialize((params) => {
            this.refreshSupported = Boolean(params.capabilities.workspace?.codeLens?.refreshSupport);
        });
        services.shared.lsp.DocumentUpdateHandler.onWatchedFilesChange?.((params) => {
            const changed = params.changes.filter((c) => c.type !== FileChangeType.Deleted).map((c) => URI.parse(c.uri));
            if (changed.length > 0) this.filesChanged(changed);
        });
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[]> {
        const sample = this.counter.sampleOf(document);
        if (!sample) return [];
        const segments = (document as LangiumDocument<Model>).parseResult.value.declarations.filter(isSegment);
        const hasErrors = (document.diagnostics ?? []).some((d) => d.severity === DiagnosticSeverity.Error);
        if (hasErrors) return segments.map((segment) => this.lens(segment, 'fix the errors to preview'));
        const cached = this.cache.get(document.uri.toString());
        if (!cached?.counts) {
            if (!cached?.pending) this.startCounting(document as LangiumDocument<Model>, sample);
            return segments.map((segment) => this.lens(segment, 'counting members…'));
        }
        const stale = cached.version !== document.textDocument.version;
        return segments.map((segment) => this.countLens(document, segment, cached.counts!, stale));
    }

    /**
     * The counts of a document: the cached ones, or counted now. Lens requests never wait for
     * this; tests and commands (such as a preview) may.
     */
    counts(document: LangiumDocument<Model>): Promise<PreviewCounts> | undefined {
        const sample = this.counter.sampleOf(document);
        if (!sample) return undefined;
        const cached = this.cache.get(document.uri.toString());
        return cached?.counts ? Promise.resolve(cached.counts) : (cached?.pending ?? this.startCounting(document, sample));
    }

    /**
     * Forgets the counts that changed files may make stale: any saved `.segment` file (a schema or
     * a segment referred to with `in segment` may have changed), a configuration, a sample or a
     * list (`.ndjson`, `.json`, `.csv`). The next lens request recounts.
     */
    filesChanged(uris: readonly URI[]): void {
        if (uris.some((uri) => /\.(segment|ndjson|json|csv)$/.test(uri.path))) this.resetCounts();
    }

    /** Forgets every count and asks the client for new lenses: the samples themselves changed (an editor setting). */
    resetCounts(): void {
        this.cache.clear();
        this.refresh();
    }

    protected startCounting(document: LangiumDocument<Model>, sample: PreviewSample): Promise<PreviewCounts> {
        const key = document.uri.toString();
        const entry: CachedCounts = { version: document.textDocument.version };
        const pending = this.counter.count(document, sample).catch((error: unknown): PreviewCounts => ({ total: 0, segments: new Map(), error: (error as Error).message }));
        entry.pending = pending;
        this.cache.set(key, entry);
        void pending.then((counts) => {
            if (this.cache.get(key) !== entry) return;
            entry.counts = counts;
            entry.pending = undefined;
            this.refresh();
        });
        return pending;
    }

    /** Asks the client to request the lenses again, when it can. */
    protected refresh(): void {
        if (this.refreshSupported) void this.connection?.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }

    protected countLens(document: LangiumDocument, segment: Segment, counts: PreviewCounts, stale: boolean): CodeLens {
        const count = counts.segments.get(segment.name);
        if (counts.error) return this.lens(segment, `preview unavailable: ${counts.error}`);
        if (!count) return this.lens(segment, 'save to count members');
        if ('error' in count) return this.lens(segment, `preview unavailable: ${count.error}`);
        const numbers = new Intl.NumberFormat('en-US');
        const title = `${numbers.format(count.members)} of ${numbers.format(counts.total)} ${pluralOf(count.schema)}${stale ? ' (at last save)' : ''} · Preview`;
        return this.lens(segment, title, { command: PREVIEW_COMMAND, arguments: [document.uri.toString(), segment.name] });
    }

    /** A lens on the segment's name; without a command, editors show its title as text. */
    protected lens(segment: Segment, title: string, command: { command: string; arguments: unknown[] } = { command: '', arguments: [] }): CodeLens {
        const name = GrammarUtils.findNodeForProperty(segment.$cstNode, 'name') ?? segment.$cstNode;
        const range = name?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        return { range, command: { title, ...command } };
    }
}

/** The records of a schema, in words: `Contact` → "contacts", `Company` → "companies". */
export function pluralOf(schema: string): string {
    const noun = schema.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
    return /(s|x|z|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}
