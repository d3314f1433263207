import { describe, expect, it, vi } from 'vitest';
import { createLlmClient } from '../../../../main/engine/client/client';
import {
  EngineBusyError, EngineError, EngineOutOfMemoryError, EngineUnavailableError, ModelNotFoundError, StreamCutError,
} from '../../../../main/engine/client/errors';
import { readCalls } from '../../../../main/engine/client/recorder';
import type { RetryNotice } from '../../../../main/engine/client/types';
import { freePort } from '../../../support/harness';
import { startOllamaStandin } from '../../../support/ollama/index';
import { FakeClock, template, useClientFixture } from './client-fixture';

const question = [{ role: 'user' as const, content: 'Rate this candidate for the analyst role.' }];

describe('LLM client: retries and error classes', () => {
  const fx = useClientFixture();

  it('retries a 503 with exponential backoff and full jitter, then succeeds', async () => {
    fx.standin().setFault({ kind: 'busy', count: 2 });
    const notices: RetryNotice[] = [];
    const result = await fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question, onRetry: (n) => notices.push(n) });
    expect(result.retries).toBe(2);
    // random() = 0.5 and base 100 ms: half of 100, then half of 200.
    expect(fx.clock().sleeps).toEqual([50, 100]);
    expect(notices.map((n) => [n.attempt, n.reason, n.delayMs, n.discardDelivered])).toEqual([[1, 'engine-busy', 50, false], [2, 'engine-busy', 100, false]]);
    expect(fx.inferenceRequests()).toBe(3);
    expect(readCalls(fx.db())[0]).toMatchObject({ retries: 2, outcome: 'ok' });
  });

  it('caps the backoff at maxDelayMs', async () => {
    fx.standin().setFault({ kind: 'busy', count: 5 });
    const client = fx.client({ random: () => 0.999, retry: { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 300 } });
    await client.chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question });
    expect(fx.clock().sleeps).toEqual([99, 199, 299, 299, 299]);
  });

  it('gives up with EngineBusyError when the real queue stays full', async () => {
    const standin = fx.standin();
    standin.configure({ numParallel: 1, maxQueue: 0, paused: true });
    const client = fx.client({ retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 100 } });
    const holder = client.chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: [{ role: 'user', content: 'first' }] });
    await vi.waitFor(() => expect(standin.state().activeRequests).toBe(1));
    const refused = client.chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question });
    await expect(refused).rejects.toBeInstanceOf(EngineBusyError);
    await expect(refused).rejects.toThrow(/busy .*try again shortly/);
    standin.configure({ paused: false });
    await expect(holder).resolves.toMatchObject({ retries: 0 });
    const outcomes = readCalls(fx.db()).map((call) => [call.outcome, call.retries]);
    expect(outcomes).toEqual(expect.arrayContaining([['engine-busy', 2], ['ok', 0]]));
  });

  it('retries silently a stream cut before anything reached the caller', async () => {
    const clean = await fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question });
    fx.standin().setFault({ kind: 'cut', afterChunks: 0, paths: ['/api/chat'] });
    const tokens: string[] = [];
    const result = await fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question, onToken: (t) => tokens.push(t) });
    expect(result.retries).toBe(1);
    expect(result.text).toBe(clean.text);
    expect(tokens.join('')).toBe(clean.text);
  });

  it('raises StreamCutError for a cut after tokens were delivered when the caller cannot be told to restart', async () => {
    fx.standin().setFault({ kind: 'cut', afterChunks: 2, paths: ['/api/chat'] });
    const tokens: string[] = [];
    const call = fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question, onToken: (t) => tokens.push(t) });
    await expect(call).rejects.toBeInstanceOf(StreamCutError);
    expect(tokens).toHaveLength(2);
    expect(fx.inferenceRequests()).toBe(1);
    expect(readCalls(fx.db())[0]).toMatchObject({ outcome: 'stream-cut', retries: 0 });
  });

  it('restarts a stream cut mid-way cleanly when the caller passed onRetry, telling it to discard', async () => {
    const clean = await fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question });
    fx.standin().setFault({ kind: 'cut', afterChunks: 3, paths: ['/api/chat'] });
    let shown: string[] = [];
    const notices: RetryNotice[] = [];
    const result = await fx.client().chat({
      feature: 'batch', model: 'llama3.1:8b', template, messages: question,
      onToken: (t) => shown.push(t),
      onRetry: (notice) => {
        notices.push(notice);
        if (notice.discardDelivered) shown = [];
      },
    });
    expect(notices).toMatchObject([{ attempt: 1, reason: 'stream-cut', discardDelivered: true }]);
    expect(shown.join('')).toBe(clean.text);
    expect(result.text).toBe(clean.text);
    expect(result.retries).toBe(1);
  });

  it('says Ollama is not running, in words a person can act on, when nothing listens', async () => {
    const port = await freePort();
    const client = fx.client({ host: () => `http://127.0.0.1:${port}`, retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 100 } });
    const call = client.chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question });
    await expect(call).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(call).rejects.toThrow(`Ollama is not running at http://127.0.0.1:${port}: start it (ollama serve), or set OLLAMA_HOST`);
    expect(readCalls(fx.db())[0]).toMatchObject({ outcome: 'engine-unavailable', retries: 2 });
  });

  it('ends as EngineUnavailableError when the server crashes during the call and stays down', async () => {
    const doomed = await startOllamaStandin();
    try {
      doomed.setFault({ kind: 'crash' });
      const client = createLlmClient({
        db: fx.db(), host: () => doomed.url, defaults: () => ({ numCtx: 4096, keepAlive: '5m' }), clock: new FakeClock(), random: () => 0,
      });
      const call = client.generate({ feature: 'batch', model: 'llama3.1:8b', template, prompt: 'Evaluate.' });
      await expect(call).rejects.toBeInstanceOf(EngineUnavailableError);
      expect(readCalls(fx.db())[0]).toMatchObject({ outcome: 'engine-unavailable', retries: 3 });
    } finally {
      await doomed.close();
    }
  });

  it.each([
    ['oom', undefined, 'CUDA error: out of memory'],
    ['system-memory', undefined, 'model requires more system memory'],
    ['oom', 'llama runner process has terminated: exit status 2', 'llama runner process has terminated'],
  ] as const)('classifies the %s answer (%s) as EngineOutOfMemoryError, without retrying', async (kind, message, expected) => {
    fx.standin().setFault({ kind, ...(message ? { message } : {}) });
    const call = fx.client().chat({ feature: 'batch', model: 'llama3.1:8b', template, messages: question });
    await expect(call).rejects.toBeInstanceOf(EngineOutOfMemoryError);
    await expect(call).rejects.toThrow(expected);
    expect(fx.inferenceRequests()).toBe(1);
    expect(readCalls(fx.db())[0]).toMatchObject({ outcome: 'out-of-memory', retries: 0 });
  });

  it('classifies out-of-memory reported by an error line in the middle of a stream', async () => {
    fx.standin().setFault({ kind: 'error-line', afterChunks: 2, message: 'llama runner process has terminated: CUDA error: out of memory' });
    const call = fx.client().generate({ feature: 'batch', model: 'llama3.1:8b', template, prompt: 'Evaluate.', onToken: () => undefined });
    await expect(call).rejects.toBeInstanceOf(EngineOutOfMemoryError);
  });

  it('reports any other error line as EngineError, not retried', async () => {
    fx.standin().setFault({ kind: 'error-line', afterChunks: 1 });
    const call = fx.client().generate({ feature: 'batch', model: 'llama3.1:8b', template, prompt: 'Evaluate.' });
    await expect(call).rejects.toBeInstanceOf(EngineError);
    await expect(call).rejects.toThrow(/illegal memory access/);
    expect(readCalls(fx.db())[0]).toMatchObject({ outcome: 'engine-error', retries: 0 });
  });

  it('says a missing model should be pulled first (404), without retrying', async () => {
    const call = fx.client().chat({ feature: 'batch', model: 'phi4:14b', template, messages: question });
    await expect(call).rejects.toBeInstanceOf(ModelNotFoundError);
    await expect(call).rejects.toThrow(/phi4:14b is not installed.*try pulling it first/);
    expect(readCalls(fx.db())[0]).toMatchObject({ outcome: 'model-not-found', retries: 0 });
  });
});
