// The Ollama stand-in's management API, in process: version, tags, ps, show, delete, and the
// HTTP behaviour around them (unknown paths, bad bodies, the root health answer).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOllamaStandin, type OllamaStandin } from '../support/ollama/index.js';
import { call } from '../support/harness.js';

let ollama: OllamaStandin;
beforeAll(async () => { ollama = await startOllamaStandin(); });
afterAll(async () => { await ollama.close(); });
beforeEach(() => ollama.reset());

describe('ollama stand-in: management endpoints', () => {
  it('answers the root and /api/version like Ollama', async () => {
    expect(await (await call(ollama.url, '/')).text()).toBe('Ollama is running');
    expect(await (await call(ollama.url, '/api/version')).json()).toEqual({ version: '0.12.3' });
    ollama.configure({ version: '0.13.0' });
    expect(await (await call(ollama.url, '/api/version')).json()).toEqual({ version: '0.13.0' });
  });

  it('lists the default installed models with Ollama\'s fields', async () => {
    const body = (await (await call(ollama.url, '/api/tags')).json()) as { models: Array<Record<string, unknown>> };
    expect(body.models.map((m) => m.name)).toEqual(['llama3.1:8b', 'qwen2.5:7b', 'nomic-embed-text:latest']);
    const llama = body.models[0];
    expect(llama).toMatchObject({ model: 'llama3.1:8b', size: 4_920_753_328 });
    expect(llama?.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isNaN(Date.parse(String(llama?.modified_at)))).toBe(false);
    expect(llama?.details).toEqual({
      parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '8.0B', quantization_level: 'Q4_K_M',
    });
  });

  it('takes the installed list from the options', async () => {
    const other = await startOllamaStandin({ installed: ['mistral:7b'] });
    try {
      const body = (await (await call(other.url, '/api/tags')).json()) as { models: Array<{ name: string }> };
      expect(body.models.map((m) => m.name)).toEqual(['mistral:7b']);
    } finally {
      await other.close();
    }
  });

  it('shows model details, with a 404 for unknown models', async () => {
    const res = await call(ollama.url, '/api/show', { model: 'llama3.1:8b' });
    expect(res.status).toBe(200);
    const show = (await res.json()) as Record<string, unknown>;
    expect(show.model_info).toMatchObject({ 'general.architecture': 'llama', 'llama.context_length': 131072 });
    expect(show).toHaveProperty('template');
    expect(show).toHaveProperty('parameters');
    expect(show.capabilities).toContain('completion');
    const missing = await call(ollama.url, '/api/show', { model: 'nope:1b' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "model 'nope:1b' not found" });
  });

  it('resolves a name without a tag to :latest', async () => {
    const res = await call(ollama.url, '/api/show', { model: 'nomic-embed-text' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { capabilities: string[] }).capabilities).toEqual(['embedding']);
  });

  it('deletes a model (200, empty body) and 404s the second time', async () => {
    const first = await call(ollama.url, '/api/delete', { model: 'qwen2.5:7b' }, 'DELETE');
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('');
    const tags = (await (await call(ollama.url, '/api/tags')).json()) as { models: Array<{ name: string }> };
    expect(tags.models.map((m) => m.name)).not.toContain('qwen2.5:7b');
    const second = await call(ollama.url, '/api/delete', { model: 'qwen2.5:7b' }, 'DELETE');
    expect(second.status).toBe(404);
    expect(await second.json()).toEqual({ error: "model 'qwen2.5:7b' not found" });
  });

  it('reports loaded models in /api/ps with size_vram, expiry and context length', async () => {
    expect(await (await call(ollama.url, '/api/ps')).json()).toEqual({ models: [] });
    await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', prompt: '', options: { num_ctx: 8192 } });
    const ps = (await (await call(ollama.url, '/api/ps')).json()) as { models: Array<Record<string, unknown>> };
    expect(ps.models).toHaveLength(1);
    const loaded = ps.models[0] ?? {};
    expect(loaded).toMatchObject({ name: 'llama3.1:8b', model: 'llama3.1:8b', context_length: 8192 });
    expect(loaded.size_vram).toBe(loaded.size);
    expect(Number(loaded.size)).toBeGreaterThan(4_920_753_328); // weights plus KV cache
    const expires = Date.parse(String(loaded.expires_at)) - Date.now();
    expect(expires).toBeGreaterThan(4 * 60_000);
    expect(expires).toBeLessThanOrEqual(5 * 60_000);
  });

  it('offloads a model larger than the card partly to the CPU', async () => {
    ollama.configure({ pullBytesPerSec: 1e12 });
    await call(ollama.url, '/api/pull', { model: 'llama3.1:70b', stream: false });
    await call(ollama.url, '/api/generate', { model: 'llama3.1:70b', prompt: '' });
    const ps = (await (await call(ollama.url, '/api/ps')).json()) as { models: Array<{ size: number; size_vram: number }> };
    const big = ps.models[0];
    expect(big?.size_vram).toBeGreaterThan(0);
    expect(big?.size_vram).toBeLessThan(big?.size ?? 0);
    expect(big?.size_vram).toBeLessThanOrEqual(16376 * 1024 * 1024 - 512 * 1024 * 1024);
  });

  it('answers unknown paths with 404 and bad bodies with 400 {"error"}', async () => {
    const unknown = await call(ollama.url, '/api/nothing');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('404 page not found');
    const wrongMethod = await call(ollama.url, '/api/tags', {});
    expect(wrongMethod.status).toBe(404);
    const bad = await fetch(`${ollama.url}/api/chat`, { method: 'POST', body: '{"model": ' });
    expect(bad.status).toBe(400);
    expect(typeof ((await bad.json()) as { error: unknown }).error).toBe('string');
    const empty = await fetch(`${ollama.url}/api/chat`, { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'missing request body' });
    const noModel = await call(ollama.url, '/api/chat', { messages: [] });
    expect(noModel.status).toBe(400);
    expect(await noModel.json()).toEqual({ error: 'model is required' });
  });

  it('logs requests (not control calls) in its state', async () => {
    await call(ollama.url, '/api/tags');
    await call(ollama.url, '/api/show', { model: 'llama3.1:8b' });
    const state = ollama.state();
    expect(state.requestCount).toBe(2);
    expect(state.requests).toEqual([
      { method: 'GET', path: '/api/tags', status: 200 },
      { method: 'POST', path: '/api/show', status: 200, model: 'llama3.1:8b' },
    ]);
  });
});
