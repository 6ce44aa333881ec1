import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';

/**
 * The database a report, export, annual report or dashboard request reads from: the read replica
 * when one is configured and current, else the primary. The answer says which in
 * `Passage-Read-From`, and how old the replica's data is in `Passage-Replica-Lag-Ms`.
 */
export async function readReports(request: FastifyRequest, reply: FastifyReply): Promise<Db> {
  const reader = request.server.reportReader;
  const read = await reader.read();
  if (reader.hasReplica) {
    reply.header('passage-read-from', read.source);
    if (read.source === 'replica') reply.header('passage-replica-lag-ms', String(Math.round(read.lagMs)));
  }
  return read.db;
}
