import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The longest test files start first, so the other worker runs the rest beside them instead of
// the run waiting for them at the end (without cached durations Vitest orders by file size).
const LONGEST_FIRST = [/demo-year-scale-1\.test\.ts$/, /demo-year\.test\.ts$/];
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
      return index < 0 ? LONGEST_FIRST.length : index;
    };
    return sorted
      .map((file, position) => ({ file, position }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.position - b.position)
      .map(({ file }) => file);
  }
}

const repositoryRoot = fileURLToPath(new URL('.', import.meta.url));

// The web UI lives in web/ and is built into dist/web, which the API server serves.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
  // Vitest reads this file too: keep it scanning the whole repository (server tests included), not just web/.
  test: {
    root: repositoryRoot,
    environment: 'node',
    include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    setupFiles: ['src/test-support/register-subscribers.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
