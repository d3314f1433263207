import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../../main/engine/client/clock';
import { CallCancelledError } from '../../../../main/engine/client/errors';
import { RateLimiter } from '../../../../main/engine/client/rate-limit';
import { readCalls } from '../../../../main/engine/client/recorder';
import { FakeClock, template, useClientFixture } from './client-fixture';

describe('token bucket (pure)', () => {
  it('lets a burst through, then one token per 1/rate seconds, serving waiters in order', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(() => ({ ratePerSec: 4, burst: 2 }), clock);
    const waits = await Promise.all([1, 2, 3, 4].map(() => limiter.acquire('batch')));
    expect(waits).toEqual([0, 0, 250, 500]);
    clock.advance(10_000); // a quiet spell refills the bucket up to the burst, no more
    expect(await Promise.all([1, 2, 3].map(() => limiter.acquire('batch')))).toEqual([0, 0, 250]);
  });
});

describe('LLM client: rate limit per feature', () => {
  const fx = useClientFixture();
  const generate = (client: ReturnType<typeof fx.client>, feature: string, signal?: AbortSignal) =>
    client.generate({ feature, model: 'llama3.1:8b', template, prompt: 'Evaluate.', ...(signal ? { signal } : {}) });

  it('makes a call over the limit wait for its token instead of failing, and records the wait', async () => {
    const client = fx.client({ rateLimits: { batch: { ratePerSec: 2, burst: 2 } } });
    for (let index = 0; index < 3; index += 1) await generate(client, 'batch');
    await generate(client, 'pricing'); // not limited
    expect(fx.clock().sleeps).toEqual([500]);
    expect(readCalls(fx.db()).map((call) => [call.feature, call.waitMs, call.outcome])).toEqual([
      ['batch', 0, 'ok'], ['batch', 0, 'ok'], ['batch', 500, 'ok'], ['pricing', 0, 'ok'],
    ]);
  });

  it('reads the limit at each call, so a settings change applies at once', async () => {
    let limit = { ratePerSec: 1, burst: 1 };
    const client = fx.client({ rateLimits: () => limit });
    await generate(client, 'batch');
    limit = { ratePerSec: 10, burst: 1 };
    await generate(client, 'batch');
    expect(fx.clock().sleeps).toEqual([100]);
  });

  it('stops waiting when the caller aborts, sending nothing', async () => {
    const client = fx.client({ clock: systemClock, rateLimits: { batch: { ratePerSec: 0.001, burst: 1 } } });
    await generate(client, 'batch');
    const waiting = generate(client, 'batch', AbortSignal.timeout(50));
    await expect(waiting).rejects.toBeInstanceOf(CallCancelledError);
    await expect(waiting).rejects.toThrow(/timed out/);
    expect(fx.inferenceRequests()).toBe(1);
    expect(readCalls(fx.db()).map((call) => call.outcome)).toEqual(['ok', 'cancelled']);
  });
});
