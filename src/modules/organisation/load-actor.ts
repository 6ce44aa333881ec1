import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { userRoles, users } from './schema.js';

/** Loads an active user with their role grants, as the actor of a request; null when unknown or inactive. */
export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
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
  };
}
