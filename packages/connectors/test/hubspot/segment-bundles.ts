import type { SegmentBundleIR } from '@segments/ir';
import { compileInMemory } from '@segments/language';

/**
 * Compiles `.segment` text the way the CLI does (a workspace over an in-memory file system, full
 * validation, then lowering), and returns the bundle of every segment by name. Throws when a file
 * has errors, so a test never runs on a segment the language refuses.
 */
export const compileBundles: (files: Record<string, string>) => Promise<Map<string, SegmentBundleIR>> = compileInMemory;

/** Compiles one file of segments below a schema; `segment.config.json` sets the project's zone. */
export async function compileSegments(schema: string, segments: string, timezone = 'UTC'): Promise<Map<string, SegmentBundleIR>> {
    return compileBundles({ '/p/segment.config.json': JSON.stringify({ timezone }), '/p/schema.segment': schema, '/p/segments.segment': segments });
}
