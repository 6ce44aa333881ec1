import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startPassageServer } from './passage-server.js';

const artifactsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** Starts one built Passage server for all browser test files, and stops it after the run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPassageServer();
  project.provide('passageBaseUrl', server.baseUrl);
  return async () => {
    await server.stop();
    // Kept next to the screenshots, for when a browser test fails because of the server.
    await mkdir(artifactsDir, { recursive: true });
    await writeFile(path.join(artifactsDir, 'server.log'), server.output());
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    passageBaseUrl: string;
  }
}
