import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/problem.js';
import { type Role, userRoles, users } from '../organisation/schema.js';
import type { UserAccount } from './users-schemas.js';

type UserRow = typeof users.$inferSelect;

async function withRoles(db: Executor, rows: UserRow[]): Promise<UserAccount[]> {
  if (rows.length === 0) return [];
  const grants = await db
    .select({ userId: userRoles.userId, role: userRoles.role, officeId: userRoles.officeId })
    .from(userRoles)
    .where(
      and(
        eq(userRoles.missionId, rows[0]!.missionId),
        inArray(
          userRoles.userId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(userRoles.role));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale,
    active: row.active,
    platformAdmin: row.platformAdmin,
    passwordSet: row.passwordHash !== null,
    roles: grants
      .filter((grant) => grant.userId === row.id)
      .map((grant) => ({ role: grant.role as Role, officeId: grant.officeId })),
  }));
}

/** The users of a mission with their roles, by name; `active` filters by status when given. */
export async function listUserAccounts(
  db: Executor,
  missionId: string,
  options: { active?: boolean } = {},
): Promise<UserAccount[]> {
  const conditions: SQL[] = [eq(users.missionId, missionId)];
  if (options.active !== undefined) conditions.push(eq(users.active, options.active));
  const rows = await db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.displayName));
  return withRoles(db, rows);
}

/** One user of the mission with their roles; 404 when not of this mission. */
export async function loadUserAccount(
  db: Executor,
  missionId: string,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserAccount & { missionId: string }> {
  const query = db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.missionId, missionId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('User');
  const [account] = await withRoles(db, [row]);
  return { ...account!, missionId: row.missionId };
}
