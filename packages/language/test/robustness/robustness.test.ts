import { describe, expect, test } from 'vitest';
import { CONTACT_SCHEMA } from '../test-utils.js';
import { buildAlone, outOfRange } from './robustness-helpers.js';
import { SeededRandom } from './seeded-random.js';

/*
 * Bad input must give diagnostics with positions inside the document (or none), never an
 * exception and never a hang. Speed is measured by the benchmarks; here a generous timeout only
 * catches hangs, and each case prints its time.
 */
const HANG = 10_000;

/**
 * Builds the text alone and checks that it neither throws, nor reports a position outside it, nor
 * has a validation check crash (Langium turns such a crash into an error "An error occurred during
 * validation"). Returns the number of errors (warnings such as `too-deep` are not counted).
 */
async function expectRobust(label: string, text: string): Promise<number> {
    const { diagnostics } = await buildAlone(label, text);
    expect(outOfRange(text, diagnostics)).toEqual([]);
    expect(diagnostics.filter((d) => String(d.message).startsWith('An error occurred')).map((d) => d.message)).toEqual([]);
    return diagnostics.filter((d) => d.severity === 1).length;
}

const SCHEMA = 'schema C key id { id text  x number  flag boolean }\n';

/** Words of the language, and junk around them. */
const TOKENS = [
    'schema', 'segment', 'list', 'event', 'let', 'key', 'of', 'from', 'by', 'where', 'exclude', 'and', 'or', 'not', 'in', 'is', 'set',
    'null', 'empty', 'between', 'contains', 'starts', 'with', 'includes', 'any', 'all', 'performed', 'at', 'least', 'times', 'within',
    'last', 'next', 'days', 'ago', 'since', 'count', 'sum', 'now', 'today', 'true', 'false', '(', ')', '{', '}', ',', '.', '=', '!=',
    '<', '>=', '+', '-', '*', '/', '$5', '1_000.50', '42', '2026-01-31', '2026-01-31T09:00:00Z', '"text"', '"unclosed', '`quoted name`',
    '`', 'x', 'flag', 'Contact', '#', '@', '%', '\u00e9t\u00e9', '\u{1F600}', '//', '/*', '*/', '\t', '\\',
];

