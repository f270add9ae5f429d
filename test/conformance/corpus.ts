import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod/v4';
import type { ListIR, SegmentBundleIR } from '@segments/ir';

/**
 * The shared conformance corpus: cases as data (YAML files under `cases/`), which every engine must
 * evaluate to the same members. This module loads and validates the files; it knows nothing of
 * the language or of any engine. See docs/conformance.md.
 */

/** The folder of the corpus (this file's folder). */
export const CORPUS_DIR = resolve(import.meta.dirname);

/**
 * The truth of a condition for one record, in Kleene's three-valued logic. YAML reads a bare
 * `TRUE` / `FALSE` as a boolean, so booleans are accepted for them.
 */
export const TruthSchema = z.preprocess((value) => (typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value), z.enum(['TRUE', 'FALSE', 'UNKNOWN']));
export type Truth = z.infer<typeof TruthSchema>;

/** An ISO 8601 instant with an explicit offset (`2026-03-15T12:00:00Z`). */
const InstantSchema = z.iso.datetime({ offset: true });

/** An event occurrence as a source supplies it: `{ event, at, ...properties }`. */
export const EventOccurrenceSchema = z.looseObject({ event: z.string().min(1), at: z.unknown() });
export type EventOccurrence = z.infer<typeof EventOccurrenceSchema>;

/** What a case may take from its file's `defaults`. */
const CaseDefaultsSchema = z.strictObject({
    /** The shared schema, by the name of a file in `schemas/` without `.segment` (`contact`). */
    schema: z.string().min(1).optional(),
    /** The evaluation instant. */
    now: InstantSchema.optional(),
    /** The project's time zone (`segment.config.json`); a segment's own `timezone` wins. Default `UTC`. */
    timezone: z.string().min(1).optional(),
});

/** One case as written in a file (before the file's defaults are applied). */
const WrittenCaseSchema = z.strictObject({
    /** Unique across the corpus, kebab-case. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case'),
    /** One line saying what the case checks. */
    title: z.string().min(1),
    /** Why the expectation holds, derived from the specification (for non-obvious cases). */
    why: z.string().min(1).optional(),
    ...CaseDefaultsSchema.shape,
    /** The `.segment` text: one or more declarations (segments, lists, a schema of its own). */
    segment: z.string().min(1),
    /** The segment to evaluate; required when `segment` declares more than one. */
    evaluate: z.string().min(1).optional(),
    /** The records, as a source would give them (JSON objects). */
    records: z.array(z.record(z.string(), z.unknown())).min(1),
    /** Events supplied separately from the records, by record key. */
    events: z.record(z.string(), z.array(EventOccurrenceSchema)).optional(),
    /** Static lists: the CSV text of each file a `list` declaration names, by its path as written. */
    lists: z.record(z.string(), z.string()).optional(),
    /** The keys of the members: exactly this set. */
    expected: z.array(z.string()),
    /** The truth of `where` per record key, for three-valued cases (all records or some). */
    truth: z.record(z.string(), TruthSchema).optional(),
});

/** A case file: a topic, defaults for its cases, and the cases. */
export const CaseFileSchema = z.strictObject({
    topic: z.string().min(1),
    description: z.string().min(1).optional(),
    defaults: CaseDefaultsSchema.optional(),
    cases: z.array(WrittenCaseSchema).min(1),
});
export type CaseFile = z.infer<typeof CaseFileSchema>;

/** A case ready to run: the file's defaults applied, `now` resolved, and where it comes from. */
export interface ConformanceCase extends Omit<z.infer<typeof WrittenCaseSchema>, 'now'> {
    now: string;
    /** The case file, relative to the corpus folder (`cases/time.yaml`). */
    file: string;
    /** The shared schema's text, when the case names one. */
    schemaText?: string;
}

/**
 * What an engine receives besides the case: the checked, lowered segment and its lists' CSV text.
 * The corpus runner builds it with the language (so engines need no parser).
 */
export interface ConformanceProject {
    /** The IR bundle of the segment to evaluate (its `segment.timezone` is resolved). */
    bundle: SegmentBundleIR;
    /** The CSV text of a list of the bundle. */
    csv(list: ListIR): string;
}

/**
 * An engine under test. `members` returns the keys of the members of `project.bundle.segment` for
 * the case's records and events, at `testCase.now`; `truth`, when the engine can tell, the truth of
 * `where` per record key. Order and duplicates of `members` do not matter.
 */
export interface ConformanceEngine {
    readonly name: string;
    members(testCase: ConformanceCase, project: ConformanceProject): Promise<string[]>;
    truth?(testCase: ConformanceCase, project: ConformanceProject): Promise<Record<string, Truth>>;
}

/** A problem with the corpus itself (not with an engine). */
export class CorpusError extends Error {
    override readonly name = 'CorpusError';
}

/** The shared schemas of the corpus (`schemas/*.segment`), by name. */
export function loadSchemas(dir = join(CORPUS_DIR, 'schemas')): Map<string, string> {
    const schemas = new Map<string, string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.segment')).sort()) {
        schemas.set(basename(file, '.segment'), readFileSync(join(dir, file), 'utf8'));
    }
    return schemas;
}

/** The case files of the corpus (`cases/*.yaml`), relative to `root`, sorted. */
export function caseFiles(root = CORPUS_DIR): string[] {
    return readdirSync(join(root, 'cases'))
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => `cases/${f}`);
}

/** Parses and validates one case file; throws a {@link CorpusError} naming the file and the problem. */
export function parseCaseFile(text: string, file: string, schemas: Map<string, string>): ConformanceCase[] {
    const result = CaseFileSchema.safeParse(parse(text));
    if (!result.success) {
        throw new CorpusError(`${file}: ${z.prettifyError(result.error)}`);
    }
    const { defaults = {}, cases } = result.data;
    return cases.map((written) => {
        const schema = written.schema ?? defaults.schema;
        const now = written.now ?? defaults.now;
        const timezone = written.timezone ?? defaults.timezone;
        if (now === undefined) throw new CorpusError(`${file}: case ${written.id} has no \`now\``);
        let schemaText: string | undefined;
        if (schema !== undefined) {
            schemaText = schemas.get(schema);
            if (schemaText === undefined) throw new CorpusError(`${file}: case ${written.id} names the unknown schema ${schema}`);
        }
        const testCase: ConformanceCase = { ...written, file, now };
        if (schema !== undefined) testCase.schema = schema;
        if (timezone !== undefined) testCase.timezone = timezone;
        if (schemaText !== undefined) testCase.schemaText = schemaText;
        return testCase;
    });
}

/** Loads every case of the corpus, validated, with unique ids; throws a {@link CorpusError} otherwise. */
export function loadCorpus(root = CORPUS_DIR): ConformanceCase[] {
    const schemas = loadSchemas(join(root, 'schemas'));
    const all: ConformanceCase[] = [];
    const seen = new Map<string, string>();
    for (const file of caseFiles(root)) {
        for (const testCase of parseCaseFile(readFileSync(join(root, file), 'utf8'), file, schemas)) {
            const other = seen.get(testCase.id);
            if (other !== undefined) throw new CorpusError(`${file}: the id ${testCase.id} is already used in ${other}`);
            seen.set(testCase.id, file);
            all.push(testCase);
        }
    }
    return all;
}
