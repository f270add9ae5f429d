/**
 * Whether a blank line goes before a line: `always` (between top-level declarations), `preserve`
 * (one blank line when the source had at least one, between schema members) or `never`.
 */
export type BlankLinePolicy = 'always' | 'preserve' | 'never';

/**
 * One line of the canonical text, before comments are placed. The printer keeps the source order
 * of tokens, so the lines cut the document's token sequence into consecutive runs: a line covers
 * the tokens from its `start` up to the next line's `start` (tokens the printer drops, such as a
 * trailing comma, belong to the line they were on).
 */
export interface LayoutLine {
    /** Indentation level (two spaces per level). */
    readonly indent: number;
    /** The text, without indentation. */
    readonly text: string;
    /** The source offset of the first token printed on this line. */
    readonly start: number;
    /** Whether a blank line may or must precede this line. */
    readonly blank: BlankLinePolicy;
    /** Whether this line opens a block (`{`, `(`, `where`): no blank line follows it. */
    readonly opens?: boolean;
    /** Whether this line closes a block (`}`, `)`): the comments before it are indented as the block's content. */
    readonly closes?: boolean;
}

/** The width the printer fits one-line forms into (an event's properties), indentation included. */
export const LINE_WIDTH = 100;

/** The indentation of one level. */
export const INDENT = '  ';
