/** One row of a CSV file: its cells, and the 1-based line where it starts. */
export interface CsvRow {
    readonly cells: readonly string[];
    readonly line: number;
}

/** What is left at the end of a CSV file: its last row, or the line of a quoted cell never closed. */
export interface CsvEnd {
    readonly row?: CsvRow;
    /** The line of the row whose quoted cell runs to the end of the file. */
    readonly unterminated?: number;
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where the parser is: in a cell that is not quoted (or at its start), in a quoted cell, or just after a quote inside one. */
type CsvState = 'plain' | 'quoted' | 'quote';

/**
 * An incremental RFC 4180 parser: text goes in chunk by chunk, complete rows come out. Cells are
 * separated by commas and rows by CRLF, LF or CR; a cell in double quotes may hold commas, line
 * breaks and doubled quotes (`""` is one `"`). It is lenient where the RFC is strict: a quote
 * inside an unquoted cell, or text after a closing quote, is kept as text. Blank lines are skipped.
 */
export class CsvParser {
    private state: CsvState = 'plain';
    private cells: string[] = [];
    private cell = '';
    /** Whether the current cell has begun (a character or a quote was read): a quote then is text. */
    private cellStarted = false;
    /** Whether the current row has any character, so that blank lines are skipped. */
    private rowStarted = false;
    private line = 1;
    private rowLine = 1;
    /** Whether the previous character was a CR, so that an LF after it is part of the same line break. */
    private afterCr = false;

    /** Parses the next chunk of text and returns the rows it completes. */
    push(text: string): CsvRow[] {
        const rows: CsvRow[] = [];
        let start = 0;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            const lfOfCrlf = this.afterCr && c === LF;
            this.afterCr = c === CR;
            if (c === CR || (c === LF && !lfOfCrlf)) this.line++;
            switch (this.state) {
                case 'plain':
                    if (lfOfCrlf) {
                        start = i + 1;
                    } else if (c === COMMA) {
                        this.endCell(text.slice(start, i));
                        start = i + 1;
                    } else if (c === LF || c === CR) {
                        this.endCell(text.slice(start, i));
                        this.endRow(rows);
                        start = i + 1;
                    } else if (c === QUOTE && !this.cellStarted) {
                        this.state = 'quoted';
                        this.cellStarted = this.rowStarted = true;
                        start = i + 1;
                    } else {
                        this.cellStarted = this.rowStarted = true;
                    }
                    break;
                case 'quoted':
                    if (c === QUOTE) {
                        this.cell += text.slice(start, i);
                        this.state = 'quote';
                        start = i + 1;
                    }
                    break;
                case 'quote':
                    if (c === QUOTE) {
                        // A doubled quote: one quote of text; the quoted cell goes on.
                        this.cell += '"';
                        this.state = 'quoted';
                        start = i + 1;
                    } else {
                        // The quote closed the cell: read this character as outside quotes.
                        this.state = 'plain';
                        this.afterCr = false;
                        if (c === CR || c === LF) this.line--;
                        start = i;
                        i--;
                    }
                    break;
            }
        }
        if (this.state !== 'quote') this.cell += text.slice(start);
        return rows;
    }

    /** Ends the input: returns the last row (when the text does not end with a line break), or the line of an unclosed quote. */
    end(): CsvEnd {
        if (this.state === 'quoted') return { unterminated: this.rowLine };
        if (!this.rowStarted && this.cells.length === 0) return {};
        const rows: CsvRow[] = [];
        this.endCell('');
        this.endRow(rows);
        return rows[0] ? { row: rows[0] } : {};
    }

    private endCell(rest: string): void {
        this.cells.push(this.cell + rest);
        this.cell = '';
        this.cellStarted = false;
        this.state = 'plain';
    }

    private endRow(rows: CsvRow[]): void {
        if (this.rowStarted || this.cells.length > 1) {
            rows.push({ cells: this.cells, line: this.rowLine });
        }
        this.cells = [];
        this.rowStarted = false;
        this.rowLine = this.line;
    }
}
