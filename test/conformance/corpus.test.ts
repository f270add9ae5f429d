import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { SegmentBundleSchema } from '@segments/ir';
import { buildCases, type BuiltCase } from './corpus-project.js';
import { caseFiles, CORPUS_DIR, CorpusError, loadCorpus, loadSchemas, parseCaseFile } from './corpus.js';

/** The least number of cases the corpus must hold. */
const MINIMUM_CASES = 150;

const corpus = loadCorpus();

describe('the conformance corpus', () => {
    let built: BuiltCase[] = [];
    beforeAll(async () => {
        built = await buildCases(corpus);
    });

    test(`holds at least ${MINIMUM_CASES} cases, with unique ids, in several topic files`, () => {
        expect(corpus.length).toBeGreaterThanOrEqual(MINIMUM_CASES);
        expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
        expect(caseFiles().length).toBeGreaterThan(5);
    });

    test('every case checks without errors and lowers to a valid IR bundle', () => {
        const problems = built
            .filter((b) => b.project === undefined)
            .map((b) => `${b.testCase.file} ${b.testCase.id}: ${b.problem}\n${b.diagnostics.map((d) => `  ${d.file}:${d.line} ${d.severity} ${d.code} ${d.message}`).join('\n')}`);
        expect(problems).toEqual([]);
        for (const { project } of built) {
            expect(SegmentBundleSchema.parse(JSON.parse(JSON.stringify(project!.bundle)))).toEqual(project!.bundle);
        }
    });

    test("every expected key and truth belongs to a record of the case, by the schema's key", () => {
        const problems: string[] = [];
        for (const { testCase, project } of built) {
            if (!project) continue;
            const keyField = project.bundle.schema.fields.find((f) => f.name === project.bundle.schema.key)!;
            const keys = testCase.records.map((record) => keyField.path.reduce<unknown>((v, step) => (v as Record<string, unknown> | undefined)?.[step], record));
            if (new Set(keys).size !== keys.length || keys.some((k) => typeof k !== 'string')) problems.push(`${testCase.id}: record keys must be distinct strings`);
            for (const key of [...testCase.expected, ...Object.keys(testCase.truth ?? {})]) {
                if (!keys.includes(key)) problems.push(`${testCase.id}: ${key} is no record's key`);
            }
            for (const [key, truth] of Object.entries(testCase.truth ?? {})) {
                if (truth === 'TRUE' && project.bundle.segment.exclude === undefined && !testCase.expected.includes(key)) {
                    problems.push(`${testCase.id}: ${key} has a TRUE where and no exclude, so it must be expected`);
                }
                if (truth !== 'TRUE' && testCase.expected.includes(key)) problems.push(`${testCase.id}: ${key} is expected although its where is ${truth}`);
            }
            for (const key of Object.keys(testCase.events ?? {})) {
                if (!keys.includes(key)) problems.push(`${testCase.id}: events for ${key}, which no record has`);
            }
        }
        expect(problems).toEqual([]);
    });

    test('every list CSV a case supplies is used by a list it declares', () => {
        for (const { testCase, project } of built) {
            const files = Object.values(project?.bundle.lists ?? {}).map((l) => l.file);
            expect(Object.keys(testCase.lists ?? {}).filter((f) => !files.includes(f)), testCase.id).toEqual([]);
        }
    });
});

describe('the case format', () => {
    const schemas = loadSchemas();
    const text = readFileSync(join(CORPUS_DIR, caseFiles()[0]), 'utf8');

    test('rejects unknown fields, bad ids, bad truths and missing `now`', () => {
        const base = 'topic: t\ncases:\n  - id: a-case\n    title: T\n    now: 2026-01-01T00:00:00Z\n    segment: "segment s of Contact { where visits > 1 }"\n    schema: contact\n    records: [{ id: a }]\n    expected: []\n';
        expect(parseCaseFile(base, 'f.yaml', schemas)).toHaveLength(1);
        expect(() => parseCaseFile(`${base}    colour: red\n`, 'f.yaml', schemas)).toThrow(CorpusError);
        expect(() => parseCaseFile(base.replace('a-case', 'A Case'), 'f.yaml', schemas)).toThrow(/kebab-case/);
        expect(() => parseCaseFile(`${base}    truth: { a: MAYBE }\n`, 'f.yaml', schemas)).toThrow(CorpusError);
        expect(() => parseCaseFile(base.replace('    now: 2026-01-01T00:00:00Z\n', ''), 'f.yaml', schemas)).toThrow(/no `now`/);
        expect(() => parseCaseFile(base.replace('schema: contact', 'schema: nope'), 'f.yaml', schemas)).toThrow(/unknown schema/);
    });

    test("applies the file's defaults to its cases", () => {
        const withDefaults = 'topic: t\ndefaults: { now: 2026-01-01T00:00:00Z, timezone: Europe/Paris, schema: contact }\ncases:\n  - id: a\n    title: T\n    segment: "segment s { where visits > 1 }"\n    records: [{ id: a }]\n    expected: []\n';
        const [testCase] = parseCaseFile(withDefaults, 'f.yaml', schemas);
        expect(testCase).toMatchObject({ now: '2026-01-01T00:00:00Z', timezone: 'Europe/Paris', schema: 'contact', file: 'f.yaml' });
        expect(testCase.schemaText).toBe(schemas.get('contact'));
        expect(parseCaseFile(text, caseFiles()[0], schemas).length).toBeGreaterThan(0);
    });
});
