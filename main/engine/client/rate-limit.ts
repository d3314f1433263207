import { CallCancelledError } from './errors';
import type { Clock, RateLimit } from './types';

interface Bucket {
  tokens: number;
  refilledAt: number;
  /** Settles when the previous waiter has its token: waiters are served in order. */
  tail: Promise<void>;
}

/**
 * A token bucket per feature: `burst` calls may start at once, then `ratePerSec` per second.
 * A call over the limit waits for its token (in arrival order) rather than failing; only the
 * caller's signal ends the wait. Limits are read at each call, so a settings change applies.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limitOf: (feature: string) => RateLimit | undefined,
    private readonly clock: Clock,
  ) {}

  /** Resolves with the milliseconds waited once the feature may send. */
  async acquire(feature: string, signal?: AbortSignal): Promise<number> {
    const limit = this.limitOf(feature);
    if (!limit || !(limit.ratePerSec > 0)) return 0;
    const bucket = this.bucketOf(feature, limit);
    const previous = bucket.tail;
    let done!: () => void;
    bucket.tail = new Promise<void>((resolve) => (done = resolve));
    const startedAt = this.clock.now();
    try {
      await waitOrAbort(previous, signal);
      for (;;) {
        this.refill(bucket, limit);
        if (bucket.tokens >= 1) {
          bucket.tokens -= 1;
          return this.clock.now() - startedAt;
        }
        await this.clock.sleep(Math.ceil(((1 - bucket.tokens) / limit.ratePerSec) * 1000), signal);
      }
    } finally {
      done();
    }
  }

  private bucketOf(feature: string, limit: RateLimit): Bucket {
    let bucket = this.buckets.get(feature);
    if (!bucket) {
      bucket = { tokens: Math.max(1, limit.burst), refilledAt: this.clock.now(), tail: Promise.resolve() };
      this.buckets.set(feature, bucket);
    }
    return bucket;
  }

  private refill(bucket: Bucket, limit: RateLimit): void {
    const now = this.clock.now();
    const elapsedSec = Math.max(0, now - bucket.refilledAt) / 1000;
    bucket.tokens = Math.min(Math.max(1, limit.burst), bucket.tokens + elapsedSec * limit.ratePerSec);
    bucket.refilledAt = now;
  }
}

/** Waits for `promise`, or rejects as soon as `signal` aborts (the promise itself never rejects). */
function waitOrAbort(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new CallCancelledError(signal.reason));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
