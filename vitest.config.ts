import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'extension/test/unit/**/*.test.ts', 'nodes/test/**/*.test.ts'],
        deps: { interopDefault: true },
        testTimeout: 30_000,
    },
});