describe('robustness', () => {
    test('64 KiB of random bytes', { timeout: HANG }, async () => {
        const text = new TextDecoder().decode(new SeededRandom(1).bytes(64 * 1024));
        expect(await expectRobust('random bytes', text)).toBeGreaterThan(0);
    });

    test('10,000 lines of language tokens mixed with junk', { timeout: HANG }, async () => {
        const random = new SeededRandom(2);
        const lines: string[] = [];
        for (let i = 0; i < 10_000; i++) {
            const words: string[] = [];
            for (let n = 1 + random.below(8); n > 0; n--) words.push(random.pick(TOKENS));
            lines.push(words.join(' '));
        }
        expect(await expectRobust('garbage lines', lines.join('\n'))).toBeGreaterThan(0);
    });

    /* The same without parentheses, so the nesting guard does not stop the parser: this measures its error recovery. */
    test('10,000 lines of language tokens mixed with junk, without parentheses', { timeout: HANG }, async () => {
        const random = new SeededRandom(2);
        const flat = TOKENS.filter((t) => t !== '(' && t !== ')');
        const lines: string[] = [];
        for (let i = 0; i < 10_000; i++) {
            const words: string[] = [];
            for (let n = 1 + random.below(8); n > 0; n--) words.push(random.pick(flat));
            lines.push(words.join(' '));
        }
        expect(await expectRobust('garbage lines without parentheses', lines.join('\n'))).toBeGreaterThan(100);
    });

    test('an unclosed string at the end of the file', { timeout: HANG }, async () => {
        expect(await expectRobust('unclosed string', `${CONTACT_SCHEMA}\nsegment s of Contact { where email = "abc`)).toBeGreaterThan(0);
    });

    test('an unclosed block comment at the end of the file', { timeout: HANG }, async () => {
        expect(await expectRobust('unclosed comment', `${SCHEMA}segment s { where flag } /* no end`)).toBeGreaterThan(0);
    });

    /* Past MAX_NESTING (32) levels the parser refuses the text with one syntax error instead of risking the stack. */
    test('50 nested parentheses', { timeout: HANG }, async () => {
        expect(await expectRobust('50 parentheses', `${SCHEMA}segment s { where ${'('.repeat(50)}x > 1${')'.repeat(50)} }`)).toBe(1);
    });

    test('32 nested parentheses still parse', { timeout: HANG }, async () => {
        expect(await expectRobust('32 parentheses', `${SCHEMA}segment s { where ${'('.repeat(31)}x > 1${')'.repeat(31)} }`)).toBe(0);
    });

    test('50 nested parentheses with too many closing ones', { timeout: HANG }, async () => {
        expect(await expectRobust('50 parentheses, 100 closed', `${SCHEMA}segment s { where ${'('.repeat(50)}x > 1${')'.repeat(100)} }`)).toBeGreaterThan(0);
    });

    test('50 nested parentheses, 20 of them closed', { timeout: HANG }, async () => {
        expect(await expectRobust('50 parentheses, 20 closed', `${SCHEMA}segment s { where ${'('.repeat(50)}x > 1${')'.repeat(20)} }`)).toBeGreaterThan(0);
    });

    test('50 nested parentheses, none closed', { timeout: HANG }, async () => {
        expect(await expectRobust('50 parentheses, none closed', `${SCHEMA}segment s { where ${'('.repeat(50)}x > 1 }`)).toBeGreaterThan(0);
    });

    test('1,000 nested parentheses, none closed', { timeout: HANG }, async () => {
        expect(await expectRobust('1,000 parentheses, none closed', `${SCHEMA}segment s { where ${'('.repeat(1000)}x > 1 }`)).toBeGreaterThan(0);
    });

    test('a 1 MB line: one long string', { timeout: HANG }, async () => {
        expect(await expectRobust('1 MB string', `${SCHEMA}segment s { where id = "${'a'.repeat(1_000_000)}" }`)).toBe(0);
    });

    test('a 1 MB line: one long comment', { timeout: HANG }, async () => {
        expect(await expectRobust('1 MB comment', `${SCHEMA}segment s { where flag } // ${'a'.repeat(1_000_000)}`)).toBe(0);
    });

    test('a 1 MB line of tokens and junk', { timeout: HANG }, async () => {
        const random = new SeededRandom(3);
        const words: string[] = [];
        for (let length = 0; length < 1_000_000; ) {
            const word = random.pick(TOKENS).replace(/\s/g, '');
            words.push(word);
            length += word.length + 1;
        }
        expect(await expectRobust('1 MB junk line', `${SCHEMA}segment s { where ${words.join(' ')}`)).toBeGreaterThan(0);
    });

    /*
     * Expected to fail until and/or chains stop nesting one level per operand: 60,000 conditions
     * joined by `and` make a left-nested tree 60,000 deep, and Langium's recursive CST offset
     * getter and linkContentToContainer overflow the stack (see the report).
     */
    test('a 1 MB line of conditions joined by `and`', { timeout: HANG }, async () => {
        const conditions = Array.from({ length: 60_000 }, (_, i) => `x > ${i}`).join(' and ');
        expect(await expectRobust('1 MB condition chain', `${SCHEMA}segment s { where ${conditions} }`)).toBe(1);
    });

    /* Each `not` is one more recursive descent of the parser: past MAX_NESTING the text is refused with one syntax error. */
    test('1,000 nested `not`', { timeout: HANG }, async () => {
        expect(await expectRobust('1,000 not', `${SCHEMA}segment s { where ${'not '.repeat(1000)}flag }`)).toBe(1);
    });

    test.each([
        ['a field without a type', 'schema S key id { id text  age }'],
        ['a `let` without a value', 'schema S key id { id text  let x = }'],
        ['a `let` without a name', 'schema S key id { id text  let = 1 }'],
        ['a property without a type', 'schema S key id { id text  event E { a } }'],
        ['an empty `where`', `${SCHEMA}segment s { where }`],
        ['a comparison without a right side', `${SCHEMA}segment s { where x > }`],
        ['an aggregate without an event', `${SCHEMA}segment s { where count() > 1 }`],
        ['a performed without an event', `${SCHEMA}segment s { where performed within last 3 days }`],
        ['a list without a file', `${SCHEMA}list l of C by id`],
    ])('an incomplete declaration: %s', { timeout: HANG }, async (label, text) => {
        expect(await expectRobust(label, text)).toBeGreaterThan(0);
    });

    test('a NUL byte, a BOM and lone surrogates', { timeout: HANG }, async () => {
        expect(await expectRobust('odd characters', `\uFEFF${SCHEMA}segment s { where x > 1 \u0000 \uD800 }`)).toBeGreaterThan(0);
    });
});

describe('syntax errors are capped', () => {
    test('random bytes report at most 100 syntax errors and a summary of the rest', { timeout: HANG }, async () => {
        const text = new TextDecoder().decode(new SeededRandom(1).bytes(64 * 1024));
        const { diagnostics } = await buildAlone('capped', text);
        const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
        expect(syntax).toHaveLength(101);
        expect(syntax[100].message).toMatch(/^\d+ more syntax errors after this one are not shown/);
    });
});
