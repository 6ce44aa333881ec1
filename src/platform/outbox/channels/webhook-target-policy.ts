import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Where webhooks may go: https only in production; private addresses only when named here. */
export interface WebhookTargetPolicy {
  requireHttps: boolean;
  /** Host names or addresses allowed although private (127.0.0.1 in tests, an internal gateway). */
  allowedHosts: readonly string[];
}

// Loopback, private, shared, link-local (cloud metadata at 169.254.169.254), multicast, reserved.
const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return internal.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  if (family === 6) return internal.check(address, 'ipv6');
  return true;
}

/**
 * Why a webhook URL is refused, or null when it may be used. The host is resolved through DNS, and
 * every address it resolves to must be public; `unresolvable` says what a name that does not resolve
 * means (accepted at registration, where the partner may not have published it yet; refused at delivery).
 */
export async function webhookTargetRefusal(
  url: string,
  policy: WebhookTargetPolicy,
  options: { unresolvable: 'accept' | 'refuse' },
): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:' && (policy.requireHttps || parsed.protocol !== 'http:'))
    return policy.requireHttps ? 'must use https' : 'must use http or https';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (policy.allowedHosts.includes(host)) return null;
  if (isIP(host)) return isInternalAddress(host) ? 'must not point to a private or loopback address' : null;
  if (host === 'localhost' || host.endsWith('.localhost')) return 'must not point to this machine';
  let addresses: { address: string }[];
  try {
    addresses = await withTimeout(lookup(host, { all: true, verbatim: true }), 3000);
  } catch {
    return options.unresolvable === 'accept' ? null : 'does not resolve';
  }
  if (addresses.some(({ address }) => isInternalAddress(address) && !policy.allowedHosts.includes(address)))
    return 'must not resolve to a private or loopback address';
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('DNS lookup timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
