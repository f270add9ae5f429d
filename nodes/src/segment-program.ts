import { type CompiledSegment, compileSegment } from '@segments/engine';
import {
    compareDiagnosticJson,
    createSegmentServices,
    type DiagnosticJson,
    InMemoryFileSystem,
    isSegment,
    type Model,
    type Segment,
    type SegmentBundleIR,
    toDiagnosticJson,
    URI,
} from '@segments/language';
import { createHash } from 'node:crypto';

/**
 * One diagnostic, in the shape of spec §7 (`segment check --format json`); `file` is the name of
 * the text in {@link SegmentProgramSource} (`schema.segment`, `segment.segment`...).
 */
export type SegmentDiagnostic = DiagnosticJson;

/** One text of a program: a name for its diagnostics and the `.segment` source. */
export interface SegmentSourceFile {
    /** A file name ending in `.segment`, unique within the program (`segment.segment`, `segment-2.segment`). */
    name: string;
    text: string;
}

/** What a program is compiled from: `.segment` texts built together, as one project. */
export interface SegmentProgramSource {
    /** The texts: schemas, segments (and anything else the language allows), in any order. */
    files: readonly SegmentSourceFile[];
}

/**
 * `.segment` texts compiled together: their diagnostics, the segments they declare, and each
 * segment lowered to the IR and compiled by the engine (when the texts have no errors).
 */
export interface SegmentProgram {
    /** Every diagnostic of every text, sorted by file then position. */
    readonly diagnostics: readonly SegmentDiagnostic[];
    /** Whether any diagnostic is an error; the program then has no bundles. */
    readonly hasErrors: boolean;
    /** The names of the segments the texts declare, in file order then declaration order. */
    readonly segmentNames: readonly string[];
    /** The IR bundle of a segment; throws a {@link SegmentProgramError} when the program has errors or no such segment. */
    bundle(segment: string): SegmentBundleIR;
    /**
     * The engine's compiled segment (cached); throws a {@link SegmentProgramError} as {@link bundle}
     * does. With `keyPath`, the schema's key field is read at that dotted path of a record instead
     * of its own (`from`) path, for the key and for every condition on the key field.
     */
    compiled(segment: string, options?: { keyPath?: string }): CompiledSegment;
    /**
     * The segment a node evaluates: `requested` when given (it must be declared), else the one
     * segment the texts declare. Throws a {@link SegmentProgramError} when the texts have errors,
     * declare no segment, or several and none is requested.
     */
    resolveSegment(requested?: string): string;
    /** {@link segmentNames}; throws a {@link SegmentProgramError} when the texts have errors or declare no segment. */
    requireSegments(): readonly string[];
}

/** Why a program cannot give a segment: it has errors (see `diagnostics`), or does not declare that segment. */
export class SegmentProgramError extends Error {
    constructor(
        message: string,
        /** The diagnostics behind the error (empty when the segment is simply not declared). */
        readonly diagnostics: readonly SegmentDiagnostic[],
    ) {
        super(message);
        this.name = 'SegmentProgramError';
    }
}


/** The folder the in-memory project lives in: diagnostics name files relative to it. */
const PROJECT_FOLDER = '/segments';

/** How many compiled programs a process keeps (least recently used are dropped). */
const CACHE_SIZE = 64;

const cache = new Map<string, Promise<SegmentProgram>>();

/**
 * Compiles `.segment` texts into a {@link SegmentProgram}, or returns the one compiled before from
 * the same texts in this process (keyed by a SHA-256 of the names and texts). The texts are built
 * together as one project held in memory, so `in segment` and `of SCHEMA` resolve across them.
 * Never throws for bad texts: they give diagnostics.
 */
export function loadSegmentProgram(source: SegmentProgramSource): Promise<SegmentProgram> {
    const key = hashSource(source);
    let program = cache.get(key);
    if (program === undefined) {
        program = compileSegmentProgram(source);
        program.catch(() => cache.delete(key));
    } else {
        cache.delete(key);
    }
    cache.set(key, program);
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return program;
}

