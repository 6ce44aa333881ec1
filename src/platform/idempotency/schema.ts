import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, missionId } from '../db/columns.js';

/** The first answer to a creating call made with an Idempotency-Key, per mission, caller and key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    missionId: missionId(),
    callerId: uuid('caller_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.callerId, t.key] })],
);
