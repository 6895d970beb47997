// The package test (npm run test:package): `npm pack`, then a maintainer's steps in a fresh
// folder outside the repository, through a site build and a browser check. Minutes long and
// needs the npm registry, so it is kept out of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    sequence: { concurrent: false },
    pool: 'forks',
  },
});