/** Compiles `.segment` texts into a {@link SegmentProgram}, without the cache of {@link loadSegmentProgram}. */
export async function compileSegmentProgram(source: SegmentProgramSource): Promise<SegmentProgram> {
    const files: Record<string, string> = {};
    for (const file of source.files) {
        if (Object.hasOwn(files, pathOf(file.name))) throw new SegmentProgramError(`two texts are named ${file.name}`, []);
        files[pathOf(file.name)] = file.text;
    }
    const { shared, Segment: services } = createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem(files) });
    const documents = source.files.map((file) => shared.workspace.LangiumDocumentFactory.fromString<Model>(file.text, URI.file(pathOf(file.name))));
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });

    const diagnostics = documents.flatMap((document, index) => (document.diagnostics ?? []).map((diagnostic) => toDiagnosticJson(diagnostic, source.files[index]!.name))).sort(compareDiagnosticJson);
    const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    const declared = new Map<string, Segment>();
    for (const document of documents) {
        for (const declaration of document.parseResult.value.declarations) {
            if (isSegment(declaration) && !declared.has(declaration.name)) declared.set(declaration.name, declaration);
        }
    }
    const bundles = new Map<string, SegmentBundleIR>();
    const compiled = new Map<string, CompiledSegment>();

    const bundle = (name: string): SegmentBundleIR => {
        if (hasErrors) throw new SegmentProgramError(describeErrors(diagnostics), diagnostics);
        const segment = declared.get(name);
        if (segment === undefined) {
            const names = [...declared.keys()];
            throw new SegmentProgramError(`no segment named '${name}' (${names.length > 0 ? `the texts declare ${names.join(', ')}` : 'the texts declare no segment'})`, []);
        }
        let lowered = bundles.get(name);
        if (lowered === undefined) {
            lowered = services.ir.Lowering.lowerSegment(segment);
            bundles.set(name, lowered);
        }
        return lowered;
    };
    return {
        diagnostics,
        hasErrors,
        segmentNames: [...declared.keys()],
        bundle,
        compiled(name, options = {}) {
            const keyPath = options.keyPath?.trim() || undefined;
            const cacheKey = keyPath === undefined ? name : `${name}\u0000${keyPath}`;
            let segment = compiled.get(cacheKey);
            if (segment === undefined) {
                const ir = bundle(name);
                segment = compileSegment(keyPath === undefined ? ir : withKeyPath(ir, keyPath));
                compiled.set(cacheKey, segment);
            }
            return segment;
        },
        requireSegments() {
            if (hasErrors) throw new SegmentProgramError(describeErrors(diagnostics), diagnostics);
            if (declared.size === 0) throw new SegmentProgramError('the segment texts declare no segment', []);
            return [...declared.keys()];
        },
        resolveSegment(requested) {
            if (hasErrors) throw new SegmentProgramError(describeErrors(diagnostics), diagnostics);
            const name = requested?.trim();
            if (name) {
                bundle(name);
                return name;
            }
            const names = [...declared.keys()];
            if (names.length === 1) return names[0]!;
            throw new SegmentProgramError(
                names.length === 0 ? 'the segment text declares no segment' : `the texts declare several segments (${names.join(', ')}): name the one to evaluate`,
                [],
            );
        },
    };
}

/**
 * The texts of an n8n node's parameters as a {@link SegmentProgramSource}: the schema text (may be
 * empty, when the segment texts declare their schema) as `schema.segment`, the segment texts as
 * `segment.segment`, or `segment-1.segment`, `segment-2.segment`... when there are several.
 */
export function sourceOfTexts(schema: string, segments: readonly string[]): SegmentProgramSource {
    const files: SegmentSourceFile[] = [];
    if (schema.trim() !== '') files.push({ name: 'schema.segment', text: schema });
    segments.forEach((text, index) => files.push({ name: segments.length === 1 ? 'segment.segment' : `segment-${index + 1}.segment`, text }));
    return { files };
}

/**
 * A builder-readable summary of a program's errors: how many, then the first few (`shown`) as
 * {@link formatDiagnostic} writes them, one per line.
 */
export function describeErrors(diagnostics: readonly SegmentDiagnostic[], shown = 5): string {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const lines = errors.slice(0, shown).map(formatDiagnostic);
    const more = errors.length > shown ? [`... and ${errors.length - shown} more`] : [];
    return [`The segment text has ${errors.length} error${errors.length === 1 ? '' : 's'}:`, ...lines, ...more].join('\n');
}

/** One diagnostic as `file:line:column severity code: message`. */
export function formatDiagnostic(diagnostic: SegmentDiagnostic): string {
    return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
}

/** A copy of a bundle whose schema reads its key field at another dotted path. */
function withKeyPath(bundle: SegmentBundleIR, keyPath: string): SegmentBundleIR {
    const path = keyPath.split('.');
    if (path.some((part) => part === '')) throw new SegmentProgramError(`the record key path '${keyPath}' has an empty part: write it as dotted names (customer.id)`, []);
    const fields = bundle.schema.fields.map((field) => (field.name === bundle.schema.key ? { ...field, path } : field));
    return { ...bundle, schema: { ...bundle.schema, fields } };
}

function pathOf(name: string): string {
    return `${PROJECT_FOLDER}/${name}`;
}

function hashSource(source: SegmentProgramSource): string {
    const hash = createHash('sha256');
    for (const file of source.files) {
        hash.update(`${file.name.length}:${file.name}${file.text.length}:`);
        hash.update(file.text);
    }
    return hash.digest('hex');
}

