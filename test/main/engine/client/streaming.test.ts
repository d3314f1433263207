import { describe, expect, it, vi } from 'vitest';
import { CallCancelledError } from '../../../../main/engine/client/errors';
import { readCalls } from '../../../../main/engine/client/recorder';
import type { CallRecord } from '../../../../main/engine/client/types';
import { template, useClientFixture } from './client-fixture';

describe('LLM client: streaming, recording, cancelling', () => {
  const fx = useClientFixture();

  it('streams chat tokens in order and records the final stats of the call', async () => {
    const client = fx.client();
    const heard: CallRecord[] = [];
    client.onCallRecorded((record) => heard.push(record));
    const tokens: string[] = [];
    const result = await client.chat({
      feature: 'interviews', model: 'llama3.1:8b', template,
      messages: [{ role: 'system', content: 'You are an interviewer.' }, { role: 'user', content: 'Ask me about teamwork.' }],
      options: { temperature: 0.2 },
      onToken: (token) => tokens.push(token),
    });
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe(result.text);
    expect(result.doneReason).toBe('stop');
    expect(result.value).toBeUndefined();
    expect(result.stats.tokensIn).toBeGreaterThan(0);
    expect(result.stats.tokensOut).toBeGreaterThan(0);
    expect(result.stats.evalDurationNs).toBeGreaterThan(0);
    expect(result.stats.ttftMs).not.toBeNull();
    expect(result.stats.latencyMs).toBeGreaterThanOrEqual(result.stats.ttftMs!);

    const [row] = readCalls(fx.db());
    expect(row).toMatchObject({
      id: result.callId, feature: 'interviews', operation: 'chat', model: 'llama3.1:8b', templateId: 'test.prompt', templateVersion: '3',
      options: { temperature: 0.2, num_ctx: 8192, keep_alive: '5m' }, tokensIn: result.stats.tokensIn, tokensOut: result.stats.tokensOut,
      cacheHit: false, retries: 0, repaired: false, outcome: 'ok', errorMessage: null, startedAt: fx.clock().now(),
    });
    expect(row!.evalDurationNs).toBe(result.stats.evalDurationNs);
    expect(row!.estimatedTokensIn).toBeGreaterThan(0);
    expect(heard).toEqual([row]);
  });

  it('sends num_ctx explicitly: the stand-in loads the model with the context asked for, not its own 4k default', async () => {
    const client = fx.client({ defaults: () => ({ numCtx: 6144, keepAlive: -1 }) });
    await client.generate({ feature: 'pricing', model: 'qwen2.5:7b', template, prompt: 'Price a data analyst in Lyon.' });
    const loaded = fx.standin().state().loaded.find((model) => model.name === 'qwen2.5:7b');
    expect(loaded?.contextLength).toBe(6144);
    expect(loaded?.expiresAt).toBeNull(); // keep_alive -1 went through too
  });

  it('streams generate and records it as such', async () => {
    const client = fx.client();
    const tokens: string[] = [];
    const result = await client.generate({
      feature: 'skills', model: 'llama3.1:8b', template, system: 'Be brief.', prompt: 'Summarise the evidence.', onToken: (t) => tokens.push(t),
    });
    expect(tokens.join('')).toBe(result.text);
    expect(readCalls(fx.db())[0]).toMatchObject({ operation: 'generate', feature: 'skills', outcome: 'ok' });
  });

  it('embeds several inputs in one call and records the prompt tokens', async () => {
    const client = fx.client();
    const result = await client.embed({ feature: 'skills', model: 'nomic-embed-text', input: ['empathy under pressure', 'budget planning'] });
    expect(result.embeddings).toHaveLength(2);
    expect(result.embeddings[0]).toHaveLength(768);
    expect(readCalls(fx.db())[0]).toMatchObject({ operation: 'embed', templateId: null, tokensIn: result.stats.tokensIn, tokensOut: 0, outcome: 'ok' });
    expect(result.stats.tokensIn).toBeGreaterThan(0);
  });

  it('cancels mid-stream: no more tokens, a CallCancelledError, the call recorded as cancelled, the server slot freed', async () => {
    fx.standin().configure({ tokenLatencyMs: 5 });
    const client = fx.client();
    const controller = new AbortController();
    const tokens: string[] = [];
    const call = client.chat({
      feature: 'interviews', model: 'llama3.1:8b', template, messages: [{ role: 'user', content: 'Tell me a long story.' }],
      signal: controller.signal,
      onToken: (token) => {
        tokens.push(token);
        if (tokens.length === 3) controller.abort();
      },
    });
    await expect(call).rejects.toBeInstanceOf(CallCancelledError);
    expect(tokens).toHaveLength(3);
    expect(readCalls(fx.db())[0]).toMatchObject({ outcome: 'cancelled', retries: 0 });
    await vi.waitFor(() => expect(fx.standin().state().activeRequests).toBe(0));
    expect(client.breakerState('llama3.1:8b')).toBe('closed');
  });

  it('refuses at once a call whose signal was already aborted, sending nothing', async () => {
    const client = fx.client();
    await expect(client.chat({
      feature: 'batch', model: 'llama3.1:8b', template, messages: [{ role: 'user', content: 'hi' }], signal: AbortSignal.abort(),
    })).rejects.toBeInstanceOf(CallCancelledError);
    expect(fx.inferenceRequests()).toBe(0);
  });

  it('deletes recorded calls older than the retention period', async () => {
    const client = fx.client();
    const ask = () => client.generate({ feature: 'batch', model: 'llama3.1:8b', template, prompt: 'Evaluate.' });
    await ask();
    fx.clock().advance(10 * 86_400_000);
    await ask();
    expect(client.pruneCalls(7)).toBe(1);
    expect(readCalls(fx.db())).toHaveLength(1);
  });
});
