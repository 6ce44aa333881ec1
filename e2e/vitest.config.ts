import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

// Browser tests drive the built application (dist/) in Chromium. The global set-up starts one server
// for the run; files run one at a time in one worker, so they never compete for the CPU or the database.
export default defineConfig({
  test: {
    root: repositoryRoot,
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
