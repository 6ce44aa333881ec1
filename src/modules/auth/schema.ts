import { bigint, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../platform/db/columns.js';
import { users } from '../organisation/schema.js';

/** A signed-in browser session; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per account (keyed by the SHA-256 of the lower-cased e-mail, so unknown
 * addresses are throttled alike and the table does not tell which accounts exist), with the
 * lockout they earned: after a few failures each further one doubles the wait.
 */
export const loginThrottles = pgTable('login_throttles', {
  accountKey: text('account_key').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: at('locked_until'),
  lastFailureAt: at('last_failure_at').notNull(),
});

/**
 * A sign-in half done: the password was right and the second factor is asked for (or being set
 * up). The browser holds a random token in a short-lived cookie, the table its SHA-256.
 */
export const loginChallenges = pgTable('login_challenges', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  expiresAt: at('expires_at').notNull(),
  /** While enrolling: the new TOTP secret, encrypted, until a code from it confirms it. */
  pendingSecret: text('pending_secret'),
  failures: integer('failures').notNull().default(0),
});

/** A user's enrolled TOTP second factor; the secret is encrypted with PASSAGE_SECRET_KEY. */
export const userMfa = pgTable('user_mfa', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  secret: text('secret').notNull(),
  enrolledAt: at('enrolled_at').notNull(),
  /** The last time step whose code was accepted: a code is good once. */
  lastStep: bigint('last_step', { mode: 'number' }).notNull().default(0),
});

/** One-time recovery codes, stored as SHA-256 hashes; used_at set when spent. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);
