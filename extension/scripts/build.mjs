// Builds the extension: the client (dist/extension.cjs) and the bundled language server
// (dist/server.cjs) with esbuild, and copies the configuration schema of the language package.
// `--tests` also compiles the suite that runs inside VS Code (out/test/).
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const extension = dirname(dirname(fileURLToPath(import.meta.url)));
const repository = dirname(extension);
const withTests = process.argv.includes('--tests');

/** CommonJS for Node, as the extension host loads it. */
const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: false,
    minify: true,
    // Names stay readable in stack traces and for code that reads `constructor.name`.
    keepNames: true,
    logLevel: 'warning',
    // The ESM packages of the language resolve their `exports` for Node.
    conditions: ['node'],
    mainFields: ['module', 'main'],
};

rmSync(join(extension, 'dist'), { recursive: true, force: true });
await build({ ...common, entryPoints: [join(extension, 'src/extension.ts')], outfile: join(extension, 'dist/extension.cjs'), external: ['vscode'] });
await build({ ...common, entryPoints: [join(extension, 'src/server.ts')], outfile: join(extension, 'dist/server.cjs') });

mkdirSync(join(extension, 'schemas'), { recursive: true });
copyFileSync(join(repository, 'packages/language/schemas/segment.config.schema.json'), join(extension, 'schemas/segment.config.schema.json'));

if (withTests) {
    rmSync(join(extension, 'out'), { recursive: true, force: true });
    const suite = join(extension, 'test/suite');
    const entryPoints = readdirSync(suite)
        .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
        .map((name) => join(suite, name));
    await build({ ...common, entryPoints, outdir: join(extension, 'out/test/suite'), outExtension: { '.js': '.js' }, external: ['vscode', 'mocha'] });
    await build({ ...common, entryPoints: [join(extension, 'test/run-electron.ts')], outfile: join(extension, 'out/test/run-electron.js'), external: ['@vscode/test-electron'] });
}
