import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SegmentPrinter } from '../../src/formatting/segment-printer.js';
import { SourceText } from '../../src/formatting/source-text.js';
import { astImage, astImageOf, comments, commentsOf, format, parse } from './format-test-utils.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
const examples = join(here, '../../../../examples');

/** The `.segment` files under a folder, recursively (none when it does not exist). */
function segmentFiles(folder: string): string[] {
    try {
        return readdirSync(folder, { recursive: true, encoding: 'utf8' })
            .filter((path) => path.endsWith('.segment'))
            .sort()
            .map((path) => join(folder, path));
    } catch {
        return [];
    }
}

const inputs = segmentFiles(join(fixtures, 'input'));
const expected = segmentFiles(join(fixtures, 'expected'));
/** The project's examples that parse (they are written alongside; one that does not parse is another test's failure). */
const exampleFiles = segmentFiles(examples).filter((path) => {
    const result = parse(readFileSync(path, 'utf8')).parseResult;
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0;
});
const allFiles = [...inputs, ...expected, ...exampleFiles].map((path) => [relative(join(here, '../../../..'), path), path]);

describe('canonical output of the fixtures', () => {
    test('every input fixture has its expected output', () => {
        expect(inputs.map((path) => relative(join(fixtures, 'input'), path))).toEqual(expected.map((path) => relative(join(fixtures, 'expected'), path)));
    });

    test.each(inputs.map((path) => [relative(fixtures, path), path]))('%s', (_name, path) => {
        const output = format(readFileSync(path, 'utf8'));
        expect(output).toBe(readFileSync(path.replace(`${join('fixtures', 'input')}`, join('fixtures', 'expected')), 'utf8'));
    });
});

describe.each(allFiles)('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const output = format(text);

    test('is idempotent', () => {
        expect(format(output)).toBe(output);
    });

    test('keeps the meaning: the output parses to the same AST', () => {
        expect(astImage(output)).toEqual(astImage(text));
    });

    test('loses no comment', () => {
        expect(comments(output).map((comment) => comment.replace(/\s+/g, ' '))).toEqual(comments(text).map((comment) => comment.replace(/\s+/g, ' ')));
    });

    test('has no tabs, no trailing spaces, and ends with one newline unless empty', () => {
        expect(output).not.toMatch(/\t| \n/);
        if (output !== '') expect(output).toMatch(/[^\n]\n$/);
    });
});

