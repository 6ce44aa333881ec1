import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { missions, userRoles, users } from './schema.js';

/** Loads an active user with their role grants, as the actor of a request; null when unknown or inactive. */
export async function loadActor(db: Executor, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return row ? actorFromRow(row) : null;
}

/** The user's role grants as one JSON array, so an actor is read in one statement. */
const rolesOfUser: SQL<RoleGrant[]> = sql<RoleGrant[]>`coalesce((
  select json_agg(json_build_object('role', ${userRoles.role}, 'officeId', ${userRoles.officeId}))
  from ${userRoles}
  where ${userRoles.missionId} = ${users.missionId} and ${userRoles.userId} = ${users.id}), '[]'::json)`;

/**
 * What a select needs to build an actor: the user, the mission's settings and the role grants.
 * Select it from `users` joined to `missions` (and, for a session, `sessions`).
 */
export const actorColumns = {
  user: users,
  mission: {
    country: missions.country,
    timeZone: missions.timeZone,
    currency: missions.currency,
    languages: missions.languages,
    locale: missions.locale,
  },
  roles: rolesOfUser,
};

/** Builds the actor from a row selected with `actorColumns`. */
export function actorFromRow(row: {
  user: typeof users.$inferSelect;
  mission: Actor['mission'];
  roles: RoleGrant[];
}): Actor {
  const { user, mission, roles } = row;
  return {
    id: user.id,
    missionId: user.missionId,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    roles,
    mission,
    ...(user.platformAdmin ? { platformAdmin: true as const } : {}),
  };
}

/** The columns of a mission's settings, for a select that builds an actor. */
export const missionSettingsColumns = actorColumns.mission;
