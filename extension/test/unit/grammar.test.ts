import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/** A rule of a TextMate grammar, as far as this test reads them. */
interface Rule {
    include?: string;
    name?: string;
    match?: string;
    begin?: string;
    end?: string;
    captures?: Record<string, { name: string }>;
    patterns?: Rule[];
}

interface Grammar {
    scopeName: string;
    patterns: Rule[];
    repository: Record<string, Rule>;
}

const extension = resolve(import.meta.dirname, '../..');
const grammar = JSON.parse(readFileSync(resolve(extension, 'syntaxes/segment.tmLanguage.json'), 'utf8')) as Grammar;
/** The grammar Langium generates from the language's grammar: its keyword list is the reference. */
const generated = JSON.parse(readFileSync(resolve(extension, '../packages/language/syntaxes/segment.tmLanguage.json'), 'utf8')) as Grammar;

/**
 * A rule's regular expression for JavaScript: Oniguruma's case-insensitive groups `(?i:...)`
 * become plain groups under the `i` flag (every pattern of the grammar ignores case or spells
 * both cases out).
 */
function regex(source: string, flags: string): RegExp {
    return new RegExp(source.replaceAll('(?i:', '(?:'), `${flags}i`);
}

/** The top-level rules, includes resolved, in order. */
function rules(patterns: Rule[]): Rule[] {
    return patterns.flatMap((rule) => (rule.include ? rules(grammar.repository[rule.include.slice(1)]!.patterns ?? [grammar.repository[rule.include.slice(1)]!]) : [rule]));
}

/**
 * Tokenizes one line the way a TextMate engine does for a flat grammar: at each position the rule
 * matching earliest wins (the first listed on a tie); a `begin`/`end` rule spans to its end.
 * Returns the scoped pieces as `[text, scope]`: a named match whole, an unnamed one by captures.
 */
function tokenize(line: string): [string, string][] {
    const tokens: [string, string][] = [];
    const all = rules(grammar.patterns);
    let position = 0;
    while (position < line.length) {
        let best: { rule: Rule; match: RegExpExecArray } | undefined;
        for (const rule of all) {
            const pattern = regex(rule.match ?? rule.begin!, 'gd');
            pattern.lastIndex = position;
            const match = pattern.exec(line);
            if (match && match[0].length > 0 && (!best || match.index < best.match.index)) best = { rule, match };
        }
        if (!best) break;
        const { rule, match } = best;
        if (rule.begin) {
            const stop = endOf(rule, line, match.index + match[0].length);
            tokens.push([line.slice(match.index, stop), rule.name!]);
            position = stop;
        } else {
            if (rule.captures && !rule.name) {
                for (const [group, capture] of Object.entries(rule.captures)) {
                    const indices = match.indices![Number(group)];
                    if (indices) tokens.push([line.slice(indices[0], indices[1]), capture.name]);
                }
            } else {
                tokens.push([match[0], rule.name!]);
            }
            position = match.index + match[0].length;
        }
    }
    return tokens;
}

/** Where a `begin`/`end` rule that began before `from` ends: its inner patterns (escapes) are skipped over. */
function endOf(rule: Rule, line: string, from: number): number {
    let position = from;
    for (;;) {
        const end = regex(rule.end!, 'g');
        end.lastIndex = position;
        const closing = end.exec(line);
        const inner = (rule.patterns ?? []).map((pattern) => {
            const match = regex(pattern.match!, 'g');
            match.lastIndex = position;
            return match.exec(line);
        });
        const skipped = inner.find((match) => match && (!closing || match.index < closing.index));
        if (skipped) {
            position = skipped.index + skipped[0].length;
            continue;
        }
        return closing ? closing.index + closing[0].length : line.length;
    }
}

const scopeOf = (line: string, text: string) => tokenize(line).find(([piece]) => piece === text)?.[1];

