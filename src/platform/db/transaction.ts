import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { Executor, Tx } from './database.js';

/** What a service needs to do its work: the open transaction and who is asking. */
export interface ServiceContext {
  tx: Tx;
  actor: Actor;
  requestId: string | null;
  ip: string | null;
  now: Date;
}

/** Runs `fn` in one short database transaction for the request's signed-in user. */
export async function withTransaction<T>(
  request: FastifyRequest,
  fn: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const actor = request.actor;
  if (!actor) throw new Error('withTransaction needs a signed-in user');
  return request.server.database.db.transaction((tx) =>
    fn({ tx, actor, requestId: request.id, ip: request.ip ?? null, now: new Date() }),
  );
}

/** Runs `fn` in a transaction outside any request (start-up, demo data, jobs). */
export async function withSystemTransaction<T>(
  db: Executor,
  actor: Actor,
  fn: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) => fn({ tx, actor, requestId: null, ip: null, now: new Date() }));
}
