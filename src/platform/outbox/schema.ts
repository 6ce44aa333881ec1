import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, missionId } from '../db/columns.js';

export const outboxChannels = ['sms', 'email', 'webhook'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

/** pending: never tried; sending: claimed by a worker; failed: will be retried; dead: gave up. */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * A side effect (SMS, e-mail, webhook) written in the same transaction as the change that caused
 * it, and delivered at least once by the outbox worker. The outbox is cross-cutting, so case_id
 * carries no foreign key into the cases module.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    channel: text('channel').$type<OutboxChannel>().notNull(),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    caseId: uuid('case_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    nextAttemptAt: at('next_attempt_at').notNull(),
    /** While sending: when the claim lapses and another worker may take the message over. */
    lockedUntil: at('locked_until'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    sentAt: at('sent_at'),
    replayCount: integer('replay_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('outbox_messages_idempotency_uq').on(t.missionId, t.idempotencyKey),
    index('outbox_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_messages_case_idx').on(t.missionId, t.caseId, t.createdAt),
    index('outbox_messages_channel_idx').on(t.missionId, t.channel, t.status, t.createdAt),
  ],
);

export const outboxAttemptOutcomes = ['sent', 'duplicate', 'failed'] as const;
export type OutboxAttemptOutcome = (typeof outboxAttemptOutcomes)[number];

/** One delivery attempt of an outbox message and what came of it. */
export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    messageId: uuid('message_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: at('at').notNull(),
    outcome: text('outcome').$type<OutboxAttemptOutcome>().notNull(),
    responseCode: integer('response_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    foreignKey({
      columns: [t.missionId, t.messageId],
      foreignColumns: [outboxMessages.missionId, outboxMessages.id],
    }),
    index('outbox_attempts_message_idx').on(t.missionId, t.messageId, t.at),
  ],
);

export type OutboxMessageRow = typeof outboxMessages.$inferSelect;
export type OutboxAttemptRow = typeof outboxAttempts.$inferSelect;
