import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, missionId } from '../db/columns.js';

/** Append-only audit trail: who did what to which record, when, from where, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    at: at('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('audit_log_record_idx').on(t.missionId, t.recordType, t.recordId, t.at),
  ],
);
