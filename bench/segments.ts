/**
 * The three benchmark segments, as segment text, compiled to IR bundles by the language core
 * (an in-memory project of examples/contact.segment and the segment), exactly as
 * `segment compile --json` would give them.
 */
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createSegmentServices, isSegment, type Model, type SegmentBundleIR } from '@segments/language';

/** The schema of the benchmark: the examples' `Contact`. */
const SCHEMA_PATH = new URL('../examples/contact.segment', import.meta.url);

/** One benchmark segment: its name, what it stands for, and its text. */
export interface BenchSegment {
    /** The segment's name (also the key of its handwritten predicate and json-logic rule). */
    readonly name: 'attribute' | 'nested' | 'event';
    /** One line on what the segment exercises. */
    readonly summary: string;
    /** The `.segment` text. */
    readonly text: string;
}

/**
 * The segments of the issue. Each fixes its zone to UTC so that the handwritten predicate and the
 * json-logic rules can compute `today` and the window bounds with plain UTC arithmetic; the engine
 * does the same work whatever the zone (window bounds and `month(today)` are computed once).
 */
export const benchSegments: readonly BenchSegment[] = [
    {
        name: 'attribute',
        summary: 'country in a list, a recent datetime window, two numeric bounds',
        text: `segment attribute of Contact {
  timezone "UTC"
  where
    country in ("US", "CA", "GB", "DE", "FR")
    and last_activity within last 30 days
    and total_spent >= $100
    and lifetime_points < 5000
}
`,
    },
    {
        name: 'nested',
        summary: 'list includes, text contains, month(birthday) = month(today), nested',
        text: `segment nested of Contact {
  timezone "UTC"
  where
    (
      tags includes "newsletter"
      or job_title contains "manager"
    )
    and month(birthday) = month(today)
}
`,
    },
    {
        name: 'event',
        summary: 'performed Purchased at least 2 times within last 90 days where amount > 50, and not performed EmailOpened within last 60 days',
        text: `segment event of Contact {
  timezone "UTC"
  where
    performed Purchased at least 2 times within last 90 days where amount > 50
    and not performed EmailOpened within last 60 days
}
`,
    },
];

/**
 * Compiles the benchmark segments to IR bundles with the language core. Throws when a segment has
 * an error (a bench of a segment that does not check would measure nothing).
 */
export async function compileBenchSegments(): Promise<Map<BenchSegment['name'], SegmentBundleIR>> {
    const { shared, Segment } = createSegmentServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument<Model>[] = [factory.fromString<Model>(readFileSync(SCHEMA_PATH, 'utf8'), URI.file('/bench/contact.segment'))];
    for (const segment of benchSegments) documents.push(factory.fromString<Model>(segment.text, URI.file(`/bench/${segment.name}.segment`)));
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const errors = documents.flatMap((d) => (d.diagnostics ?? []).filter((x) => x.severity === 1).map((x) => `${d.uri.path}:${x.range.start.line + 1}: ${x.message}`));
    if (errors.length > 0) throw new Error(`The benchmark segments do not check:\n${errors.join('\n')}`);
    const bundles = new Map<BenchSegment['name'], SegmentBundleIR>();
    for (const segment of benchSegments) {
        const document = documents.find((d) => d.uri.path === `/bench/${segment.name}.segment`);
        const declaration = document?.parseResult.value.declarations.find(isSegment);
        if (declaration === undefined) throw new Error(`No segment in ${segment.name}.segment`);
        bundles.set(segment.name, Segment.ir.Lowering.lowerSegment(declaration));
    }
    return bundles;
}
