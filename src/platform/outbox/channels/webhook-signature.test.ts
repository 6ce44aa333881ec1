import { describe, expect, it } from 'vitest';
import { computeWebhookSignature, signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec_test';
const body = '{"type":"case.departed","data":{"caseId":"x"}}';
const t = 1_780_000_000;

describe('webhook signatures', () => {
  it('signs HMAC-SHA256 over timestamp.body', () => {
    // Reference value computed independently: printf '1780000000.<body>' | openssl dgst -sha256 -hmac whsec_test
    expect(computeWebhookSignature(secret, t, body)).toBe(
      'd58acd70e3d5e9b163690420433b525939497ec5d81f984e9d8aea41bf7ce5cb',
    );
    expect(signWebhook(secret, t, body)).toBe(`t=${t},v1=${computeWebhookSignature(secret, t, body)}`);
  });

  it.each([
    ['the signed header', signWebhook(secret, t, body), secret, body, t + 10, true],
    ['another secret', signWebhook('other', t, body), secret, body, t, false],
    ['a changed body', signWebhook(secret, t, body), secret, `${body} `, t, false],
    ['a stale timestamp', signWebhook(secret, t, body), secret, body, t + 301, false],
    ['a missing header', undefined, secret, body, t, false],
    ['a malformed header', 'v1=abc', secret, body, t, false],
    [
      'one valid signature among several',
      `t=${t},v1=${'0'.repeat(64)},v1=${computeWebhookSignature(secret, t, body)}`,
      secret,
      body,
      t,
      true,
    ],
  ])('verifies %s as %s', (_name, header, key, payload, now, expected) => {
    expect(verifyWebhookSignature({ header, secret: key, body: payload, nowSeconds: now })).toBe(expected);
  });
});
