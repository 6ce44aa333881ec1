import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import {
  type OutboxAttemptRow,
  type OutboxMessageRow,
  outboxAttempts,
  outboxMessages,
} from '../../platform/outbox/schema.js';
import { partners, webhookSubscriptions } from '../partners/schema.js';
import type { ListOutboxQuery, OutboxMessageView } from './messaging-schemas.js';

/** A case's messages (SMS, e-mail, webhooks) with every delivery attempt, newest first. */
export async function listCaseMessages(
  db: Executor,
  missionId: string,
  caseId: string,
): Promise<OutboxMessageView[]> {
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.missionId, missionId), eq(outboxMessages.caseId, caseId)))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(200);
  return presentMessages(db, missionId, rows);
}

/** The mission's outbox for administrators, filtered by channel and status, newest first. */
export async function listOutboxMessages(db: Executor, missionId: string, query: ListOutboxQuery) {
  const conditions: SQL[] = [eq(outboxMessages.missionId, missionId)];
  if (query.channel) conditions.push(eq(outboxMessages.channel, query.channel));
  if (query.status) conditions.push(eq(outboxMessages.status, query.status));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(outboxMessages)
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(outboxMessages).where(where),
  ]);
  return {
    items: await presentMessages(db, missionId, rows),
    total: total?.value ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function presentMessages(
  db: Executor,
  missionId: string,
  rows: OutboxMessageRow[],
): Promise<OutboxMessageView[]> {
  if (rows.length === 0) return [];
  const attempts = await db
    .select()
    .from(outboxAttempts)
    .where(
      and(
        eq(outboxAttempts.missionId, missionId),
        inArray(
          outboxAttempts.messageId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(outboxAttempts.at), asc(outboxAttempts.id));
  const byMessage = new Map<string, OutboxAttemptRow[]>();
  for (const attempt of attempts)
    byMessage.set(attempt.messageId, [...(byMessage.get(attempt.messageId) ?? []), attempt]);
  const subscriptionIds = rows.flatMap((row) =>
    row.channel === 'webhook' ? [String(row.payload.subscriptionId)] : [],
  );
  const targets = subscriptionIds.length
    ? await db
        .select({ id: webhookSubscriptions.id, url: webhookSubscriptions.url, partnerName: partners.name })
        .from(webhookSubscriptions)
        .innerJoin(
          partners,
          and(
            eq(partners.missionId, webhookSubscriptions.missionId),
            eq(partners.id, webhookSubscriptions.partnerId),
          ),
        )
        .where(
          and(
            eq(webhookSubscriptions.missionId, missionId),
            inArray(webhookSubscriptions.id, subscriptionIds),
          ),
        )
    : [];
  return rows.map((row) => {
    const payload = row.payload as Record<string, unknown>;
    const target =
      row.channel === 'webhook' ? targets.find((t) => t.id === payload.subscriptionId) : undefined;
    return {
      id: row.id,
      caseId: row.caseId,
      channel: row.channel,
      kind: row.kind,
      status: row.status,
      idempotencyKey: row.idempotencyKey,
      recipient:
        row.channel === 'webhook'
          ? target
            ? `${target.partnerName} (${target.url})`
            : ''
          : String(payload.to ?? ''),
      preview:
        row.channel === 'webhook'
          ? String(payload.event ?? row.kind)
          : String(payload.text ?? payload.subject ?? ''),
      language: typeof payload.language === 'string' ? payload.language : null,
      attempts: row.attempts,
      maxAttempts: row.maxAttempts,
      nextAttemptAt:
        row.status === 'failed' || row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      replayCount: row.replayCount,
      attemptLog: (byMessage.get(row.id) ?? []).map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        outcome: a.outcome,
        responseCode: a.responseCode,
        error: a.error,
        durationMs: a.durationMs,
      })),
    };
  });
}
