import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../modules/organisation/load-actor.js';
import { buildMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/database.js';
import { withSystemTransaction } from '../db/transaction.js';
import { recordAudit } from './record-audit.js';
import { auditLog } from './schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function newActor(): Promise<Actor> {
  const mission = await buildMission(t.database.db);
  return (await loadActor(t.database.db, mission.users.counsellor.id))!;
}

const entriesFor = (db: Executor, actor: Actor, recordType: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.missionId, actor.missionId), eq(auditLog.recordType, recordType)))
    .orderBy(asc(auditLog.at));

describe('the audit trail of a transaction', () => {
  it('is written with the work, in the order recorded, before the transaction commits', async () => {
    const actor = await newActor();
    await withSystemTransaction(t.database.db, actor, async (ctx) => {
      await recordAudit(
        { ...ctx, now: new Date('2026-03-01T10:00:00Z') },
        { action: 'case.update', recordType: 'probe', recordId: 'first', after: { n: 1 } },
      );
      await recordAudit(
        { ...ctx, now: new Date('2026-03-01T10:05:00Z') },
        { action: 'case.update', recordType: 'probe', recordId: 'second', before: { n: 1 }, after: { n: 2 } },
      );
      // Kept until the work is done: nothing is in the table yet, in this transaction or outside it.
      expect(await entriesFor(ctx.tx, actor, 'probe')).toEqual([]);
    });
    const rows = await entriesFor(t.database.db, actor, 'probe');
    expect(
      rows.map((row) => [row.recordId, row.at.toISOString(), row.actorId, row.before, row.after]),
    ).toEqual([
      ['first', '2026-03-01T10:00:00.000Z', actor.id, null, { n: 1 }],
      ['second', '2026-03-01T10:05:00.000Z', actor.id, { n: 1 }, { n: 2 }],
    ]);
  });

  it('is not written when the work fails', async () => {
    const actor = await newActor();
    await expect(
      withSystemTransaction(t.database.db, actor, async (ctx) => {
        await recordAudit(ctx, { action: 'case.update', recordType: 'probe', recordId: 'lost' });
        await ctx.tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(await entriesFor(t.database.db, actor, 'probe')).toEqual([]);
  });

  it('keeps what a record was when the entry was recorded, even if the caller changes it later', async () => {
    const actor = await newActor();
    const state = { status: 'registered', tags: ['a'] };
    await withSystemTransaction(t.database.db, actor, async (ctx) => {
      await recordAudit(ctx, { action: 'case.update', recordType: 'probe', recordId: 'x', after: state });
      state.status = 'closed';
      state.tags.push('b');
    });
    const [row] = await entriesFor(t.database.db, actor, 'probe');
    expect(row!.after).toEqual({ status: 'registered', tags: ['a'] });
  });

  it('writes thousands of entries of one transaction in full', async () => {
    const actor = await newActor();
    await withSystemTransaction(t.database.db, actor, async (ctx) => {
      for (let n = 0; n < 2500; n++) {
        await recordAudit(ctx, { action: 'case.update', recordType: 'probe', recordId: String(n) });
      }
    });
    const rows = await entriesFor(t.database.db, actor, 'probe');
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((row) => row.recordId)).size).toBe(2500);
  });
});
