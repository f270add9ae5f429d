import { type LangiumDocument, URI } from 'langium';
import { createSegmentServices, InMemoryFileSystem, isSegment, type Model } from '@segments/language';
import type { SegmentBundleIR } from '@segments/ir';

/**
 * Compiles `.segment` text the way the CLI does (a workspace over an in-memory file system, full
 * validation, then lowering), and returns the bundle of every segment by name. Throws when a file
 * has errors, so a test never runs on a segment the language refuses.
 */
export async function compileBundles(files: Record<string, string>): Promise<Map<string, SegmentBundleIR>> {
    const { shared, Segment } = createSegmentServices({ fileSystemProvider: () => new InMemoryFileSystem(files) });
    const documents: LangiumDocument<Model>[] = [];
    for (const [path, text] of Object.entries(files)) {
        if (!path.endsWith('.segment')) continue;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const bundles = new Map<string, SegmentBundleIR>();
    for (const document of documents) {
        const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1);
        if (errors.length > 0) throw new Error(`${document.uri.path}: ${errors.map((e) => `${e.range.start.line + 1}: ${String(e.code)} ${String(e.message)}`).join('; ')}`);
        for (const segment of document.parseResult.value.declarations.filter(isSegment)) bundles.set(segment.name, Segment.ir.Lowering.lowerSegment(segment));
    }
    return bundles;
}

/** Compiles one file of segments below a schema; `segment.config.json` sets the project's zone. */
export async function compileSegments(schema: string, segments: string, timezone = 'UTC'): Promise<Map<string, SegmentBundleIR>> {
    return compileBundles({ '/p/segment.config.json': JSON.stringify({ timezone }), '/p/schema.segment': schema, '/p/segments.segment': segments });
}
