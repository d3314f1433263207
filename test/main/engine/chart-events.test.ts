// The engine's marks on the GPU charts, through the whole core: a model loaded and unloaded, an
// out-of-memory answer, and Ollama restarted by the supervisor all reach `gpu.events`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { freePort, OLLAMA_BIN, spawnOllama, STANDIN_BIN, type SpawnedOllama } from '../../support/harness';
import { useTempDirs } from '../../support/temp-dir';

const model = 'llama3.1:8b';

describe('chart events from the engine', () => {
  const tempDir = useTempDirs();
  const savedPath = process.env.PATH;
  const savedBin = process.env.OLLAMA_BIN;
  let ollama: SpawnedOllama;
  let app: App | null = null;

  beforeAll(async () => {
    // The GPU sampler looks nvidia-smi up on PATH; the supervisor finds Ollama through OLLAMA_BIN.
    process.env.PATH = `${STANDIN_BIN}:${savedPath ?? ''}`;
    process.env.OLLAMA_BIN = OLLAMA_BIN;
    ollama = await spawnOllama();
  });
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(async () => {
    await ollama?.stop();
    process.env.PATH = savedPath;
    if (savedBin === undefined) delete process.env.OLLAMA_BIN;
    else process.env.OLLAMA_BIN = savedBin;
  });

  const since = new Date(Date.now() - 60_000).toISOString();
  const eventsOf = async (core: App): Promise<Array<{ kind: string; detail: string | null }>> => {
    const result = await core.dispatch('gpu.events', { from: since, to: new Date(Date.now() + 60_000).toISOString() });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return (result.value as Array<{ kind: string; detail: string | null }>).map(({ kind, detail }) => ({ kind, detail }));
  };

  /** An app on the shared stand-in, once its monitor has seen the engine (the baseline for changes). */
  const attachedApp = async (): Promise<App> => {
    const core = createApp({ dataDir: tempDir(), ollamaHost: ollama.url, monitor: true, manageEngine: false, runBatches: false }, () => {});
    const seen = new Promise<void>((resolve) => {
      core.bus.subscribe((name, payload) => {
        if (name === 'engine.status' && (payload as { reachable: boolean }).reachable) resolve();
      });
    });
    app = core;
    await seen;
    return core;
  };

  it('marks a model loaded and then unloaded', async () => {
    const core = await attachedApp();
    expect(await core.dispatch('models.pin', { model })).toMatchObject({ ok: true });
    await expect.poll(() => eventsOf(core), { timeout: 5000 }).toContainEqual({ kind: 'model-loaded', detail: model });
    expect(await core.dispatch('models.unload', { model })).toMatchObject({ ok: true });
    await expect.poll(() => eventsOf(core), { timeout: 5000 }).toContainEqual({ kind: 'model-unloaded', detail: model });
    const kinds = (await eventsOf(core)).filter((event) => event.detail === model).map((event) => event.kind);
    expect(kinds).toEqual(['model-loaded', 'model-unloaded']);
  });

  it('marks an out-of-memory answer', async () => {
    const core = await attachedApp();
    const armed = await fetch(`${ollama.url}/__standin/fault`, {
      method: 'POST', body: JSON.stringify({ kind: 'oom' }), headers: { 'Content-Type': 'application/json' },
    });
    expect(armed.status).toBe(200);
    await expect(core.llm.chat({
      feature: 'test', model, template: { id: 't', version: '1' }, messages: [{ role: 'user', content: 'hello' }],
    })).rejects.toThrow();
    await expect.poll(() => eventsOf(core), { timeout: 5000 }).toContainEqual({ kind: 'out-of-memory', detail: `${model} (test)` });
  });

  it('marks Ollama restarted after the server it started dies', async () => {
    const port = await freePort();
    const core = createApp({ dataDir: tempDir(), ollamaHost: `127.0.0.1:${port}`, monitor: true, manageEngine: true, runBatches: false }, () => {});
    app = core;
    const supervisor = async (): Promise<{ mode: string; pid: number | null }> => {
      const result = await core.dispatch('engine.supervisor', {});
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as { mode: string; pid: number | null };
    };
    await expect.poll(supervisor, { timeout: 10_000 }).toMatchObject({ mode: 'managed', pid: expect.any(Number) });
    expect((await eventsOf(core)).map((event) => event.kind)).not.toContain('ollama-restarted');
    process.kill((await supervisor()).pid!, 'SIGKILL');
    await expect.poll(async () => (await eventsOf(core)).map((event) => event.kind), { timeout: 10_000 }).toContain('ollama-restarted');
    expect(await supervisor()).toMatchObject({ mode: 'managed', pid: expect.any(Number) });
  });
});
