import type { ImportJob } from './import-job.js';
/** One delivery attempt of an outbox message. */
export interface OutboxAttempt {
  attempt: number;
  at: string;
  outcome: 'sent' | 'duplicate' | 'failed';
  responseCode: number | null;
  error: string | null;
  durationMs: number;
}

/** An SMS, e-mail or webhook in the outbox, with its delivery history. */
export interface OutboxMessage {
  id: string;
  caseId: string | null;
  channel: 'sms' | 'email' | 'webhook';
  kind: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'dead';
  idempotencyKey: string;
  recipient: string;
  preview: string;
  language: string | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  replayCount: number;
  attemptLog: OutboxAttempt[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Partner {
  id: string;
  name: string;
  kind: string;
  referralSource: string;
  defaultOfficeId: string;
  contactEmail: string | null;
  active: boolean;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  partnerId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface Webhook {
  id: string;
  partnerId: string;
  url: string;
  events: string[];
  caseScope: 'referred' | 'all';
  active: boolean;
  createdAt: string;
}

export interface SinkMessage {
  id: string;
  channel: 'sms' | 'email';
  idempotencyKey: string;
  recipient: string;
  subject: string | null;
  body: string;
  receivedAt: string;
  duplicateCount: number;
  lastDuplicateAt: string | null;
}

export interface ReferralImport extends ImportJob {
  partnerId: string;
  filename: string;
  createdAt: string;
  finishedAt: string | null;
}

const RTL = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'ckb']);

/** The writing direction of a message in this language, so Arabic or Dari text reads the right way. */
export function directionOf(language: string | null | undefined): 'rtl' | 'ltr' {
  return language && RTL.has(language) ? 'rtl' : 'ltr';
}
