#!/usr/bin/env node
// Lints what the package publishes the way n8n's community package scanner
// (@n8n/scan-community-package, scanner.mjs: `analyzePackage(packageDir, ['**/*.js', 'package.json'])`)
// lints a package's tarball: every built `.js` file with the community-nodes plugin's recommended
// rules plus `no-console`, inline `eslint-disable` comments ignored. (The scanner also lints the
// tarball's package.json with those rules; `n8n-node lint` already does, on the same file.)
// The scanner itself downloads the package from the npm registry; this runs its rules on the
// local build, before publishing. As a command it prints the problems and exits 1 on any error.
// Usage: node scripts/scan-dist.mjs   (from nodes/, after the build; or `npm run scan` there)
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import { globSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Lints the built files of dist/ with the scanner's rules.
 * @returns {Promise<{ files: string[], results: import('eslint').ESLint.LintResult[], eslint: ESLint }>}
 */
export async function scanDist() {
    const files = globSync('dist/**/*.js', { cwd: packageDir }).map((file) => join(packageDir, file));
    const eslint = new ESLint({
        cwd: packageDir,
        allowInlineConfig: false,
        overrideConfigFile: true,
        overrideConfig: defineConfig(n8nCommunityNodesPlugin.configs.recommended, { rules: { 'no-console': 'error' } }),
    });
    return { files, results: await eslint.lintFiles(files), eslint };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const { files, results, eslint } = await scanDist();
    const output = await (await eslint.loadFormatter('stylish')).format(results);
    if (output) console.log(output);
    const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
    console.log(errors === 0 ? `scan: ${files.length} files, no errors` : `scan: ${errors} errors`);
    process.exit(errors === 0 ? 0 : 1);
}
