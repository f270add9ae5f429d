import type { LeafCstNode } from 'langium';
import { type BlankLinePolicy, INDENT, type LayoutLine } from './layout-line.js';
import type { SourceText } from './source-text.js';

/** A layout line with the comments placed on it. */
interface PlacedLine {
    /** The line; `undefined` for the end of the document, which only holds comments. */
    readonly line: LayoutLine | undefined;
    /** Comments printed on their own lines before the line. */
    readonly leading: LeafCstNode[];
    /** Comments printed at the end of the line. */
    readonly trailing: LeafCstNode[];
}

/**
 * Turns layout lines into text and puts every comment of the source back:
 * - a comment that follows a token on the same source line (possibly after other such comments)
 *   ends the output line holding that token;
 * - any other comment goes on its own line before the output line holding the next token, at that
 *   line's indentation (one level deeper before a closing `}` or `)`), or at the end of the document;
 * - a line comment can only end a line, so when several source lines were joined into one output
 *   line, all but the last trailing line comment move before the line.
 * Blank lines follow each line's {@link BlankLinePolicy}; blank lines between leading comments,
 * and between them and their line, are kept (runs collapse to one). No blank line ever starts the
 * document or follows a line that opens a block.
 */
export class LayoutRenderer {
    constructor(protected readonly source: SourceText) {}

    /** The text of the lines with their comments: `''` when there is nothing, else ending with a newline. */
    render(lines: readonly LayoutLine[]): string {
        const placed = this.place(lines);
        const out: string[] = [];
        let afterOpener = true;
        const blankLine = (wanted: boolean): void => {
            if (wanted && !afterOpener) out.push('');
        };
        for (const { line, leading, trailing } of placed) {
            const commentIndent = INDENT.repeat(line ? line.indent + (line.closes ? 1 : 0) : 0);
            leading.forEach((comment, i) => {
                blankLine(i === 0 ? this.wantsBlank(line?.blank ?? 'preserve', comment.offset) : this.blankBefore(comment.offset));
                out.push(...this.commentLines(comment.text, commentIndent));
                afterOpener = false;
            });
            if (!line) continue;
            const previous = leading.at(-1);
            blankLine(previous ? previous.end <= line.start && this.blankBefore(line.start) : this.wantsBlank(line.blank, line.start));
            const text = [line.text, ...trailing.map((comment) => comment.text)].join(' ');
            out.push(...this.commentLines(text, INDENT.repeat(line.indent)));
            afterOpener = line.opens === true;
        }
        return out.length > 0 ? `${out.join('\n')}\n` : '';
    }

    /** Assigns every comment to a line (or to the end of the document). */
    protected place(lines: readonly LayoutLine[]): PlacedLine[] {
        const placed: PlacedLine[] = lines.map((line) => ({ line, leading: [], trailing: [] }));
        const end: PlacedLine = { line: undefined, leading: [], trailing: [] };
        let previousComment: { comment: LeafCstNode; trailingOn: PlacedLine | undefined } | undefined;
        for (const comment of this.source.comments) {
            const before = this.source.tokenBefore(comment.offset);
            const after = this.source.tokenAfter(comment.end);
            let trailingOn: PlacedLine | undefined;
            if (previousComment && (!before || previousComment.comment.offset > before.offset)) {
                // Right after another comment: trails the same line when that one trailed and no line break separates them.
                if (previousComment.trailingOn && !this.source.hasLineBreak(previousComment.comment.end, comment.offset)) {
                    trailingOn = previousComment.trailingOn;
                }
            } else if (before && !this.source.hasLineBreak(before.end, comment.offset)) {
                trailingOn = placed[this.lineIndex(lines, before.offset)];
            }
            if (trailingOn) trailingOn.trailing.push(comment);
            else (after ? placed[this.lineIndex(lines, after.offset)] : end).leading.push(comment);
            previousComment = { comment, trailingOn };
        }
        for (const line of placed) {
            const lastLineComment = line.trailing.slice(0, -1).findLastIndex((comment) => comment.text.startsWith('//'));
            if (lastLineComment >= 0) line.leading.push(...line.trailing.splice(0, lastLineComment + 1));
        }
        return [...placed, end];
    }

    /** The index of the line covering the token at `offset`. */
    protected lineIndex(lines: readonly LayoutLine[], offset: number): number {
        let index = 0;
        while (index + 1 < lines.length && lines[index + 1].start <= offset) index++;
        return index;
    }

    /** Whether the policy asks for a blank line before the item at `offset`. */
    protected wantsBlank(policy: BlankLinePolicy, offset: number): boolean {
        return policy === 'always' || (policy === 'preserve' && this.blankBefore(offset));
    }

    /** Whether the source has a blank line right before `offset`. */
    protected blankBefore(offset: number): boolean {
        return this.source.lineBreaksBefore(offset) >= 2;
    }

    /**
     * The indented lines of a text that may hold a multi-line block comment: its continuation lines
     * that start with `*` are re-indented under the first line; others are kept as written.
     */
    protected commentLines(text: string, indent: string): string[] {
        const [first, ...rest] = text.split(/\r?\n/);
        return [indent + first, ...rest.map((line) => (/^\s*\*/.test(line) ? `${indent} ${line.trimStart()}` : line))].map((line) => line.trimEnd());
    }
}
