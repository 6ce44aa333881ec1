import { isValidPhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';
import type { OutboxChannel, OutboxMessageRow } from './schema.js';

/** An SMS: the recipient in E.164 and the rendered text. */
export const ZSmsPayload = z.object({
  to: z.string().refine((phone) => isValidPhoneNumber(phone), 'must be a valid phone number in E.164'),
  text: z.string().min(1).max(1600),
  language: z.string().optional(),
});
/** An e-mail in plain text. */
export const ZEmailPayload = z.object({
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
});
/**
 * A webhook delivery: the subscription names the URL and the signing secret, which are looked up
 * at delivery time so neither is copied into the outbox (and a rotated secret applies to retries).
 */
export const ZWebhookPayload = z.object({
  subscriptionId: z.uuid(),
  event: z.string().min(1),
  body: z.record(z.string(), z.unknown()),
});
export type SmsPayload = z.infer<typeof ZSmsPayload>;
export type EmailPayload = z.infer<typeof ZEmailPayload>;
export type WebhookPayload = z.infer<typeof ZWebhookPayload>;

/** The payload schema of each channel, checked when a message is enqueued. */
export const payloadSchemas = { sms: ZSmsPayload, email: ZEmailPayload, webhook: ZWebhookPayload } as const;

/** A message to enqueue, typed by its channel. */
export type OutboxMessageInput =
  | { channel: 'sms'; kind: string; idempotencyKey: string; caseId?: string | null; payload: SmsPayload }
  | { channel: 'email'; kind: string; idempotencyKey: string; caseId?: string | null; payload: EmailPayload }
  | {
      channel: 'webhook';
      kind: string;
      idempotencyKey: string;
      caseId?: string | null;
      payload: WebhookPayload;
    };

/** What a channel reports for a delivery the receiver accepted. */
export interface DeliveryReceipt {
  /** `duplicate` when the receiver had already recorded this idempotency key. */
  outcome: 'sent' | 'duplicate';
  responseCode?: number;
}

/** A failed delivery; `permanent` failures are not retried (e.g. the subscription was removed). */
export class DeliveryError extends Error {
  readonly responseCode: number | undefined;
  readonly permanent: boolean;
  constructor(message: string, options: { responseCode?: number; permanent?: boolean } = {}) {
    super(message);
    this.name = 'DeliveryError';
    this.responseCode = options.responseCode;
    this.permanent = options.permanent ?? false;
  }
}

/** Delivers messages of one channel; throws DeliveryError (or any error) when it could not. */
export interface OutboxChannelAdapter {
  deliver(message: OutboxMessageRow, signal: AbortSignal): Promise<DeliveryReceipt>;
}

/** The adapters the worker delivers through, one per channel. */
export type OutboxChannels = Record<OutboxChannel, OutboxChannelAdapter>;
