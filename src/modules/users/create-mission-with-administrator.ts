import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict } from '../../platform/http/problem.js';
import { createMission } from '../organisation/create-mission.js';
import { missions, users } from '../organisation/schema.js';
import { createUserAccount } from './create-user-account.js';
import type { CreateMission } from './mission-schemas.js';

/**
 * Creates a mission with its offices and its first, mission-wide administrator, who gets a one-time
 * set-password link (e-mailed, and returned to show once). The platform administrator (or the
 * installation's script) is the actor; the entries are audited in the new mission.
 */
export async function createMissionWithAdministrator(
  ctx: ServiceContext,
  input: CreateMission,
  options: { publicUrl: string },
) {
  const [codeTaken] = await ctx.tx
    .select({ id: missions.id })
    .from(missions)
    .where(eq(missions.code, input.code));
  if (codeTaken) throw conflict(`There is already a mission with the code ${input.code}.`);
  const email = input.administrator.email.trim().toLowerCase();
  const [emailTaken] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (emailTaken) throw conflict(`There is already a user with the e-mail address ${email}.`);
  const languages = input.languages ?? ['en'];
  const { missionId, offices } = await createMission(ctx.tx, {
    code: input.code,
    name: input.name,
    country: input.country,
    timeZone: input.timeZone,
    currency: input.currency,
    languages,
    offices: input.offices.map((office) => ({ ...office, city: office.city ?? undefined })),
  });
  const mission = {
    country: input.country,
    timeZone: input.timeZone,
    currency: input.currency,
    languages,
    locale: languages[0]!,
  };
  // The creator acts in the new mission for its first entries (they hold no role there).
  const actor: Actor = { ...ctx.actor, missionId, mission, roles: [] };
  const inMission: ServiceContext = { ...ctx, actor };
  await recordAudit(inMission, {
    action: 'mission.create',
    recordType: 'mission',
    recordId: missionId,
    after: { code: input.code, name: input.name, ...mission, offices: offices.map((o) => o.name) },
  });
  const administrator = await createUserAccount(
    inMission,
    {
      email,
      displayName: input.administrator.displayName,
      locale: input.administrator.locale,
      roles: [{ role: 'admin', officeId: null }],
    },
    options,
  );
  return { missionId, code: input.code, offices, administrator };
}
