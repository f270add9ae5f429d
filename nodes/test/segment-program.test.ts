import { describe, expect, it } from 'vitest';
import { compileSegmentProgram, describeErrors, loadSegmentProgram, SegmentProgramError, sourceOfTexts } from '../src/segment-program.js';
import { fixture } from './fixtures.js';

const schema = fixture('customer.segment');

describe('sourceOfTexts', () => {
    it('names the schema text schema.segment and one segment text segment.segment', () => {
        expect(sourceOfTexts('schema S key id { id text }', ['segment a of S { where id = "1" }']).files.map((file) => file.name)).toEqual(['schema.segment', 'segment.segment']);
    });

    it('numbers several segment texts and leaves out an empty schema', () => {
        expect(sourceOfTexts('  \n', ['a', 'b']).files.map((file) => file.name)).toEqual(['segment-1.segment', 'segment-2.segment']);
    });
});

describe('loadSegmentProgram', () => {
    it('compiles a schema and a segment into an engine-ready segment', async () => {
        const program = await loadSegmentProgram(sourceOfTexts(schema, [fixture('high-value.segment')]));
        expect(program.diagnostics).toEqual([]);
        expect(program.hasErrors).toBe(false);
        expect(program.segmentNames).toEqual(['high_value']);
        expect(program.bundle('high_value').segment.title).toBe('High Value');
        const evaluator = program.compiled('high_value').prepare({ now: '2026-11-20T12:00:00Z' });
        expect(evaluator.isMember({ id: 'c1', stats: { total_spent: '1500' } })).toBe(true);
        expect(evaluator.isMember({ id: 'c2', stats: { total_spent: 10 } })).toBe(false);
    });

    it('returns the same program for the same texts, and compiles each segment once', async () => {
        const source = sourceOfTexts(schema, [fixture('us-customers.segment')]);
        const program = await loadSegmentProgram(source);
        expect(await loadSegmentProgram(sourceOfTexts(schema, [fixture('us-customers.segment')]))).toBe(program);
        expect(program.compiled('us_customers')).toBe(program.compiled('us_customers'));
        expect(await loadSegmentProgram(sourceOfTexts(schema, [`${fixture('us-customers.segment')}\n`]))).not.toBe(program);
    });

    it('resolves names across the texts: a segment of the schema text, in segment of another text', async () => {
        const vip = 'segment us_high_value of Customer {\n  where\n    in segment high_value and country = "US"\n}';
        const program = await loadSegmentProgram(sourceOfTexts(schema, [fixture('high-value.segment'), vip]));
        expect(program.diagnostics).toEqual([]);
        const evaluator = program.compiled('us_high_value').prepare({ now: '2026-11-20T12:00:00Z' });
        expect(evaluator.isMember({ id: 'c1', country: 'US', stats: { total_spent: 5000 } })).toBe(true);
        expect(evaluator.isMember({ id: 'c2', country: 'CA', stats: { total_spent: 5000 } })).toBe(false);
    });

    it('gives the diagnostics in the shape of spec §7, sorted by file and position', async () => {
        const program = await loadSegmentProgram(sourceOfTexts(schema, [fixture('syntax-error.segment')]));
        expect(program.hasErrors).toBe(true);
        expect(program.diagnostics.map((d) => [d.file, d.line, d.column, d.endLine, d.endColumn, d.severity, d.code])).toEqual([
            ['segment.segment', 3, 5, 3, 16, 'error', 'type-mismatch'],
            ['segment.segment', 3, 17, 3, 19, 'error', 'syntax-error'],
        ]);
    });

    it('refuses bundles, compiled segments and segment names of texts with errors', async () => {
        const program = await loadSegmentProgram(sourceOfTexts(schema, [fixture('unknown-field.segment')]));
        for (const use of [() => program.bundle('broken'), () => program.compiled('broken'), () => program.resolveSegment(), () => program.requireSegments()]) {
            expect(use).toThrow(SegmentProgramError);
            expect(use).toThrow('The segment text has 1 error:\nsegment.segment:4:9 error unknown-field: Unknown field `lifetime_value` in this schema.');
        }
    });

    it('resolves the one segment of the texts, or the one requested', async () => {
        const one = await loadSegmentProgram(sourceOfTexts(schema, [fixture('high-value.segment')]));
        expect(one.resolveSegment()).toBe('high_value');
        expect(one.resolveSegment('  ')).toBe('high_value');
        const two = await loadSegmentProgram(sourceOfTexts(schema, [fixture('two-segments.segment')]));
        expect(two.resolveSegment('gold')).toBe('gold');
        expect(() => two.resolveSegment()).toThrow('the texts declare several segments (big_spenders, gold): name the one to evaluate');
        const none = await loadSegmentProgram(sourceOfTexts(schema, []));
        expect(() => none.resolveSegment()).toThrow('the segment text declares no segment');
        expect(() => none.requireSegments()).toThrow('the segment texts declare no segment');
    });

    it('reads the key at another path with keyPath, for the key and for conditions on the key field', async () => {
        const program = await loadSegmentProgram(sourceOfTexts(schema, ['segment one of Customer {\n  where\n    id = "k1"\n}']));
        const evaluator = program.compiled('one', { keyPath: 'customer.number' }).prepare({ now: '2026-11-20T12:00:00Z' });
        const record = { id: 'other', customer: { number: 'k1' } };
        expect(evaluator.keyOf(record)).toBe('k1');
        expect(evaluator.isMember(record)).toBe(true);
        expect(program.compiled('one', { keyPath: 'customer.number' })).toBe(program.compiled('one', { keyPath: 'customer.number' }));
        expect(() => program.compiled('one', { keyPath: 'customer..number' })).toThrow("the record key path 'customer..number' has an empty part");
    });

    it('has no files besides the texts: a static list is an error', async () => {
        const texts = [`list vips of Customer from "vips.csv" by email`, 'segment vip of Customer {\n  where\n    in list vips\n}'];
        const program = await compileSegmentProgram(sourceOfTexts(schema, texts));
        expect(program.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([['segment-1.segment', 1, 28, 'list-file-not-found']]);
    });

    it('refuses two texts of one name', async () => {
        const file = { name: 'a.segment', text: '' };
        await expect(compileSegmentProgram({ files: [file, file] })).rejects.toThrow('two texts are named a.segment');
    });
});

describe('describeErrors', () => {
    it('shows the first errors and counts the others', () => {
        const error = { file: 'a.segment', line: 1, column: 2, endLine: 1, endColumn: 3, severity: 'error' as const, code: 'x', message: 'bad' };
        const warning = { ...error, severity: 'warning' as const };
        expect(describeErrors([error, warning, error, error], 2)).toBe('The segment text has 3 errors:\na.segment:1:2 error x: bad\na.segment:1:2 error x: bad\n... and 1 more');
    });
});
