import { z } from 'zod';
import { outboxAttemptOutcomes, outboxChannels, outboxStatuses } from '../../platform/outbox/schema.js';
import { smsTemplateKinds } from './sms-template-defaults.js';

export const ZOutboxAttempt = z.object({
  attempt: z.number().int(),
  at: z.string(),
  outcome: z.enum(outboxAttemptOutcomes),
  responseCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const ZOutboxMessage = z.object({
  id: z.uuid(),
  caseId: z.uuid().nullable(),
  channel: z.enum(outboxChannels),
  kind: z.string(),
  status: z.enum(outboxStatuses),
  idempotencyKey: z.string(),
  /** A phone number, an e-mail address, or the partner and URL of a webhook. */
  recipient: z.string(),
  /** The SMS text, the e-mail subject, or the webhook's event name. */
  preview: z.string(),
  language: z.string().nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  replayCount: z.number().int(),
  attemptLog: z.array(ZOutboxAttempt),
});
export type OutboxMessageView = z.infer<typeof ZOutboxMessage>;

export const ZListOutboxQuery = z.object({
  channel: z.enum(outboxChannels).optional(),
  status: z.enum(outboxStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListOutboxQuery = z.infer<typeof ZListOutboxQuery>;

export const ZMessageIdParams = z.object({ id: z.uuid() });

export const ZSinkMessage = z.object({
  id: z.uuid(),
  channel: z.enum(['sms', 'email']),
  idempotencyKey: z.string(),
  outboxMessageId: z.uuid(),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  receivedAt: z.string(),
  duplicateCount: z.number().int(),
  lastDuplicateAt: z.string().nullable(),
});

export const ZListSinkQuery = z.object({
  channel: z.enum(['sms', 'email']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const ZSmsTemplateKind = z.enum(smsTemplateKinds);

export const ZSmsTemplate = z.object({
  kind: ZSmsTemplateKind,
  language: z.string(),
  body: z.string(),
  source: z.enum(['default', 'mission']),
  direction: z.enum(['ltr', 'rtl']),
  variables: z.array(z.string()),
  updatedAt: z.string().nullable(),
});

export const ZSmsTemplateParams = z.object({
  kind: ZSmsTemplateKind,
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'must be a language code such as ar, prs or fa-AF'),
});

export const ZSaveSmsTemplate = z.object({ body: z.string().trim().min(1).max(1000) });
