import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying a webhook's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'Passage-Signature';

/** HMAC-SHA256 of `${timestamp}.${body}` with the subscription's secret, as hex. */
export function computeWebhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The Passage-Signature header value for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${computeWebhookSignature(secret, timestamp, body)}`;
}

/**
 * What a receiver does: true when the header's v1 signature matches the body and its timestamp is
 * within `toleranceSeconds` of now (a captured request cannot be replayed much later).
 */
export function verifyWebhookSignature(options: {
  header: string | undefined;
  secret: string;
  body: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): boolean {
  if (!options.header) return false;
  const parts = new Map<string, string[]>();
  for (const item of options.header.split(',')) {
    const [key, value] = item.split('=', 2);
    if (!key || !value) continue;
    parts.set(key.trim(), [...(parts.get(key.trim()) ?? []), value.trim()]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(options.nowSeconds - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(computeWebhookSignature(options.secret, timestamp, options.body), 'hex');
  return (parts.get('v1') ?? []).some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
