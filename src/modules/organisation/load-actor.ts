import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { missions, userRoles, users } from './schema.js';

/** Loads an active user with their role grants, as the actor of a request; null when unknown or inactive. */
export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users, mission: missionSettingsColumns })
    .from(users)
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!row) return null;
  const { user, mission } = row;
  const grants = await db
    .select({ role: userRoles.role, officeId: userRoles.officeId })
    .from(userRoles)
    .where(and(eq(userRoles.missionId, user.missionId), eq(userRoles.userId, user.id)));
  return {
    id: user.id,
    missionId: user.missionId,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    roles: grants,
    mission,
    ...(user.platformAdmin ? { platformAdmin: true as const } : {}),
  };
}

/** The columns of a mission's settings, for a select that builds an actor. */
export const missionSettingsColumns = {
  country: missions.country,
  timeZone: missions.timeZone,
  currency: missions.currency,
  languages: missions.languages,
  locale: missions.locale,
};
