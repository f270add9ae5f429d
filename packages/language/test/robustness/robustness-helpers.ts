import { EmptyFileSystem, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createSegmentServices } from '../../src/segment-module.js';

/** What building one bad document gave: its diagnostics and how long parsing and building took. */
export interface BuildOutcome {
    diagnostics: Diagnostic[];
    milliseconds: number;
}

let counter = 0;

/**
 * Parses, links and validates one document on its own (fresh services, so earlier cases cannot
 * slow it down), and prints how long it took. Throws whatever the language core throws.
 */
export async function buildAlone(label: string, text: string): Promise<BuildOutcome> {
    const { shared } = createSegmentServices(EmptyFileSystem);
    const start = performance.now();
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/robustness/case${counter++}.segment`));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    const milliseconds = performance.now() - start;
    const diagnostics = document.diagnostics ?? [];
    console.log(`${label}: ${text.length} characters, ${diagnostics.length} diagnostics, ${milliseconds.toFixed(0)} ms`);
    return { diagnostics, milliseconds };
}

/** The diagnostics whose range is not inside the text (0-based lines; a character may sit at the end of its line). */
export function outOfRange(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
    const lineLengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
    const inside = (p: { line: number; character: number }) =>
        Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lineLengths.length && p.character >= 0 && p.character <= (lineLengths[p.line] ?? -1);
    const ordered = (d: Diagnostic) =>
        d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character);
    return diagnostics.filter((d) => !inside(d.range.start) || !inside(d.range.end) || !ordered(d));
}
