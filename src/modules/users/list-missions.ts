import { asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { missions, offices, users } from '../organisation/schema.js';

/**
 * Every mission of the installation with its settings and how many open offices and active users
 * it has, for the platform administrator (no case data of any mission).
 */
export async function listMissions(db: Executor) {
  const openOffices = db
    .select({ missionId: offices.missionId, n: count().as('open_offices') })
    .from(offices)
    .where(eq(offices.active, true))
    .groupBy(offices.missionId)
    .as('open_offices');
  const activeUsers = db
    .select({ missionId: users.missionId, n: count().as('active_users') })
    .from(users)
    .where(eq(users.active, true))
    .groupBy(users.missionId)
    .as('active_users');
  const rows = await db
    .select({
      id: missions.id,
      code: missions.code,
      name: missions.name,
      country: missions.country,
      timeZone: missions.timeZone,
      currency: missions.currency,
      languages: missions.languages,
      createdAt: missions.createdAt,
      openOffices: sql<number>`coalesce(${openOffices.n}, 0)`.mapWith(Number),
      activeUsers: sql<number>`coalesce(${activeUsers.n}, 0)`.mapWith(Number),
    })
    .from(missions)
    .leftJoin(openOffices, eq(openOffices.missionId, missions.id))
    .leftJoin(activeUsers, eq(activeUsers.missionId, missions.id))
    .orderBy(asc(missions.code));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
