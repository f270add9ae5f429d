import { CliError } from '../cli-error.js';

/** The text of one element of a JSON array, with the 1-based line where it starts. */
export interface JsonElement {
    readonly text: string;
    readonly line: number;
}

/** A problem in the array's own structure (not in an element): an empty element, text after the array... */
export interface JsonArrayProblem {
    readonly problem: string;
    readonly line: number;
}

/** What the scanner finds: an element's text, or a problem of the array's structure. */
export type JsonArrayToken = JsonElement | JsonArrayProblem;

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;

function isWhitespace(c: number): boolean {
    return c === 0x20 || c === 0x09 || c === LF || c === 0x0d || c === 0xfeff;
}

/**
 * Where the scanner is: before the array, between its elements, inside one, after the array, or
 * after a text that follows the array (the rest of the file is ignored).
 */
type ScanState = 'before' | 'between' | 'element' | 'after' | 'ignoring';

/**
 * Splits a top-level JSON array into the texts of its elements, chunk by chunk, without parsing
 * them: it tracks the nesting depth and whether it is inside a string (with its escapes), and an
 * element ends at a comma or the closing bracket at depth 0. Each element's text is then parsed on
 * its own, so that only one element is ever held in memory. A text that does not start with `[`
 * is not an array: a {@link CliError}.
 */
export class JsonArrayScanner {
    private state: ScanState = 'before';
    private depth = 0;
    private inString = false;
    private escaped = false;
    private parts: string[] = [];
    private line = 1;
    private elementLine = 1;
    /** Whether an element was read since the last comma (or the opening bracket). */
    private sawElement = false;
    /** Whether a comma was read since the opening bracket. */
    private sawComma = false;

    /** Scans the next chunk of text and returns the elements (and problems) it completes. */
    push(text: string): JsonArrayToken[] {
        const tokens: JsonArrayToken[] = [];
        if (this.state === 'ignoring') return tokens;
        let start = 0;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (this.state === 'element') {
                if (c === LF) this.line++;
                if (this.inString) {
                    if (this.escaped) this.escaped = false;
                    else if (c === BACKSLASH) this.escaped = true;
                    else if (c === QUOTE) this.inString = false;
                } else if (c === QUOTE) {
                    this.inString = true;
                } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
                    this.depth++;
                } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && this.depth > 0) {
                    this.depth--;
                } else if (this.depth === 0 && (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE)) {
                    this.parts.push(text.slice(start, i));
                    tokens.push({ text: this.parts.join(''), line: this.elementLine });
                    this.parts = [];
                    this.state = 'between';
                    this.sawElement = true;
                    if (c !== CLOSE_BRACE) this.separator(c, tokens);
                    else tokens.push({ problem: "unexpected '}'", line: this.line });
                }
                continue;
            }
            if (c === LF) this.line++;
            if (isWhitespace(c)) continue;
            switch (this.state) {
                case 'before':
                    if (c !== OPEN_BRACKET) throw new CliError(`not a JSON array: it starts with '${String.fromCharCode(c)}' (line ${this.line})`);
                    this.state = 'between';
                    break;
                case 'between':
                    if (c === COMMA || c === CLOSE_BRACKET) {
                        this.separator(c, tokens);
                    } else {
                        this.state = 'element';
                        this.elementLine = this.line;
                        start = i;
                        i--;
                    }
                    break;
                case 'after':
                    tokens.push({ problem: 'text after the end of the array', line: this.line });
                    this.state = 'ignoring';
                    return tokens;
                default:
                    return tokens;
            }
        }
        if (this.state === 'element') this.parts.push(text.slice(start));
        return tokens;
    }

    /** Ends the input: the last element when the array is not closed, and the problem of the missing bracket. */
    end(): JsonArrayToken[] {
        switch (this.state) {
            case 'before':
                throw new CliError('not a JSON array: the file is empty');
            case 'after':
            case 'ignoring':
                return [];
            case 'element': {
                const text = this.parts.join('');
                this.parts = [];
                return [
                    { text, line: this.elementLine },
                    { problem: 'the array is not closed before the end of the file', line: this.line },
                ];
            }
            case 'between':
                return [{ problem: 'the array is not closed before the end of the file', line: this.line }];
        }
    }

    /** A comma or the closing bracket between elements. */
    private separator(c: number, tokens: JsonArrayToken[]): void {
        const empty = !this.sawElement && (c === COMMA || this.sawComma);
        if (empty) tokens.push({ problem: 'an empty element (two commas, or a comma before the bracket)', line: this.line });
        if (c === COMMA) {
            this.sawComma = true;
            this.sawElement = false;
        } else {
            this.state = 'after';
        }
    }
}
