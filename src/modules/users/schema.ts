import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../platform/db/columns.js';
import { users } from '../organisation/schema.js';

export const passwordLinkPurposes = ['invite', 'reset'] as const;
export type PasswordLinkPurpose = (typeof passwordLinkPurposes)[number];

/**
 * A one-time link to set a password: the link carries a random token, the table only its SHA-256,
 * so a copy of the database opens no account. Like sessions, a reference table keyed by the hash
 * (the link is opened before anyone is signed in, so its mission is not known).
 */
export const passwordLinks = pgTable(
  'password_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').$type<PasswordLinkPurpose>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    /** When it was used, or made void by a newer link or the user's deactivation. */
    usedAt: at('used_at'),
  },
  (t) => [index('password_links_user_idx').on(t.userId)],
);
