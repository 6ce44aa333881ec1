import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { type Actor, systemActor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { withSystemTransaction } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import type { Storage } from '../../platform/storage/storage.js';
import { getMissionSettings } from '../organisation/mission-settings.js';
import { anonymisePerson, type RemovedCounts } from './anonymise-person.js';
import { describeCandidates, findPersonsPastRetention } from './find-persons-past-retention.js';
import { listRetentionRules } from './retention-rules.js';
import type { RetentionCandidate, RetentionRunView } from './retention-schemas.js';
import { type RetentionRunRow, retentionRuns } from './schema.js';

// Persons read per page of a run; each is anonymised in its own short transaction.
const PAGE = 100;
const DRY_RUN_LIST = 1000;

/** A run row as the API shows it. */
export function presentRun(row: RetentionRunRow): RetentionRunView {
  return {
    id: row.id,
    dryRun: row.dryRun,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    total: row.total,
    done: row.done,
    counts: row.counts,
    error: row.error,
  };
}

/**
 * Starts a run for the actor's mission: writes its row with the number of persons past retention
 * (and, for a dry run, lists them and finishes at once, changing nothing else), audited.
 */
export async function startRetentionRun(
  db: Db,
  actor: Actor,
  options: { dryRun: boolean; now: Date; limit?: number; requestId?: string | null; ip?: string | null },
): Promise<{ run: RetentionRunRow; candidates: RetentionCandidate[] }> {
  return db.transaction(async (tx) => {
    const ctx = {
      tx,
      actor,
      requestId: options.requestId ?? null,
      ip: options.ip ?? null,
      now: options.now,
    };
    const rules = await listRetentionRules(tx, actor.missionId);
    const due = await findPersonsPastRetention(tx, { missionId: actor.missionId, rules, now: options.now });
    const listed = options.dryRun ? due.slice(0, options.limit ?? DRY_RUN_LIST) : [];
    const [run] = await tx
      .insert(retentionRuns)
      .values({
        missionId: actor.missionId,
        id: newId(),
        dryRun: options.dryRun,
        status: options.dryRun ? 'completed' : 'running',
        requestedBy: actor.system ? null : actor.id,
        startedAt: options.now,
        finishedAt: options.dryRun ? options.now : null,
        total: due.length,
        done: 0,
        counts: {},
      })
      .returning();
    await recordAudit(ctx, {
      action: 'retention.run',
      recordType: 'retention_run',
      recordId: run!.id,
      after: { dryRun: options.dryRun, total: due.length, rules },
    });
    return { run: run!, candidates: await describeCandidates(tx, actor.missionId, listed) };
  });
}

/**
 * Anonymises, one person per transaction, everyone of the mission past retention, writing the
 * count done and what was removed to the run's row after each page, so a long run shows its
 * progress and a stopped one can simply be started again. Each person is checked again in their
 * own transaction: someone given a new case since the run started is left alone.
 */
export async function executeRetentionRun(
  db: Db,
  actor: Actor,
  options: { runId: string; now: Date; storage: Storage },
): Promise<RetentionRunRow> {
  const missionId = actor.missionId;
  const where = and(eq(retentionRuns.missionId, missionId), eq(retentionRuns.id, options.runId));
  const totals: RemovedCounts = {};
  let done = 0;
  try {
    const rules = await listRetentionRules(db, missionId);
    let after: string | undefined;
    for (;;) {
      const page = await findPersonsPastRetention(db, {
        missionId,
        rules,
        now: options.now,
        after,
        limit: PAGE,
      });
      if (page.length === 0) break;
      for (const personId of page) {
        const counts = await withSystemTransaction(db, actor, async (ctx) => {
          const still = await findPersonsPastRetention(ctx.tx, {
            missionId,
            rules,
            now: options.now,
            personId,
          });
          if (still.length === 0) return null;
          return anonymisePerson(
            { ...ctx, now: options.now },
            { personId, runId: options.runId, storage: options.storage },
          );
        });
        if (!counts) continue;
        done += 1;
        for (const [key, value] of Object.entries(counts)) totals[key] = (totals[key] ?? 0) + value;
      }
      after = page.at(-1);
      await db.update(retentionRuns).set({ done, counts: totals }).where(where);
    }
    const [row] = await db
      .update(retentionRuns)
      .set({ status: 'completed', done, counts: totals, finishedAt: new Date() })
      .where(where)
      .returning();
    return row!;
  } catch (error) {
    const [row] = await db
      .update(retentionRuns)
      .set({
        status: 'failed',
        done,
        counts: totals,
        finishedAt: new Date(),
        error: String(error).slice(0, 500),
      })
      .where(where)
      .returning();
    throw Object.assign(error as Error, { run: row });
  }
}

/** One retention run for a mission by Passage itself (the schedule): start it, then carry it out. */
export async function runRetentionForMission(
  db: Db,
  missionId: string,
  options: { now: Date; storage: Storage; dryRun?: boolean },
): Promise<{ run: RetentionRunRow; candidates: RetentionCandidate[] }> {
  const actor = systemActor(missionId, await getMissionSettings(db, missionId));
  const started = await startRetentionRun(db, actor, { dryRun: options.dryRun ?? false, now: options.now });
  if (started.run.dryRun || started.run.total === 0) return started;
  const run = await executeRetentionRun(db, actor, {
    runId: started.run.id,
    now: options.now,
    storage: options.storage,
  });
  return { run, candidates: [] };
}
