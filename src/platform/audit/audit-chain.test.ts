import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../modules/organisation/load-actor.js';
import { buildMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import type { Actor } from '../auth/actor.js';
import { selectRows } from '../db/database.js';
import { withSystemTransaction } from '../db/transaction.js';
import { auditEntryHash, verifyAuditChain } from './audit-chain.js';
import { recordAudit } from './record-audit.js';
import { auditLog } from './schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function missionWithEntries(count: number): Promise<{ actor: Actor; ids: string[] }> {
  const mission = await buildMission(t.database.db);
  const actor = (await loadActor(t.database.db, mission.users.counsellor.id))!;
  // Two transactions: the chain goes on across them.
  for (const half of [0, 1]) {
    await withSystemTransaction(t.database.db, actor, async (ctx) => {
      for (let n = 0; n < count / 2; n++) {
        await recordAudit(ctx, {
          action: 'case.update',
          recordType: 'probe',
          recordId: `${half}-${n}`,
          after: { n, nested: { b: 2, a: [1, 'x'] } },
        });
      }
    });
  }
  const rows = await selectRows<{ id: string }>(
    t.database.db,
    sql`select id from audit_log where mission_id = ${actor.missionId} order by chain_seq`,
  );
  return { actor, ids: rows.map((r) => r.id) };
}

// The audit log refuses UPDATE and DELETE; someone with the table owner's rights can switch the
// trigger off. That is what these tests do, as an attacker with the database would.
async function asOwner(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });
}

describe('the audit hash chain', () => {
  it('links every entry of a mission to the one before it, across transactions', async () => {
    const { actor, ids } = await missionWithEntries(10);
    expect(ids).toHaveLength(10);
    expect(await verifyAuditChain(t.database.db, actor.missionId)).toEqual({
      missionId: actor.missionId,
      checked: 10,
      firstBroken: null,
    });
  });

  it('names the entry whose content was changed with SQL', async () => {
    const { actor, ids } = await missionWithEntries(10);
    await asOwner(
      sql`update audit_log set after = '{"n": 99}' where mission_id = ${actor.missionId} and id = ${ids[4]}`,
    );
    const result = await verifyAuditChain(t.database.db, actor.missionId);
    expect(result.firstBroken).toMatchObject({ id: ids[4], chainSeq: 5 });
    expect(result.checked).toBe(4);
  });

  it('names the next entry when the changed entry was given a correct hash of its own', async () => {
    const { actor, ids } = await missionWithEntries(6);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.missionId, actor.missionId))
      .orderBy(asc(auditLog.chainSeq));
    const forged = { ...rows[2]!, actorId: null };
    const hash = auditEntryHash(rows[1]!.hash!, forged);
    await asOwner(
      sql`update audit_log set actor_id = null, hash = ${hash} where mission_id = ${actor.missionId} and id = ${ids[2]}`,
    );
    const result = await verifyAuditChain(t.database.db, actor.missionId);
    expect(result.firstBroken).toMatchObject({ id: ids[3], chainSeq: 4 });
  });

  it('notices an entry removed from the middle and entries cut from the end', async () => {
    const middle = await missionWithEntries(6);
    await asOwner(
      sql`delete from audit_log where mission_id = ${middle.actor.missionId} and id = ${middle.ids[3]}`,
    );
    expect((await verifyAuditChain(t.database.db, middle.actor.missionId)).firstBroken).toMatchObject({
      chainSeq: 4,
      reason: 'entries before this one are missing',
    });

    const end = await missionWithEntries(6);
    await asOwner(sql`delete from audit_log where mission_id = ${end.actor.missionId} and chain_seq > 4`);
    expect((await verifyAuditChain(t.database.db, end.actor.missionId)).firstBroken).toMatchObject({
      chainSeq: 5,
      reason: 'entries at the end of the chain are missing',
    });
  });

  it('refuses TRUNCATE of the audit log', async () => {
    await expect(t.database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate audit_chain_heads`)).rejects.toThrow();
  });

  it('refuses an entry written around the chain', async () => {
    const { actor } = await missionWithEntries(2);
    await expect(
      t.database.db.execute(
        sql`insert into audit_log (mission_id, id, at, actor_type, action, record_type, record_id)
            values (${actor.missionId}, gen_random_uuid(), now(), 'system', 'case.update', 'probe', 'x')`,
      ),
    ).rejects.toThrow();
  });
});
