/**
 * The cost of the audit hash chain on writes: transactions that record 1 and 10 audit entries,
 * written linked into the mission's chain (`appendAuditRows`: lock and move the chain head, one
 * SHA-256 per entry) and written as plain inserts of the same rows. Prints p50 and p95 per
 * transaction. Run: `npx tsx bench/audit-chain.ts` (BENCH_TRANSACTIONS=400 by default); with
 * BENCH_DATABASE_URL also on PostgreSQL, in its own database passage_bench_audit_chain.
 */
import { performance } from 'node:perf_hooks';
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { createMission } from '../src/modules/organisation/create-mission.js';
import { appendAuditRows } from '../src/platform/audit/audit-chain.js';
import type { AuditRow } from '../src/platform/audit/record-audit.js';
import { auditLog } from '../src/platform/audit/schema.js';
import type { Database } from '../src/platform/db/database.js';
import { openPostgres } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { newId } from '../src/platform/ids.js';
import { dropDatabase, freshPglite, printableUrl, recreateDatabase } from './bench-database.js';

const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 400);
const WARM_UP = 20;

function rows(missionId: string, count: number): AuditRow[] {
  return Array.from({ length: count }, (_, n) => ({
    missionId,
    id: newId(),
    at: new Date(),
    actorType: 'user',
    actorId: newId(),
    action: 'case.update',
    recordType: 'case',
    recordId: newId(),
    requestId: newId(),
    ip: '192.0.2.10',
    before: { status: 'registered', n },
    after: { status: 'counselled', n, note: 'a change of status with a reason given by the counsellor' },
  }));
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function measure(database: Database, label: string): Promise<void> {
  // Separate missions: each run starts its own chain, and the plain inserts number their own.
  let plainSeq = 0;
  for (const entries of [1, 10]) {
    const figures: Record<string, number[]> = { chained: [], plain: [] };
    for (const mode of ['plain', 'chained', 'plain', 'chained'] as const) {
      const { missionId } = await createMission(database.db, {
        code: `B${newId().slice(-8)}`,
        name: 'Bench mission',
        country: 'NL',
        timeZone: 'Europe/Amsterdam',
        currency: 'EUR',
        languages: ['en'],
        offices: [{ name: 'Office', kind: 'mission_office', country: 'NL', city: 'The Hague' }],
      });
      for (let i = 0; i < TRANSACTIONS / 2 + WARM_UP; i++) {
        const batch = rows(missionId, entries);
        const started = performance.now();
        await database.db.transaction(async (tx) => {
          if (mode === 'chained') await appendAuditRows(tx, batch);
          else
            await tx
              .insert(auditLog)
              .values(batch.map((row) => ({ ...row, chainSeq: ++plainSeq, hash: 'x'.repeat(64) })));
        });
        if (i >= WARM_UP) figures[mode]!.push(performance.now() - started);
      }
    }
    for (const mode of ['plain', 'chained']) {
      const values = figures[mode]!;
      console.log(
        `${label.padEnd(10)} ${String(entries).padStart(2)} entries/tx  ${mode.padEnd(8)} p50 ${percentile(values, 0.5).toFixed(2)} ms  p95 ${percentile(values, 0.95).toFixed(2)} ms  (${values.length} transactions)`,
      );
    }
  }
}

registerEventSubscribers();
const pglite = await freshPglite();
try {
  await measure(pglite.database, 'PGlite');
} finally {
  await pglite.dispose();
}
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const name = 'passage_bench_audit_chain';
  const url = await recreateDatabase(serverUrl, name);
  const database = await openPostgres(url, { max: 2 });
  try {
    await migrateDatabase(database);
    await measure(database, 'PostgreSQL');
    console.log(`PostgreSQL at ${printableUrl(url)}`);
  } finally {
    await database.close();
    await dropDatabase(serverUrl, name);
  }
}
