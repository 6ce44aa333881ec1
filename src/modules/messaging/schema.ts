import { index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { at, missionId } from '../../platform/db/columns.js';
import { missions } from '../organisation/schema.js';

/**
 * A mission's own wording of an SMS template in one language. The built-in wording
 * (sms-template-defaults.ts) applies wherever a mission has not written its own.
 */
export const smsTemplates = pgTable(
  'sms_templates',
  {
    missionId: missionId().references(() => missions.id),
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    body: text('body').notNull(),
    updatedAt: at('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.kind, t.language] })],
);

/**
 * The development sink: where SMS and e-mail go when no provider is configured. It records each
 * idempotency key once; a redelivery only counts as a duplicate.
 */
export const devSinkMessages = pgTable(
  'dev_sink_messages',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    channel: text('channel').$type<'sms' | 'email'>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    outboxMessageId: uuid('outbox_message_id').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    receivedAt: at('received_at').notNull(),
    duplicateCount: integer('duplicate_count').notNull().default(0),
    lastDuplicateAt: at('last_duplicate_at'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    unique('dev_sink_messages_idempotency_uq').on(t.missionId, t.idempotencyKey),
    index('dev_sink_messages_received_idx').on(t.missionId, t.receivedAt),
  ],
);

export type SmsTemplateRow = typeof smsTemplates.$inferSelect;
export type DevSinkMessageRow = typeof devSinkMessages.$inferSelect;
