import { type LangiumDocument, URI } from 'langium';
import type { SegmentBundleIR } from '@segments/ir';
import { isSegment, type Model } from '../generated/ast.js';
import { createSegmentServices } from '../segment-module.js';
import { InMemoryFileSystem } from './in-memory-file-system.js';

/** Why {@link compileInMemory} gave no bundles: a text with errors. */
export class InMemoryProjectError extends Error {
    constructor(readonly errors: ReadonlyArray<{ file: string; line: number; code: string; message: string }>) {
        super(errors.map((error) => `${error.file}:${error.line}: ${error.code} ${error.message}`).join('\n'));
        this.name = 'InMemoryProjectError';
    }
}

/**
 * Compiles texts held in memory as the CLI compiles files on disk: every `.segment` text of
 * `files` (paths to texts, with a `segment.config.json` where a project needs one) is built into
 * one workspace with full validation, then each segment is lowered to its IR bundle. For tools,
 * tests and benchmarks that have no files; throws an {@link InMemoryProjectError} listing every
 * error when a text has errors, so nothing runs on a segment the language refuses.
 */
export async function compileInMemory(files: Readonly<Record<string, string>>): Promise<Map<string, SegmentBundleIR>> {
    const { shared, Segment } = createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem({ ...files }) });
    const documents: LangiumDocument<Model>[] = [];
    for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.segment')) continue;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const errors = documents.flatMap((document) =>
        (document.diagnostics ?? [])
            .filter((diagnostic) => diagnostic.severity === 1)
            .map((diagnostic) => ({ file: document.uri.path, line: diagnostic.range.start.line + 1, code: String(diagnostic.code ?? ''), message: String(diagnostic.message) })),
    );
    if (errors.length > 0) throw new InMemoryProjectError(errors);
    const bundles = new Map<string, SegmentBundleIR>();
    for (const document of documents) {
        for (const segment of document.parseResult.value.declarations.filter(isSegment)) bundles.set(segment.name, Segment.ir.Lowering.lowerSegment(segment));
    }
    return bundles;
}
