// /api/chat and /api/generate in the Ollama stand-in: NDJSON streaming, single answers,
// determinism, timing fields, errors, num_predict, and loading/unloading with keep_alive.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Ollama } from 'ollama';
import { startOllamaStandin, type OllamaStandin } from '../support/ollama/index.js';
import { call, readNdjson } from '../support/harness.js';

let ollama: OllamaStandin;
beforeAll(async () => { ollama = await startOllamaStandin(); });
afterAll(async () => { await ollama.close(); });
beforeEach(() => ollama.reset());

const ask = (content: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model: 'llama3.1:8b', messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content }], ...extra,
});

async function loadedNames(): Promise<string[]> {
  const body = (await (await call(ollama.url, '/api/ps')).json()) as { models: Array<{ name: string }> };
  return body.models.map((m) => m.name);
}

describe('ollama stand-in: chat and generate', () => {
  it('streams chat chunks and a final chunk with Ollama\'s statistics', async () => {
    const lines = await readNdjson(await call(ollama.url, '/api/chat', ask('Summarise the candidate.')));
    const chunks = lines.slice(0, -1);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({ model: 'llama3.1:8b', message: { role: 'assistant' }, done: false });
      expect(Number.isNaN(Date.parse(String(chunk.created_at)))).toBe(false);
    }
    const final = lines.at(-1) ?? {};
    expect(final).toMatchObject({ done: true, done_reason: 'stop', message: { role: 'assistant', content: '' } });
    for (const key of ['total_duration', 'load_duration', 'prompt_eval_count', 'prompt_eval_duration', 'eval_count', 'eval_duration']) {
      expect(Number.isInteger(final[key]), key).toBe(true);
    }
    const text = chunks.map((c) => (c.message as { content: string }).content).join('');
    expect(final.eval_count).toBe(Math.ceil(text.length / 4));
    expect(Number(final.total_duration)).toBeGreaterThanOrEqual(Number(final.eval_duration));
  });

  it('answers the same request the same way, streamed or not, and other prompts differently', async () => {
    const streamed = await readNdjson(await call(ollama.url, '/api/chat', ask('Rate this CV.')));
    const streamedText = streamed.map((c) => (c.message as { content: string }).content).join('');
    const single = (await (await call(ollama.url, '/api/chat', ask('Rate this CV.', { stream: false }))).json()) as Record<string, unknown>;
    expect((single.message as { content: string }).content).toBe(streamedText);
    expect(single).toMatchObject({ done: true, done_reason: 'stop' });
    const other = (await (await call(ollama.url, '/api/chat', ask('Something else entirely', { stream: false }))).json()) as Record<string, unknown>;
    expect((other.message as { content: string }).content).not.toBe(streamedText);
  });

  it('generates with `response` chunks and a context array', async () => {
    const lines = await readNdjson(await call(ollama.url, '/api/generate', { model: 'qwen2.5:7b', prompt: 'Why is the sky blue?' }));
    expect(typeof lines[0]?.response).toBe('string');
    const final = lines.at(-1) ?? {};
    expect(final).toMatchObject({ done: true, done_reason: 'stop', response: '' });
    expect(Array.isArray(final.context)).toBe(true);
    const single = (await (await call(ollama.url, '/api/generate', { model: 'qwen2.5:7b', prompt: 'Why is the sky blue?', stream: false })).json()) as Record<string, unknown>;
    expect(single.response).toBe(lines.map((l) => l.response).join(''));
  });

  it('stops at num_predict with done_reason "length"', async () => {
    const single = (await (await call(ollama.url, '/api/generate', {
      model: 'llama3.1:8b', prompt: 'Tell me everything', stream: false, options: { num_predict: 3 },
    })).json()) as Record<string, unknown>;
    expect(single.done_reason).toBe('length');
    expect(String(single.response).trim().split(/\s+/)).toHaveLength(3);
  });

  it('404s an unknown model and 400s chat on an embedding-only model', async () => {
    const missing = await call(ollama.url, '/api/chat', { ...ask('hi'), model: 'ghost:7b' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'model "ghost:7b" not found, try pulling it first' });
    const embedOnly = await call(ollama.url, '/api/chat', { ...ask('hi'), model: 'nomic-embed-text' });
    expect(embedOnly.status).toBe(400);
    expect(await embedOnly.json()).toEqual({ error: '"nomic-embed-text" does not support chat' });
  });

  it('loads with an empty request and unloads with keep_alive 0', async () => {
    const load = (await (await call(ollama.url, '/api/chat', { model: 'llama3.1:8b', messages: [] })).json()) as Record<string, unknown>;
    expect(load).toMatchObject({ model: 'llama3.1:8b', done: true, done_reason: 'load', message: { role: 'assistant', content: '' } });
    expect(await loadedNames()).toEqual(['llama3.1:8b']);
    const unload = (await (await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', keep_alive: 0 })).json()) as Record<string, unknown>;
    expect(unload).toMatchObject({ done: true, done_reason: 'unload', response: '' });
    expect(await loadedNames()).toEqual([]);
  });

  it('unloads right after answering with keep_alive 0 and keeps forever with -1', async () => {
    await call(ollama.url, '/api/chat', ask('hi', { stream: false, keep_alive: 0 }));
    expect(await loadedNames()).toEqual([]);
    await call(ollama.url, '/api/chat', ask('hi', { stream: false, keep_alive: -1 }));
    const ps = (await (await call(ollama.url, '/api/ps')).json()) as { models: Array<{ expires_at: string }> };
    expect(new Date(ps.models[0]?.expires_at ?? 0).getFullYear()).toBeGreaterThan(2200);
    await call(ollama.url, '/api/chat', ask('hi', { stream: false, keep_alive: '10m' }));
    const later = (await (await call(ollama.url, '/api/ps')).json()) as { models: Array<{ expires_at: string }> };
    expect(Date.parse(later.models[0]?.expires_at ?? '') - Date.now()).toBeGreaterThan(9 * 60_000);
    const bad = await call(ollama.url, '/api/chat', ask('hi', { keep_alive: 'soon' }));
    expect(bad.status).toBe(400);
  });

  it('expires a model after its keep_alive', async () => {
    await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', prompt: '', keep_alive: '50ms' });
    expect(await loadedNames()).toEqual(['llama3.1:8b']);
    await expect.poll(loadedNames, { timeout: 5000, interval: 20 }).toEqual([]);
  });

  it('keeps at most OLLAMA_MAX_LOADED_MODELS, evicting the least recently used', async () => {
    ollama.configure({ maxLoadedModels: 1 });
    await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', prompt: '' });
    await call(ollama.url, '/api/generate', { model: 'qwen2.5:7b', prompt: '' });
    expect(await loadedNames()).toEqual(['qwen2.5:7b']);
  });

  it('works with the official ollama-js client', async () => {
    const client = new Ollama({ host: ollama.url });
    expect((await client.list()).models.length).toBe(3);
    let text = '';
    for await (const part of await client.chat({ model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Hello' }], stream: true })) {
      text += part.message.content;
    }
    expect(text.length).toBeGreaterThan(10);
    const generated = await client.generate({ model: 'llama3.1:8b', prompt: 'Hello' });
    expect(generated.done).toBe(true);
    expect((await client.ps()).models[0]?.name).toBe('llama3.1:8b');
    const embedded = await client.embed({ model: 'nomic-embed-text', input: ['a', 'b'] });
    expect(embedded.embeddings).toHaveLength(2);
    await expect(client.chat({ model: 'ghost', messages: [] })).rejects.toThrow(/not found/);
  });
});