describe('SegmentPrinter', () => {
    const printer = new SegmentPrinter();

    test('does not format what did not parse', () => {
        expect(printer.print(parse('segment s { where a = }'))).toBeUndefined();
        expect(printer.print(parse('segment s { where a = "unterminated }'))).toBeUndefined();
    });

    test('prints an empty or blank document as empty text', () => {
        expect(format('')).toBe('');
        expect(format('  \n\n \t\n')).toBe('');
    });

    test('prints a comment-only document stably, with a final newline', () => {
        expect(format('\n\n// a\n\n\n\n/* b */')).toBe('// a\n\n/* b */\n');
    });

    test('writes keywords in lower case and names, strings and numbers as written', () => {
        expect(format('SEGMENT Big_Spenders "Big Spenders" OF Contact { WHERE `Total Spent` >= $1_000 AND Country In ("US") }')).toBe(
            [
                'segment Big_Spenders "Big Spenders" of Contact {',
                '  where',
                '    `Total Spent` >= $1_000',
                '    and Country in ("US")',
                '}',
                '',
            ].join('\n'),
        );
    });

    test('keeps `time` or `times` as written', () => {
        expect(format('segment s { where performed E at least 1 TIMES and performed E exactly 2 time }')).toContain(
            '    performed E at least 1 times\n    and performed E exactly 2 time\n',
        );
    });

    test('prints an event on one line up to 100 columns, else one property per line without commas', () => {
        const properties = (width: number): string => {
            const head = '  event E { ';
            const fill = width - head.length - ' text }'.length;
            return `p${'x'.repeat(fill - 1)} text`;
        };
        const schema = (width: number): string => `schema S key id {\nevent E { ${properties(width)} }\n}`;
        expect(format(schema(100)).split('\n')[1]).toHaveLength(100);
        expect(format(schema(101)).split('\n').slice(1, 4)).toEqual(['  event E {', `    ${properties(101)}`, '  }']);
    });

    test('breaks a calculated field longer than 100 columns after `=`, one term per line', () => {
        const long = 'let score = count(Opened within last 90 days) * 2 + count(Clicked within last 90 days) * 5 + visits';
        expect(format(`schema S key id { ${long} }`)).toBe(
            [
                'schema S key id {',
                '  let score =',
                '    count(Opened within last 90 days) * 2',
                '    + count(Clicked within last 90 days) * 5',
                '    + visits',
                '}',
                '',
            ].join('\n'),
        );
    });

    test('keeps one blank line between schema members where the source has any, and none elsewhere', () => {
        expect(format('schema S key id {\n\n  a text\n\n\n\n  b text\n  c text\n\n}')).toBe('schema S key id {\n  a text\n\n  b text\n  c text\n}\n');
    });

    test('puts one blank line between declarations', () => {
        expect(format('list a from "a.csv" by id\n\n\n\nlist b from "b.csv" by id\nlist c from "c.csv" by id')).toBe(
            'list a from "a.csv" by id\n\nlist b from "b.csv" by id\n\nlist c from "c.csv" by id\n',
        );
    });

    test('does not add parentheses to mixed and/or', () => {
        expect(format('segment s { where a = 1 or b = 2 and c = 3 }')).toContain('    a = 1\n    or b = 2\n    and c = 3\n');
    });

    test('moves a line comment that would end up before other text on its line above that line', () => {
        expect(format('segment s { where a = // one\n 1 // two\n}')).toBe('segment s {\n  where\n    // one\n    a = 1 // two\n}\n');
    });

    test('prints a CRLF source like its LF form', () => {
        const lf = readFileSync(join(fixtures, 'input', 'comments.segment'), 'utf8');
        expect(format(lf.replace(/\n/g, '\r\n'))).toBe(format(lf));
    });

    test('formats the before/after example of docs/formatting.md as shown', () => {
        const doc = readFileSync(join(here, '../../../../docs/formatting.md'), 'utf8');
        const [before, after] = [...doc.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1]);
        expect(format(before)).toBe(after);
    });

    test('prints the longest chain and the deepest nesting the parser accepts', () => {
        const conditions = Array.from({ length: 1_000 }, (_, i) => `c${i} = ${i}`);
        const output = format(`segment s { where ${conditions.join(' and ')} }`);
        expect(output.split('\n')).toHaveLength(1_000 + 4);
        expect(output).toContain('\n    and c999 = 999\n');
        const nested = format(`segment s { where ${'(a = 1 or '.repeat(30)}b = 2${')'.repeat(30)} }`);
        expect(nested).toContain(`\n${'  '.repeat(32)}or b = 2\n`);
    });

    test('re-indents the `*` lines of a block comment', () => {
        expect(format('schema S key id {\n        /**\n           * Doc.\n           */\n  id text }')).toBe('schema S key id {\n  /**\n   * Doc.\n   */\n  id text\n}\n');
    });
});

describe('a comment or line break between any two tokens', () => {
    const text = [
        'schema S key id { id text tier one of ("A", "B") let x = a + 1 event E from "e" { a number, b text } }',
        'list l "L" of S from "l.csv" by id',
        'segment s "S" of S { description "d" refresh every 1 hour where a = 1 and (b = 2 or not (c is not set and d in ("x", "y")))',
        '  or performed E at least 2 times within last 3 days where (a > 1 and b starts with "x") exclude count(E.a since 2026-01-01 where a > 1) > -2 }',
    ].join('\n');
    const printer = new SegmentPrinter();
    const tokens = new SourceText(parse(text).parseResult.value.$cstNode, text).tokens;
    const inserts = (k: number): string[] => [` /* c${k} */ `, ` // c${k}\n`, `\n\n/* c${k} */\n\n`];

    test.each(tokens.map((token, k) => [k, token.text, token.end]))('after token %i `%s`: kept, same meaning, idempotent', (k, _text, end) => {
        for (const insert of inserts(k)) {
            const source = parse(text.slice(0, end) + insert + text.slice(end));
            const output = printer.print(source) ?? '';
            const reparsed = parse(output);
            expect(printer.print(reparsed)).toBe(output);
            expect(astImageOf(reparsed)).toEqual(astImageOf(source));
            expect(commentsOf(reparsed)).toEqual(commentsOf(source));
        }
    });
});
