import type { RetryPolicy } from './types';

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 8_000 };

/**
 * Exponential backoff with full jitter: a delay drawn uniformly from [0, min(max, base * 2^n)).
 * Full jitter spreads the retries of many callers that failed together (a full queue) instead
 * of bringing them back in a herd.
 */
export function backoffDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(ceiling * Math.min(Math.max(random(), 0), 1));
}
