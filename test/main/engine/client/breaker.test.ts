import { describe, expect, it, vi } from 'vitest';
import { CircuitOpenError, EngineBusyError, ModelNotFoundError } from '../../../../main/engine/client/errors';
import { readCalls } from '../../../../main/engine/client/recorder';
import type { BreakerChange } from '../../../../main/engine/client/types';
import { template, useClientFixture } from './client-fixture';

const ask = [{ role: 'user' as const, content: 'Score this profile.' }];

describe('LLM client: circuit breaker per model', () => {
  const fx = useClientFixture();
  const breakerClient = () => fx.client({ retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 100 }, breaker: { failureThreshold: 3, cooldownMs: 10_000 } });

  it('opens after N consecutive failed calls, fails fast without sending, half-opens after the cool-down and closes on a good probe', async () => {
    const client = breakerClient();
    const changes: BreakerChange[] = [];
    client.onBreakerChange((change) => changes.push(change));
    const call = (model = 'llama3.1:8b') => client.chat({ feature: 'batch', model, template, messages: ask });

    fx.standin().setFault({ kind: 'busy', count: 6 }); // 3 calls × (1 try + 1 retry)
    for (let index = 0; index < 3; index += 1) await expect(call()).rejects.toBeInstanceOf(EngineBusyError);
    expect(client.breakerState('llama3.1:8b')).toBe('open');
    expect(fx.inferenceRequests()).toBe(6);

    const fast = call();
    await expect(fast).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(fast).rejects.toThrow(/paused for 10 s after repeated failures.*busy/);
    expect(fx.inferenceRequests()).toBe(6); // nothing sent
    expect(readCalls(fx.db()).at(-1)).toMatchObject({ outcome: 'circuit-open' });
    await expect(call('qwen2.5:7b')).resolves.toMatchObject({ retries: 0 }); // other models unaffected

    fx.clock().advance(10_000);
    expect(client.breakerState('llama3.1:8b')).toBe('half-open');
    // One probe goes through; while it is out, others still fail fast.
    fx.standin().configure({ paused: true });
    const probe = call();
    await vi.waitFor(() => expect(fx.standin().state().activeRequests).toBe(1));
    await expect(call()).rejects.toBeInstanceOf(CircuitOpenError);
    fx.standin().configure({ paused: false });
    await expect(probe).resolves.toMatchObject({ text: expect.any(String) });
    expect(client.breakerState('llama3.1:8b')).toBe('closed');
    await expect(call()).resolves.toBeDefined();
    expect(changes).toEqual([
      { model: 'llama3.1:8b', from: 'closed', to: 'open' },
      { model: 'llama3.1:8b', from: 'open', to: 'half-open' },
      { model: 'llama3.1:8b', from: 'half-open', to: 'closed' },
    ]);
  });

  it('opens again at once when the half-open probe fails', async () => {
    const client = breakerClient();
    const call = () => client.chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: ask });
    fx.standin().setFault({ kind: 'oom', count: 3 });
    for (let index = 0; index < 3; index += 1) await expect(call()).rejects.toThrow(/out of memory/);
    expect(client.breakerState('llama3.1:8b')).toBe('open');
    fx.clock().advance(10_000);
    fx.standin().setFault({ kind: 'oom', count: 1 });
    await expect(call()).rejects.toThrow(/out of memory/);
    expect(client.breakerState('llama3.1:8b')).toBe('open');
    await expect(call()).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('counts consecutive failed calls only: a call that succeeds after a retry, or a 404, resets the count', async () => {
    const client = breakerClient();
    const call = (model = 'llama3.1:8b') => client.chat({ feature: 'batch', model, template, messages: ask });
    fx.standin().setFault({ kind: 'busy', count: 4 });
    for (let index = 0; index < 2; index += 1) await expect(call()).rejects.toBeInstanceOf(EngineBusyError);
    fx.standin().setFault({ kind: 'busy', count: 1 });
    await expect(call()).resolves.toMatchObject({ retries: 1 });
    fx.standin().setFault({ kind: 'busy', count: 4 });
    for (let index = 0; index < 2; index += 1) await expect(call()).rejects.toBeInstanceOf(EngineBusyError);
    await expect(call('gone:1b')).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(call('gone:1b')).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(call('gone:1b')).rejects.toBeInstanceOf(ModelNotFoundError);
    expect(client.breakerState('llama3.1:8b')).toBe('closed');
    expect(client.breakerState('gone:1b')).toBe('closed');
  });
});
