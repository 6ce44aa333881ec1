import { bigint, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** The entry's place in its mission's hash chain (1, 2, ...); null on entries older than the chain. */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    /** SHA-256 of the previous entry's hash and this entry's content (`audit-chain.ts`). */
    hash: text('hash'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('audit_log_record_idx').on(t.missionId, t.recordType, t.recordId, t.at),
    uniqueIndex('audit_log_chain_idx').on(t.missionId, t.chainSeq),
  ],
);

/**
 * The last link of each mission's audit chain, updated in the transaction that appends entries:
 * its row lock puts a mission's audit writes in one order, and it tells a verifier where the chain
 * must end (so entries cut from the end are noticed too).
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  missionId: missionId().primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
