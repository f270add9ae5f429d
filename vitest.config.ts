import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'extension/test/unit/**/*.test.ts', 'nodes/test/**/*.test.ts'],
        deps: { interopDefault: true },
        testTimeout: 30_000,
        globalSetup: ['test/support/temporary-folder.ts'],
    },
    resolve: {
        // The n8n node pack's tests run our nodes in n8n-core, which requires n8n-workflow's
        // CommonJS build: our code must get that same copy (one NodeOperationError class, one
        // Workflow), not the ESM build vite would pick. nodes/ is its own npm project (see
        // scripts/install-nodes-deps.sh).
        alias: [{ find: /^n8n-workflow$/, replacement: fileURLToPath(new URL('./nodes/node_modules/n8n-workflow/dist/cjs/index.js', import.meta.url)) }],
    },
});
