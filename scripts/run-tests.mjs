#!/usr/bin/env node
// Runs the whole test suite, stage by stage:
//   1. unit and API tests on the embedded database (PGlite): src/ and web/
//   2. the API tests again on a PostgreSQL server, when TEST_DATABASE_URL is set
//   3. the browser tests (e2e/) against the built application in Chromium
// Every stage runs even when an earlier one failed (except the browser tests, which need a
// successful build), so one run reports everything; the exit code is non-zero if any failed.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Each stage gets a time limit so a hung child cannot keep CI busy, and the whole run a budget it
// never exceeds: a stage gets at most what is left of it. The limits are far above the usual
// times (about 3, 5, 0.5 and 1 minutes on two cores; the PostgreSQL stage makes a whole demo year)
// so a busy machine slows the run without failing it.
const MINUTE = 60_000;
const BUDGET_MS = 30 * MINUTE;
// Vitest's default is one worker fewer than the cores: one worker on two cores. The API tests spend
// much of their time waiting for the database, and the PostgreSQL stage's demo year (several minutes)
// must run beside the other files, not before them: a worker per core.
const workers = `--maxWorkers=${Math.max(2, os.availableParallelism())}`;

/** @type {{ name: string; command: string; args: string[]; env?: Record<string, string>; limitMs: number; skip?: string; needs?: string }[]} */
const stages = [
  {
    name: 'unit and API tests on the embedded database (PGlite)',
    command: process.execPath,
    args: [vitest, 'run', workers],
    env: { PASSAGE_TEST_DB: 'pglite' },
    limitMs: 10 * MINUTE,
  },
  {
    name: 'API tests on the PostgreSQL server (TEST_DATABASE_URL)',
    command: process.execPath,
    args: [vitest, 'run', 'src', workers],
    env: { PASSAGE_TEST_DB: 'postgres' },
    limitMs: 14 * MINUTE,
    skip: process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set',
  },
  {
    name: 'build (web UI and server)',
    command: npm,
    args: ['run', 'build'],
    limitMs: 4 * MINUTE,
  },
  {
    name: 'browser tests in Chromium (e2e/)',
    command: process.execPath,
    args: [vitest, 'run', '--config', 'e2e/vitest.config.ts'],
    limitMs: 8 * MINUTE,
    needs: 'build (web UI and server)',
  },
];

/** @type {import('node:child_process').ChildProcess | null} */
let current = null;

function stopGroup(child, signal) {
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// The stages run in their own process groups, which do not see the terminal's Ctrl-C: pass it on.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) stopGroup(current, signal);
    process.exit(130);
  });
}

/** Runs one command with the output forwarded; resolves to its exit code (or 1 when stopped by a signal or the limit). */
function run(stage, limitMs) {
  return new Promise((resolve) => {
    // Its own process group, so stopping a stage also stops what it started (a server, a browser).
    const child = spawn(stage.command, stage.args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...stage.env },
      detached: process.platform !== 'win32',
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n!! ${stage.name}: still running after ${seconds(limitMs)}, stopping it`);
      stopGroup(child, 'SIGTERM');
      setTimeout(() => stopGroup(child, 'SIGKILL'), 10_000).unref();
    }, limitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(`!! ${stage.name}: could not start: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      resolve(timedOut || signal ? 1 : (code ?? 1));
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
const started = Date.now();

for (const [index, stage] of stages.entries()) {
  const title = `[${index + 1}/${stages.length}] ${stage.name}`;
  const unmet = stage.needs && results.find((r) => r.name === stage.needs && r.outcome !== 'passed');
  const remaining = BUDGET_MS - (Date.now() - started);
  const skip =
    stage.skip ??
    (unmet ? `${stage.needs} failed` : remaining <= 0 ? 'the time budget is used up' : undefined);
  if (skip) {
    console.log(`\n=== ${title}: skipped (${skip})`);
    // A stage skipped for want of time or of a build counts as a failure; one not configured does not.
    const outcome = stage.skip ? 'skipped' : 'failed';
    results.push({ name: stage.name, outcome, reason: skip, ms: 0 });
    continue;
  }
  console.log(`\n=== ${title}`);
  console.log(`    $ ${[path.basename(stage.command), ...stage.args].join(' ')}\n`);
  const stageStart = Date.now();
  const code = await run(stage, Math.min(stage.limitMs, remaining));
  const ms = Date.now() - stageStart;
  const outcome = code === 0 ? 'passed' : 'failed';
  console.log(`\n=== ${title}: ${outcome} in ${seconds(ms)}`);
  results.push({ name: stage.name, outcome, ms });
}

console.log('\n=== Summary');
for (const result of results) {
  const detail = result.reason ? `(${result.reason})` : `in ${seconds(result.ms)}`;
  console.log(`    ${result.outcome.padEnd(7)} ${result.name} ${detail}`);
}
console.log(`    total ${seconds(Date.now() - started)}`);
const failed = results.filter((r) => r.outcome === 'failed');
if (failed.length > 0) {
  console.error(`\n${failed.length} stage(s) failed.`);
  process.exit(1);
}
