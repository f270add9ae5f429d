import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { IR_VERSION, SegmentBundleSchema } from '@segments/ir';
import { jsonSchemaText, publishedJsonSchemas, segmentIrJsonSchema } from '../../src/schemas/json-schemas.js';

const folder = new URL('../../schemas/', import.meta.url);

describe('published JSON Schemas', () => {
    test.each(Object.entries(publishedJsonSchemas()))('%s is committed as generated (run `node packages/language/dist/schemas/write-json-schemas.js`)', (name, schema) => {
        expect(readFileSync(new URL(name, folder), 'utf8')).toBe(jsonSchemaText(schema));
    });

    test('the IR schema names its definitions and keeps the `id` property of conditions', () => {
        const schema = segmentIrJsonSchema() as { $id: string; properties: { irVersion: unknown }; $defs: Record<string, { anyOf?: Array<{ properties: Record<string, unknown>; required: string[] }> }> };
        expect(schema.$id).toBe('https://segments-as-code.dev/schemas/segment-ir.schema.json');
        expect(schema.properties.irVersion).toEqual({ type: 'number', const: IR_VERSION });
        expect(Object.keys(schema.$defs).sort()).toEqual(['CalculatedField', 'Condition', 'Event', 'Field', 'List', 'Schema', 'Segment', 'SourceSpan', 'Value', 'Window']);
        const and = schema.$defs.Condition?.anyOf?.[0];
        expect(and?.required).toEqual(['kind', 'id', 'source', 'operands']);
        expect(and?.properties.id).toEqual({ type: 'string', minLength: 1 });
        expect(JSON.stringify(schema)).not.toContain('"id":"Condition"');
    });

    test('zod rejects a bundle of another version or with a malformed node', () => {
        const bundle = {
            irVersion: IR_VERSION,
            segment: {
                name: 's',
                title: 's',
                schema: 'C',
                timezone: 'UTC',
                where: { kind: 'inList', id: 'where', source: { line: 1, column: 1, endLine: 1, endColumn: 5, text: 'x' }, list: 'l' },
            },
            segments: {},
            lists: {},
            schema: { name: 'C', key: 'id', fields: [], calculated: [], events: [] },
        };
        expect(SegmentBundleSchema.parse(bundle)).toEqual(bundle);
        expect(SegmentBundleSchema.safeParse({ ...bundle, irVersion: 2 }).success).toBe(false);
        expect(SegmentBundleSchema.safeParse({ ...bundle, segment: { ...bundle.segment, where: { ...bundle.segment.where, id: '' } } }).success).toBe(false);
        expect(SegmentBundleSchema.safeParse({ ...bundle, segment: { ...bundle.segment, where: { ...bundle.segment.where, kind: 'and', operands: [] } } }).success).toBe(false);
    });
});
