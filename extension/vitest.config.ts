import { defineConfig } from 'vitest/config';

/** The extension's unit tests (no VS Code needed): `vitest run --config extension/vitest.config.ts` from the repository root. */
export default defineConfig({
    test: {
        include: ['extension/test/unit/**/*.test.ts'],
        deps: { interopDefault: true },
        testTimeout: 30_000,
    },
});
