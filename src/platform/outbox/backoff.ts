/** How long to wait before retrying: exponential in the attempt number, capped, with jitter. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 60 * 60_000 };

/**
 * The delay before the retry that follows failed attempt `attempt` (1-based): base × 2^(attempt−1),
 * at most maxMs, then scaled into [50%, 100%] by `random` ("equal jitter") so a burst of failures
 * does not come back as a burst of retries.
 */
export function computeBackoffMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 30));
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}
