import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and site-build tests have their own config (vitest.site.config.ts), the package test too (vitest.package.config.ts).
    exclude: ['test/site/**', 'test/package/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup/property-seed.ts'],
  },
});
