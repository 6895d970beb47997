// Browser tests of the built Docusaurus site (npm run test:site). Kept apart from the unit
// tests: the global setup generates the pages, builds the site (30-60 s) and serves it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/site/**/*.test.ts'],
    globalSetup: ['test/site/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
