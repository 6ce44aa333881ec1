import { createHash, randomBytes } from 'node:crypto';

/** Every Passage API key starts with this, so leaked keys are easy to recognise and scan for. */
export const API_KEY_PREFIX = 'psg_';

/** A new random API key (32 bytes of entropy) and what is stored of it. */
export function generateApiKey(): { key: string; prefix: string; tokenHash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, API_KEY_PREFIX.length + 6), tokenHash: hashApiKey(key) };
}

/**
 * SHA-256 of the key. A fast hash is enough here: the key is 256 random bits, not a password,
 * so there is nothing to guess from the hash.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A signing secret for a new webhook subscription. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}