describe('the TextMate grammar', () => {
    test('has the language scope', () => {
        expect(grammar.scopeName).toBe('source.segment');
    });

    test('colours every keyword of the language grammar, in any case', () => {
        const keywords = /\\b\(([^)]*)\)\\b/.exec(generated.patterns.find((rule) => rule.name?.startsWith('keyword'))!.match!)![1]!.split('|');
        expect(keywords.length).toBeGreaterThan(60);
        for (const keyword of keywords) {
            for (const written of [keyword, keyword.toUpperCase()]) {
                expect(tokenize(written), written).toEqual([[written, expect.stringMatching(/^(keyword|storage|support|constant)\./)]]);
            }
        }
    });

    test('declarations name what they declare', () => {
        const line = 'segment high_value "High Value" of Contact {';
        expect(tokenize(line)).toEqual([
            ['segment', 'storage.type.segment.segment'],
            ['high_value', 'entity.name.type.segment.segment'],
            ['"High Value"', 'string.quoted.double.segment'],
            ['of', 'keyword.other.segment'],
            ['{', 'punctuation.section.block.begin.segment'],
        ]);
        expect(scopeOf('schema Contact key id {', 'Contact')).toBe('entity.name.type.schema.segment');
        expect(scopeOf('schema Contact key id {', 'key')).toBe('keyword.other.key.segment');
        expect(scopeOf('list vip "VIP" of Contact from "lists/vip.csv" by email', 'vip')).toBe('entity.name.type.list.segment');
        expect(scopeOf('  tags list of text', 'list')).toBe('storage.type.segment');
        expect(scopeOf('  event Purchased { amount number }', 'Purchased')).toBe('entity.name.type.event.segment');
        expect(scopeOf('  let average = total / count', 'average')).toBe('variable.other.declaration.segment');
    });

    test('amounts, numbers, dates and datetimes', () => {
        const line = 'where total_spent >= $1_000.50 and visits > 1_000 and birthday < 2000-01-31 and last_visit > 2026-01-01T08:30:00Z';
        expect(scopeOf(line, '$1_000.50')).toBe('constant.numeric.currency.segment');
        expect(scopeOf(line, '1_000')).toBe('constant.numeric.segment');
        expect(scopeOf(line, '2000-01-31')).toBe('constant.numeric.date.segment');
        expect(scopeOf(line, '2026-01-01T08:30:00Z')).toBe('constant.numeric.datetime.segment');
        expect(scopeOf(line, '>=')).toBe('keyword.operator.comparison.segment');
        expect(scopeOf(line, 'and')).toBe('keyword.operator.logical.segment');
        expect(scopeOf(line, 'where')).toBe('keyword.control.clause.segment');
    });

    test('strings with escapes, backtick names, comments and doc comments', () => {
        expect(tokenize('email matches "a\\"b" // the rest')).toEqual([
            ['matches', 'keyword.operator.word.segment'],
            ['"a\\"b"', 'string.quoted.double.segment'],
            ['// the rest', 'comment.line.double-slash.segment'],
        ]);
        expect(scopeOf('`first name` is set', '`first name`')).toBe('variable.other.quoted.segment');
        expect(scopeOf('/** Best customers. */', '/** Best customers. */')).toBe('comment.block.documentation.segment');
        expect(scopeOf('/* aside */ where', '/* aside */')).toBe('comment.block.segment');
    });

    test('aggregates, functions and durations', () => {
        const line = 'count(EmailOpened within last 90 days) >= 5 and days_since(last_purchase) > 30';
        expect(scopeOf(line, 'count')).toBe('support.function.aggregate.segment');
        expect(scopeOf(line, 'days_since')).toBe('support.function.segment');
        expect(scopeOf(line, 'within')).toBe('keyword.other.event.segment');
        expect(scopeOf(line, 'days')).toBe('keyword.other.unit.segment');
        expect(scopeOf(line, '90')).toBe('constant.numeric.segment');
    });
});
