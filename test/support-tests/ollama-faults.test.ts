// Faults and overload in the Ollama stand-in: GPU and memory errors, cut streams, error lines,
// a crash, 503 when the queue is full, and the HTTP control side door that arms them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUSY_MESSAGE, startOllamaStandin, type OllamaStandin } from '../support/ollama/index.js';
import { call, readNdjson } from '../support/harness.js';

let ollama: OllamaStandin;
beforeAll(async () => { ollama = await startOllamaStandin(); });
afterAll(async () => { await ollama.close(); });
beforeEach(() => ollama.reset());

const chat = (stream = true): Record<string, unknown> => ({
  model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Assess this profile please' }], stream,
});

describe('ollama stand-in: faults', () => {
  it('fails the next N inference requests with CUDA out of memory, then recovers', async () => {
    ollama.setFault({ kind: 'oom', count: 2 });
    for (let i = 0; i < 2; i += 1) {
      const res = await call(ollama.url, '/api/chat', chat());
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'CUDA error: out of memory' });
    }
    expect((await call(ollama.url, '/api/chat', chat(false))).status).toBe(200);
  });

  it('leaves management endpoints alone unless the fault names them', async () => {
    ollama.setFault({ kind: 'system-memory' });
    expect((await call(ollama.url, '/api/tags')).status).toBe(200);
    const res = await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', prompt: 'x' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'model requires more system memory (12.3 GiB) than is available (8.1 GiB)' });
    ollama.setFault({ kind: 'busy', paths: ['/api/tags'] });
    expect((await call(ollama.url, '/api/tags')).status).toBe(503);
  });

  it('cuts a stream after some chunks (the body read fails) and a single answer outright', async () => {
    ollama.setFault({ kind: 'cut', afterChunks: 3 });
    const res = await call(ollama.url, '/api/chat', chat());
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    ollama.setFault({ kind: 'cut' });
    await expect(call(ollama.url, '/api/chat', chat(false))).rejects.toThrow();
    expect(ollama.state().activeRequests).toBe(0); // the slot came back
  });

  it('ends a stream with an {"error"} line after some chunks', async () => {
    ollama.setFault({ kind: 'error-line', afterChunks: 2, message: 'model runner crashed' });
    const lines = await readNdjson(await call(ollama.url, '/api/chat', chat()));
    expect(lines).toHaveLength(3);
    expect(lines[0]?.done).toBe(false);
    expect(lines[2]).toEqual({ error: 'model runner crashed' });
  });

  it('applies faults to pulls when asked', async () => {
    ollama.setFault({ kind: 'error-line', afterChunks: 1, paths: ['/api/pull'] });
    const lines = await readNdjson(await call(ollama.url, '/api/pull', { model: 'mistral:7b' }));
    expect(lines[0]).toEqual({ status: 'pulling manifest' });
    expect(lines[1]).toHaveProperty('error');
  });

  it('answers 503 when every slot is taken and the queue is full', async () => {
    ollama.configure({ numParallel: 1, maxQueue: 1, paused: true });
    const first = call(ollama.url, '/api/chat', chat(false));
    const second = call(ollama.url, '/api/chat', chat(false));
    await expect.poll(() => [ollama.state().activeRequests, ollama.state().queuedRequests], { timeout: 5000, interval: 10 }).toEqual([1, 1]);
    const third = await call(ollama.url, '/api/chat', chat(false));
    expect(third.status).toBe(503);
    expect(await third.json()).toEqual({ error: BUSY_MESSAGE });
    expect(BUSY_MESSAGE).toBe('server busy, please try again.  maximum pending requests exceeded');
    ollama.configure({ paused: false });
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  it('serves numParallel requests at once', async () => {
    ollama.configure({ numParallel: 2, maxQueue: 0, paused: true });
    const both = [call(ollama.url, '/api/chat', chat(false)), call(ollama.url, '/api/chat', chat(false))];
    await expect.poll(() => ollama.state().activeRequests, { timeout: 5000, interval: 10 }).toBe(2);
    expect((await call(ollama.url, '/api/chat', chat(false))).status).toBe(503);
    ollama.configure({ paused: false });
    expect((await Promise.all(both)).map((r) => r.status)).toEqual([200, 200]);
  });

  it('dies on a crash fault: the request fails and nothing answers afterwards', async () => {
    const doomed = await startOllamaStandin();
    try {
      doomed.setFault({ kind: 'crash' });
      await expect(call(doomed.url, '/api/chat', chat())).rejects.toThrow();
      await expect(call(doomed.url, '/api/version')).rejects.toThrow();
    } finally {
      await doomed.close();
    }
  });
});

describe('ollama stand-in: HTTP control paths', () => {
  it('arms faults, changes config, reports state and resets over /__standin/*', async () => {
    const armed = await call(ollama.url, '/__standin/fault', { kind: 'oom', count: 1 });
    expect(await armed.json()).toEqual({ pendingFaults: [{ kind: 'oom', count: 1 }] });
    expect((await call(ollama.url, '/api/chat', chat())).status).toBe(500);

    const config = (await (await call(ollama.url, '/__standin/config', { numParallel: 3, version: '9.9.9' })).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ numParallel: 3, version: '9.9.9' });
    expect((await call(ollama.url, '/__standin/config', { numParallel: 'x' })).status).toBe(400);
    expect((await call(ollama.url, '/__standin/config', { nope: 1 })).status).toBe(400);
    expect((await call(ollama.url, '/__standin/fault', { kind: 'meteor' })).status).toBe(400);

    await call(ollama.url, '/api/generate', { model: 'llama3.1:8b', prompt: '' });
    const state = (await (await call(ollama.url, '/__standin/state')).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ pid: process.pid, activeRequests: 0, queuedRequests: 0 });
    expect((state.loaded as Array<{ name: string }>).map((m) => m.name)).toEqual(['llama3.1:8b']);
    expect(state.requestCount).toBe(2);

    await call(ollama.url, '/__standin/fault', { kind: 'busy', count: 5 });
    const reset = (await (await call(ollama.url, '/__standin/reset', {})).json()) as Record<string, unknown>;
    expect(reset).toMatchObject({ loaded: [], pendingFaults: [], requestCount: 0 });
    expect(await (await call(ollama.url, '/api/version')).json()).toEqual({ version: '0.12.3' });
    expect((await call(ollama.url, '/__standin/fault', {}, 'DELETE')).status).toBe(200);
  });
});
