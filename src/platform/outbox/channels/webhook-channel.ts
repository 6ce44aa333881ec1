import {
  DeliveryError,
  type DeliveryReceipt,
  type OutboxChannelAdapter,
  ZWebhookPayload,
} from '../outbox-types.js';
import type { OutboxMessageRow } from '../schema.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';
import { type WebhookTargetPolicy, webhookTargetRefusal } from './webhook-target-policy.js';

/** Where a subscription's deliveries go and the secret they are signed with. */
export interface WebhookTarget {
  url: string;
  secret: string;
  active: boolean;
}

/** Looks a subscription up at delivery time (null when it no longer exists). */
export type WebhookTargetResolver = (
  missionId: string,
  subscriptionId: string,
) => Promise<WebhookTarget | null>;

/**
 * Delivers webhooks as signed JSON POSTs. Every retry carries the same body and Idempotency-Key
 * (the outbox message's key), with a fresh timestamp and signature, so receivers can drop repeats.
 */
export function createWebhookChannel(options: {
  resolveTarget: WebhookTargetResolver;
  /** Checked before every delivery, on the addresses the host resolves to now. */
  targetPolicy: WebhookTargetPolicy;
  now?: () => Date;
  userAgent?: string;
}): OutboxChannelAdapter {
  const now = options.now ?? (() => new Date());
  return {
    async deliver(message: OutboxMessageRow, signal: AbortSignal): Promise<DeliveryReceipt> {
      const payload = ZWebhookPayload.parse(message.payload);
      const target = await options.resolveTarget(message.missionId, payload.subscriptionId);
      if (!target) throw new DeliveryError('The webhook subscription no longer exists.', { permanent: true });
      if (!target.active) throw new DeliveryError('The webhook subscription is paused.', { permanent: true });
      const refusal = await webhookTargetRefusal(target.url, options.targetPolicy, {
        unresolvable: 'refuse',
      });
      if (refusal)
        throw new DeliveryError(`The webhook URL ${refusal}.`, { permanent: refusal !== 'does not resolve' });
      const body = JSON.stringify(payload.body);
      const timestamp = Math.floor(now().getTime() / 1000);
      const response = await fetch(target.url, {
        method: 'POST',
        signal,
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': options.userAgent ?? 'Passage-Webhooks/1',
          'idempotency-key': message.idempotencyKey,
          'passage-event': payload.event,
          'passage-delivery': message.id,
          [SIGNATURE_HEADER.toLowerCase()]: signWebhook(target.secret, timestamp, body),
        },
        body,
      });
      // The receiver's body is never kept: it could be anything an internal service answers.
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { outcome: 'sent', responseCode: response.status };
      throw new DeliveryError(`HTTP ${response.status}`, {
        responseCode: response.status,
        // 410 Gone: the receiver says the endpoint is retired for good.
        permanent: response.status === 410,
      });
    },
  };
}
