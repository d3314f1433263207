import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCalls } from '../../../../main/engine/client/recorder';
import { template, useClientFixture } from './client-fixture';

const ttlMs = 60_000;

describe('LLM client: response cache in SQLite', () => {
  const fx = useClientFixture();
  const ask = (client: ReturnType<typeof fx.client>, content: string, extra: { temperature?: number; onToken?: (t: string) => void } = {}) =>
    client.chat({
      feature: 'pricing', model: 'llama3.1:8b', template, messages: [{ role: 'user', content }], cache: { ttlMs },
      ...(extra.temperature === undefined ? {} : { options: { temperature: extra.temperature } }),
      ...(extra.onToken ? { onToken: extra.onToken } : {}),
    });

  it('answers the second identical call from the cache, sending nothing, and records the hit', async () => {
    const client = fx.client();
    const first = await ask(client, 'Price a senior analyst in Leeds.');
    const shown: string[] = [];
    const second = await ask(client, 'Price a senior analyst in Leeds.', { onToken: (t) => shown.push(t) });
    expect(second.cacheHit).toBe(true);
    expect(second.text).toBe(first.text);
    expect(shown).toEqual([first.text]); // the caller's stream still hears the answer
    expect(fx.inferenceRequests()).toBe(1);
    expect(readCalls(fx.db()).map((call) => [call.cacheHit, call.tokensIn > 0, call.outcome])).toEqual([[false, true, 'ok'], [true, false, 'ok']]);
  });

  it('misses once the time-to-live has passed', async () => {
    const client = fx.client();
    await ask(client, 'Price a recruiter in Porto.');
    fx.clock().advance(ttlMs - 1);
    expect((await ask(client, 'Price a recruiter in Porto.')).cacheHit).toBe(true);
    fx.clock().advance(2);
    expect((await ask(client, 'Price a recruiter in Porto.')).cacheHit).toBe(false);
    expect(fx.inferenceRequests()).toBe(2);
  });

  it('keys by messages and options: a different option is a different answer', async () => {
    const client = fx.client();
    await ask(client, 'Price a nurse in Lille.', { temperature: 0 });
    expect((await ask(client, 'Price a nurse in Lille.', { temperature: 0.7 })).cacheHit).toBe(false);
    expect((await ask(client, 'Price a nurse in Lille!', { temperature: 0 })).cacheHit).toBe(false);
    expect((await ask(client, 'Price a nurse in Lille.', { temperature: 0 })).cacheHit).toBe(true);
  });

  it('leaves calls that did not opt in out of the cache', async () => {
    const client = fx.client();
    const plain = () => client.chat({ feature: 'pricing', model: 'llama3.1:8b', template, messages: [{ role: 'user', content: 'Same words.' }] });
    await plain();
    expect((await plain()).cacheHit).toBe(false);
    expect(fx.db().prepare('SELECT COUNT(*) FROM llm_cache').pluck().get()).toBe(0);
  });

  it('evicts the least recently used entry past the size cap', async () => {
    const client = fx.client({ cache: { maxEntries: 2 } });
    await ask(client, 'A');
    fx.clock().advance(1);
    await ask(client, 'B');
    fx.clock().advance(1);
    expect((await ask(client, 'A')).cacheHit).toBe(true); // A is now more recent than B
    fx.clock().advance(1);
    await ask(client, 'C'); // over the cap: B goes
    fx.clock().advance(1);
    expect(fx.db().prepare('SELECT COUNT(*) FROM llm_cache').pluck().get()).toBe(2);
    expect((await ask(client, 'A')).cacheHit).toBe(true);
    expect((await ask(client, 'C')).cacheHit).toBe(true);
    expect((await ask(client, 'B')).cacheHit).toBe(false);
  });

  it('caps the cache by bytes too', async () => {
    const client = fx.client({ cache: { maxBytes: 1_000 } });
    for (const word of ['one', 'two', 'three', 'four', 'five', 'six']) {
      await ask(client, word);
      fx.clock().advance(1);
    }
    const bytes = fx.db().prepare('SELECT SUM(size_bytes) FROM llm_cache').pluck().get() as number;
    expect(bytes).toBeLessThanOrEqual(1_000);
    expect((await ask(client, 'six')).cacheHit).toBe(true);
  });

  it('caches structured answers and embeddings, keyed by the schema', async () => {
    const client = fx.client();
    const schema = z.object({ salary: z.number().int() });
    const call = (format: z.ZodType) => client.generate({ feature: 'pricing', model: 'llama3.1:8b', template, prompt: 'Salary?', format, cache: { ttlMs } });
    const first = await call(schema);
    expect((await call(schema)).value).toEqual(first.value);
    expect((await call(z.object({ salary: z.number() }))).cacheHit).toBe(false);
    const embed = () => client.embed({ feature: 'skills', model: 'nomic-embed-text', input: 'resilience', cache: { ttlMs } });
    const vectors = await embed();
    const again = await embed();
    expect(again.cacheHit).toBe(true);
    expect(again.embeddings).toEqual(vectors.embeddings);
  });

  it('clears on demand', async () => {
    const client = fx.client();
    await ask(client, 'X');
    expect(client.clearCache()).toBe(1);
    expect((await ask(client, 'X')).cacheHit).toBe(false);
  });
});
