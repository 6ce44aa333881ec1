import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Executor } from '../db/database.js';
import { badRequest, conflict, unprocessable } from '../http/problem.js';
import { idempotencyKeys } from './schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; hash: string; claimed: boolean } | null;
  }
}

/** The status kept for a key whose work committed before its answer was kept (the server stopped in between). */
const CLAIMED = 0;

const HEADER = 'idempotency-key';

/**
 * Creating calls (POST with a JSON body) accept an Idempotency-Key header: the first successful
 * answer is kept per mission, caller and key, and a retry with the same key and body gets that
 * answer again (with `Idempotent-Replayed: true`) instead of creating a second record. The same key
 * with another body is refused with 422. A client that lost the answer to a create can so retry safely.
 */
export function registerIdempotency(app: FastifyInstance, database: Database): void {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[HEADER];
    if (request.method !== 'POST' || key === undefined || !request.actor) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key))
      throw badRequest('The Idempotency-Key header is invalid.', [
        { path: 'headers.idempotency-key', message: 'must be 1 to 200 visible ASCII characters' },
      ]);
    if (String(request.headers['content-type'] ?? '').startsWith('multipart/')) return;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const [kept] = await database.db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.missionId, request.actor.missionId),
          eq(idempotencyKeys.callerId, request.actor.id),
          eq(idempotencyKeys.key, key),
        ),
      );
    if (!kept) {
      request.idempotency = { key, hash, claimed: false };
      return;
    }
    if (kept.requestHash !== hash)
      throw unprocessable('This Idempotency-Key was used for another request.', undefined, [
        { path: 'headers.idempotency-key', message: 'was used for another request' },
      ]);
    if (kept.statusCode === CLAIMED)
      throw conflict(
        'The request with this Idempotency-Key was carried out, but its answer was lost: nothing was created twice; look the record up.',
      );
    // The first call passed the route's policy for this same caller and request.
    request.policyChecked = true;
    return replay(reply, kept.statusCode, kept.responseBody);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending || !request.actor || reply.statusCode < 200 || reply.statusCode >= 300) return payload;
    if (typeof payload !== 'string') return payload;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    await database.db
      .insert(idempotencyKeys)
      .values({
        missionId: request.actor.missionId,
        callerId: request.actor.id,
        key: pending.key,
        method: request.method,
        path: request.url.slice(0, 2000),
        requestHash: pending.hash,
        statusCode: reply.statusCode,
        responseBody: body,
        createdAt: new Date(),
      })
      .onConflictDoUpdate({
        target: [idempotencyKeys.missionId, idempotencyKeys.callerId, idempotencyKeys.key],
        set: { statusCode: reply.statusCode, responseBody: body },
      });
    return payload;
  });
}

function replay(reply: FastifyReply, statusCode: number, body: unknown): FastifyReply {
  return reply
    .status(statusCode)
    .header('idempotent-replayed', 'true')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

/**
 * Claims the request's Idempotency-Key inside the transaction that does its work, so the key
 * commits with the record: a server stopped after the commit and before the answer was kept still
 * refuses the retry instead of creating a second record, and of two concurrent first attempts
 * the second fails on the key's primary key and rolls back.
 */
export async function claimIdempotencyKey(tx: Executor, request: FastifyRequest): Promise<void> {
  const pending = request.idempotency;
  if (!pending || pending.claimed || !request.actor) return;
  pending.claimed = true;
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({
      missionId: request.actor.missionId,
      callerId: request.actor.id,
      key: pending.key,
      method: request.method,
      path: request.url.slice(0, 2000),
      requestHash: pending.hash,
      statusCode: CLAIMED,
      responseBody: {},
      createdAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0)
    throw conflict('Another request with this Idempotency-Key is being carried out or was carried out.');
}
