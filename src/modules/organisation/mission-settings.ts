import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import type { MissionSettingsView, UpdateMissionSettings } from './organisation-schemas.js';
import { missions } from './schema.js';

const columns = {
  id: missions.id,
  code: missions.code,
  name: missions.name,
  country: missions.country,
  timeZone: missions.timeZone,
  currency: missions.currency,
  languages: missions.languages,
  locale: missions.locale,
};

/** The settings of a mission. */
export async function getMissionSettings(db: Executor, missionId: string): Promise<MissionSettingsView> {
  const [row] = await db.select(columns).from(missions).where(eq(missions.id, missionId));
  if (!row) throw notFound('Mission');
  return row;
}

/**
 * Changes the actor's mission's settings, audited. A new time zone applies from the next request:
 * figures already counted by day (the dashboard's departures) keep the day they were counted on.
 */
export async function updateMissionSettings(
  ctx: ServiceContext,
  input: UpdateMissionSettings,
): Promise<MissionSettingsView> {
  const before = await getMissionSettings(ctx.tx, ctx.actor.missionId);
  const [after] = await ctx.tx
    .update(missions)
    .set(input)
    .where(eq(missions.id, ctx.actor.missionId))
    .returning(columns);
  await recordAudit(ctx, {
    action: 'mission.update',
    recordType: 'mission',
    recordId: ctx.actor.missionId,
    before,
    after,
  });
  return after!;
}
