import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../db/database.js';
import { badRequest, unprocessable } from '../http/problem.js';
import { idempotencyKeys } from './schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string; hash: string } | null;
  }
}

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
      request.idempotency = { key, hash };
      return;
    }
    if (kept.requestHash !== hash)
      throw unprocessable('This Idempotency-Key was used for another request.', undefined, [
        { path: 'headers.idempotency-key', message: 'was used for another request' },
      ]);
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
      .onConflictDoNothing();
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
