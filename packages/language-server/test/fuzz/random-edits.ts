import { TextDocument } from 'langium';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { SeededRandom } from '@segments/sample-data';


/** Tokens of the segment language, well-formed or nearly so, that edits insert. */
export const LANGUAGE_TOKENS: readonly string[] = [
    // declarations and clauses
    'segment', 'schema', 'list', 'key', 'of', 'where', 'exclude', 'description', 'timezone', 'refresh every 5 minutes', 'let', 'event', 'from', 'by',
    // conditions
    'and', 'or', 'not', 'in', 'not in', 'in segment', 'in list', 'between', 'is set', 'is not set', 'is null', 'is empty', 'is not empty',
    'contains', 'starts with', 'ends with', 'matches', 'includes', 'includes any of', 'includes all of', 'one of',
    'performed', 'at least 2 times', 'exactly 1 time', 'within last 30 days', 'within next 2 weeks', 'more than 90 days ago', 'less than 3 months ago',
    'days ago', 'from now', 'since', 'before', 'after', 'now', 'today', 'true', 'false', 'null',
    // functions and aggregates
    'count(', 'sum(', 'avg(', 'min(', 'max(', 'first_performed(', 'last_performed(', 'lower(', 'age(', 'days_since(', 'anniversary(', 'coalesce(', 'month(',
    // names: declared, unknown, keywords as names, backticks
    'total_spent', 'tier', 'tags', 'birthday', 'country', 'visits', 'last_visit', 'Purchased', 'EmailOpened', 'amount', 'campaign', 'Contact', 'vip', 'big_spenders',
    'unknown_thing', '`first name`', '`', 'at',
    // literals
    '0', '42', '-7', '3.14', '$500', '$10_000', '2026-01-31', '2026-01-31T09:00:00Z', '"Gold"', '"US"', '"^[a-z]+$"', '"(a+)+"', '"unterminated', '""',
    'text', 'number', 'boolean', 'date', 'datetime', 'list of text',
    // punctuation and operators
    '(', ')', '{', '}', ',', '.', '=', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/',
    // trivia
    ' ', ' ', '\n', '\n  ', '\t', '// comment\n', '/*', '*/', '/** doc */\n', '\r\n',
];

const GARBAGE = 'abcxyz_019 \n\t(){}[]<>=!"\'`$%^&*+-/\\|;:,.?@#~éß中文🙂\u0000\u200b';

/** Segments that are valid or nearly so: the fuzzer starts from them and returns to them now and then. */
export const SEED_TEXTS: readonly string[] = [
    'segment big_spenders "Big Spenders" of Contact {\n  where\n    total_spent > 1000\n    and tier in ("Gold", "Silver")\n    and performed Purchased at least 2 times within last 90 days\n}\n',
    'segment engaged of Contact {\n  description "Opened emails lately"\n  where count(EmailOpened within last 30 days) >= 5\n    and (country = "US" or tags includes "vip")\n  exclude in segment big_spenders\n}\n',
    'list vip of Contact from "vip.csv" by email\nsegment vips of Contact {\n  where in list vip and birthday is set and age(birthday) >= 21\n}\n',
    'schema Other key id {\n  id text\n  score number\n  let double = score * 2\n  event Ping { n number }\n}\nsegment others of Other {\n  where double > 3 and performed Ping where n > 1\n}\n',
];

/** One edit: the change the client sends, and what the edit was (for a failure's replay). */
export interface FuzzEdit {
    readonly kind: 'insert' | 'delete' | 'garbage' | 'replace-all';
    readonly change: TextDocumentContentChangeEvent;
}

/**
 * SeededRandom edits of one document, kept in a `TextDocument` (the same implementation that applies
 * them in the server), so that the fuzzer always knows the server's text.
 */
export class DocumentFuzzer {
    private document: TextDocument;

    constructor(
        readonly uri: string,
        text: string,
        private readonly random: SeededRandom,
    ) {
        this.document = TextDocument.create(uri, 'segment', 1, text);
    }

    get text(): string {
        return this.document.getText();
    }

    get version(): number {
        return this.document.version;
    }

    /** A random position inside the text (or at its end). */
    randomPosition(): Position {
        return this.document.positionAt(this.random.int(0, this.text.length));
    }

    /** Makes one random edit, applies it to the mirror, and returns it. */
    nextEdit(): FuzzEdit {
        const length = this.text.length;
        const roll = this.random.next();
        let edit: FuzzEdit;
        if (roll < 0.01 || length === 0) {
            // Now and then the whole text, full-document sync style: back to a valid segment.
            edit = { kind: 'replace-all', change: { text: this.random.pick(SEED_TEXTS) } };
        } else if (roll < 0.5) {
            const token = this.random.pick(LANGUAGE_TOKENS);
            const at = this.randomPosition();
            const padded = this.random.next() < 0.5 ? ` ${token} ` : token;
            edit = { kind: 'insert', change: { range: { start: at, end: at }, text: padded } };
        } else if (roll < 0.85 || length > 3000) {
            // Deletions win when the text grows, so it stays the size of a real file.
            const start = this.random.int(0, length - 1);
            const end = Math.min(length, start + this.random.int(1, length > 3000 ? 400 : 20));
            edit = { kind: 'delete', change: { range: { start: this.document.positionAt(start), end: this.document.positionAt(end) }, text: '' } };
        } else {
            const size = this.random.int(1, 12);
            let garbage = '';
            for (let i = 0; i < size; i++) garbage += this.random.pick([...GARBAGE]);
            const start = this.random.int(0, length);
            const end = Math.min(length, start + this.random.int(0, 5));
            edit = { kind: 'garbage', change: { range: { start: this.document.positionAt(start), end: this.document.positionAt(end) }, text: garbage } };
        }
        this.document = TextDocument.update(this.document, [edit.change], this.document.version + 1);
        return edit;
    }
}
