import {
  DeliveryError,
  type DeliveryReceipt,
  type OutboxChannelAdapter,
  ZSmsPayload,
} from '../outbox-types.js';
import type { OutboxMessageRow } from '../schema.js';

/**
 * Sends SMS through an HTTP provider: a JSON POST of `{ to, text, reference }` with a bearer token
 * and the message's Idempotency-Key, so a provider that honours it never sends a repeat twice.
 */
export function createHttpSmsChannel(options: { url: string; token: string | null }): OutboxChannelAdapter {
  return {
    async deliver(message: OutboxMessageRow, signal: AbortSignal): Promise<DeliveryReceipt> {
      const payload = ZSmsPayload.parse(message.payload);
      const response = await fetch(options.url, {
        method: 'POST',
        signal,
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ to: payload.to, text: payload.text, reference: message.idempotencyKey }),
      });
      const text = await response.text().catch(() => '');
      if (response.ok) return { outcome: 'sent', responseCode: response.status };
      throw new DeliveryError(
        `SMS provider answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
        {
          responseCode: response.status,
        },
      );
    },
  };
}
