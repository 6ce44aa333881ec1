import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { programmes } from '../cases/case-schemas.js';
import { DEFAULT_RETENTION, type EffectiveRetentionRule } from './retention-defaults.js';
import type { SetRetentionRule } from './retention-schemas.js';
import { retentionRules } from './schema.js';

/** Every programme's retention rule for the mission: its own where set, the default otherwise. */
export async function listRetentionRules(db: Executor, missionId: string): Promise<EffectiveRetentionRule[]> {
  const rows = await db.select().from(retentionRules).where(eq(retentionRules.missionId, missionId));
  const own = new Map(rows.map((row) => [row.programme, row]));
  return programmes.map((programme) => {
    const row = own.get(programme);
    return row
      ? { programme, yearsAfterClosure: row.yearsAfterClosure, action: row.action, isDefault: false }
      : { programme, ...DEFAULT_RETENTION, isDefault: true };
  });
}

/** Sets the mission's rule for one programme, audited with the rule before and after. */
export async function setRetentionRule(
  ctx: ServiceContext,
  programme: string,
  input: SetRetentionRule,
): Promise<EffectiveRetentionRule> {
  const missionId = ctx.actor.missionId;
  const before = (await listRetentionRules(ctx.tx, missionId)).find((rule) => rule.programme === programme);
  await ctx.tx
    .insert(retentionRules)
    .values({ missionId, programme, ...input, updatedBy: ctx.actor.id, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [retentionRules.missionId, retentionRules.programme],
      set: { ...input, updatedBy: ctx.actor.id, updatedAt: ctx.now },
    });
  const [row] = await ctx.tx
    .select()
    .from(retentionRules)
    .where(and(eq(retentionRules.missionId, missionId), eq(retentionRules.programme, programme)));
  const after = {
    programme,
    yearsAfterClosure: row!.yearsAfterClosure,
    action: row!.action,
    isDefault: false,
  };
  await recordAudit(ctx, {
    action: 'retention_rule.update',
    recordType: 'retention_rule',
    recordId: programme,
    before,
    after,
  });
  return after;
}
