import { and, eq, gt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { actorColumns, actorFromRow } from '../organisation/load-actor.js';
import { missions, users } from '../organisation/schema.js';
import { sessions } from './schema.js';
import { hashToken, keepSessionAlive, SESSION_COOKIE } from './sessions.js';

/**
 * Finds the signed-in user of a request from its session cookie: the session, the active user,
 * the mission's settings and the role grants in one statement, since every request needs them.
 */
export async function resolveSessionActor(request: FastifyRequest): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const db = request.server.database.db;
  const now = new Date();
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ ...actorColumns, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
  if (!row) return null;
  if (!(await keepSessionAlive(db, tokenHash, row.lastSeenAt, now))) return null;
  return actorFromRow(row);
}
