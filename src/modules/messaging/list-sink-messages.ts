import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { devSinkMessages } from './schema.js';

/** What the development sink received for the mission, newest first. */
export async function listSinkMessages(
  db: Executor,
  missionId: string,
  query: { channel?: 'sms' | 'email'; page: number; pageSize: number },
) {
  const conditions: SQL[] = [eq(devSinkMessages.missionId, missionId)];
  if (query.channel) conditions.push(eq(devSinkMessages.channel, query.channel));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(devSinkMessages)
      .where(where)
      .orderBy(desc(devSinkMessages.receivedAt), desc(devSinkMessages.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(devSinkMessages).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      channel: row.channel,
      idempotencyKey: row.idempotencyKey,
      outboxMessageId: row.outboxMessageId,
      recipient: row.recipient,
      subject: row.subject,
      body: row.body,
      receivedAt: row.receivedAt.toISOString(),
      duplicateCount: row.duplicateCount,
      lastDuplicateAt: row.lastDuplicateAt?.toISOString() ?? null,
    })),
    total: total?.value ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
