import { EmptyFileSystem, isReference, type LangiumDocument, URI } from 'langium';
import type { Model } from '../../src/generated/ast.js';
import { createSegmentServices } from '../../src/segment-module.js';
import { SourceText } from '../../src/formatting/source-text.js';

const { shared, Segment } = createSegmentServices(EmptyFileSystem);
let documents = 0;

/** Parses a text into a fresh document (not linked, not validated: the printer needs neither). */
export function parse(text: string): LangiumDocument<Model> {
    return shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(`/format/doc${documents++}.segment`));
}

/** The canonical text of a source text, failing when it does not parse. */
export function format(text: string): string {
    const printed = Segment.printing.Printer.print(parse(text));
    if (printed === undefined) throw new Error(`does not parse:\n${text}`);
    return printed;
}

/** The texts of a source text's comments, in order. */
export function comments(text: string): string[] {
    return commentsOf(parse(text));
}

/** The texts of a document's comments, in order. */
export function commentsOf(document: LangiumDocument<Model>): string[] {
    return new SourceText(document.parseResult.value.$cstNode, document.textDocument.getText()).comments.map((comment) => comment.text);
}

/**
 * A plain-data image of a document's AST for comparing two parses: no CST, no positions, no
 * containers; references as their source text.
 */
export function astImage(text: string): unknown {
    return astImageOf(parse(text));
}

/** The {@link astImage} of a parsed document. */
export function astImageOf(document: LangiumDocument<Model>): unknown {
    if (document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0) throw new Error(`does not parse:\n${document.textDocument.getText()}`);
    return image(document.parseResult.value);
}

function image(value: unknown): unknown {
    if (isReference(value)) return { ref: value.$refText };
    if (Array.isArray(value)) return value.map(image);
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([name]) => !name.startsWith('$') || name === '$type')
            .map(([name, item]) => [name, image(item)]);
        return Object.fromEntries(entries);
    }
    return value;
}
