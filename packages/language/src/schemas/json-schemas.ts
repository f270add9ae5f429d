import { z } from 'zod/v4';
import { SegmentBundleSchema } from '@segments/ir';
import { segmentConfigJsonSchema } from '../workspace/segment-config.js';

/** The published JSON Schemas, by file name (in this package's `schemas/` folder). */
export interface PublishedJsonSchemas {
    'segment-ir.schema.json': Record<string, unknown>;
    'segment.config.schema.json': Record<string, unknown>;
}

/** Removes the `id` keys zod copies from each schema's metadata into its definition (JSON Schema names them by `$defs` key). */
function withoutMetadataIds(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(withoutMetadataIds);
    }
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, v]) => [key, key === 'properties' ? propertiesWithoutIds(v) : withoutMetadataIds(v)]));
    }
    return value;
}

/** Within `properties`, a property may be called `id` (conditions have one): keep it, clean its schema. */
function propertiesWithoutIds(properties: unknown): unknown {
    return Object.fromEntries(Object.entries(properties as Record<string, unknown>).map(([key, v]) => [key, withoutMetadataIds(v)]));
}

/** The JSON Schema of a segment IR bundle, generated from {@link SegmentBundleSchema}. */
export function segmentIrJsonSchema(): Record<string, unknown> {
    return {
        ...(withoutMetadataIds(z.toJSONSchema(SegmentBundleSchema, { io: 'output' })) as Record<string, unknown>),
        $id: 'https://segments-as-code.dev/schemas/segment-ir.schema.json',
    };
}

/** Every published JSON Schema, freshly generated. */
export function publishedJsonSchemas(): PublishedJsonSchemas {
    return {
        'segment-ir.schema.json': segmentIrJsonSchema(),
        'segment.config.schema.json': segmentConfigJsonSchema(),
    };
}

/** The text of a published schema file: two-space indented JSON and a final newline. */
export function jsonSchemaText(schema: Record<string, unknown>): string {
    return `${JSON.stringify(schema, null, 2)}\n`;
}
