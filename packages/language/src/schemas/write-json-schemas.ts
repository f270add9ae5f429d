import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText, publishedJsonSchemas } from './json-schemas.js';

/**
 * Writes the published JSON Schemas to this package's `schemas/` folder. Run after building:
 * `node packages/language/dist/schemas/write-json-schemas.js`.
 */
const folder = new URL('../../schemas/', import.meta.url);
for (const [name, schema] of Object.entries(publishedJsonSchemas())) {
    const file = fileURLToPath(new URL(name, folder));
    writeFileSync(file, jsonSchemaText(schema));
    console.log(`wrote ${file}`);
}
