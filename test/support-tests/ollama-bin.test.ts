// The `ollama` stand-in as an executable, started the way the engine starts `ollama serve`:
// OLLAMA_* settings, its log, port conflicts, signals, crashes and the state file.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { OLLAMA_BIN, call, freePort, spawnOllama, type SpawnedOllama } from '../support/harness.js';
import type { StandinState } from '../support/ollama/index.js';

const run = promisify(execFile);
const started: SpawnedOllama[] = [];
const dir = mkdtempSync(join(tmpdir(), 'ollama-standin-'));
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function serve(env: NodeJS.ProcessEnv): Promise<SpawnedOllama> {
  const server = await spawnOllama(env);
  started.push(server);
  return server;
}

describe('ollama stand-in executable', () => {
  it('prints its version', async () => {
    const { stdout } = await run(OLLAMA_BIN, ['--version'], { cwd: tmpdir() });
    expect(stdout).toBe('ollama version is 0.12.3\n');
  });

  it('serves on OLLAMA_HOST with the OLLAMA_* settings, logs like Ollama, stops on SIGTERM', async () => {
    const port = await freePort();
    const server = await serve({
      OLLAMA_HOST: `http://127.0.0.1:${port}`, OLLAMA_NUM_PARALLEL: '2', OLLAMA_MAX_QUEUE: '7', OLLAMA_KEEP_ALIVE: '-1',
      OLLAMA_MAX_LOADED_MODELS: '2', OLLAMA_FLASH_ATTENTION: '1', OLLAMA_KV_CACHE_TYPE: 'q8_0', OLLAMA_CONTEXT_LENGTH: '8192',
      OLLAMA_STANDIN_INSTALLED: 'llama3.1:8b', OLLAMA_STANDIN_LATENCY_MS: '1',
    });
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    expect(server.log()).toContain(`Listening on 127.0.0.1:${port} (version 0.12.3)`);
    const state = (await (await call(server.url, '/__standin/state')).json()) as StandinState;
    expect(state.config).toMatchObject({
      numParallel: 2, maxQueue: 7, keepAlive: '-1', maxLoadedModels: 2, flashAttention: true, kvCacheType: 'q8_0', contextLength: 8192, tokenLatencyMs: 1,
    });
    expect(state.installed).toEqual(['llama3.1:8b']);
    expect(state.pid).toBe(server.child.pid);
    const lines = (await (await call(server.url, '/api/chat', { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'hi' }] })).text()).trim().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ done: true });
    // The access line is written when the response closes: it may trail the body a little.
    await expect.poll(() => server.log()).toMatch(/\[GIN\] .* \| 200 \| .* \| POST +"\/api\/chat"/);
    expect(await server.stop()).toBe(0);
  }, 30_000);

  it('exits 1 with Ollama\'s message when the port is taken', async () => {
    const first = await serve({});
    const port = new URL(first.url).port;
    const second = await run(OLLAMA_BIN, ['serve'], { env: { ...process.env, OLLAMA_HOST: `127.0.0.1:${port}` } })
      .then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Error: listen tcp 127.0.0.1:${port}: bind: address already in use`);
  }, 30_000);

  it('exits on a crash fault and keeps pulled models on "disk" across restarts', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await serve({ OLLAMA_STANDIN_STATE_FILE: stateFile });
    expect((await call(first.url, '/api/pull', { model: 'mistral:7b', stream: false })).status).toBe(200);
    await call(first.url, '/__standin/fault', { kind: 'crash' });
    await expect(call(first.url, '/api/chat', { model: 'mistral:7b', messages: [] })).rejects.toThrow();
    expect(await first.exited).toBe(2);
    expect(first.log()).toContain('runner terminated');

    const second = await serve({ OLLAMA_STANDIN_STATE_FILE: stateFile });
    const tags = (await (await call(second.url, '/api/tags')).json()) as { models: Array<{ name: string }> };
    expect(tags.models.map((m) => m.name)).toContain('mistral:7b');
    expect(await (await call(second.url, '/api/ps')).json()).toEqual({ models: [] });
  }, 30_000);
});
