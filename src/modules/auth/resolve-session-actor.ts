import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { loadActor } from '../organisation/load-actor.js';
import { findSessionUser, SESSION_COOKIE } from './sessions.js';

/** Finds the signed-in user of a request from its session cookie. */
export async function resolveSessionActor(request: FastifyRequest): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const db = request.server.database.db;
  const userId = await findSessionUser(db, token, new Date());
  return userId ? loadActor(db, userId) : null;
}
