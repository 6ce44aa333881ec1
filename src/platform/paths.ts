import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json: found from src/ (tsx, tests) and from dist/server/ (the build) alike. */
export const repositoryRoot = findRepositoryRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepositoryRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'migrations'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
