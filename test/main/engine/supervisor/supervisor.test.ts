import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OllamaSupervisor, type SupervisorOptions } from '../../../../main/engine/supervisor/supervisor';
import type { SupervisorState } from '../../../../main/engine/supervisor/schema';
import { defaultSettings, type Settings } from '../../../../main/settings/schema';
import { freePort, OLLAMA_BIN, spawnOllama, type SpawnedOllama } from '../../../support/harness';
import { useTempDirs } from '../../../support/temp-dir';

const answers = async (host: string) => {
  try {
    return (await fetch(`${host}/api/version`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
};

const standinConfig = async (host: string) =>
  ((await (await fetch(`${host}/__standin/state`)).json()) as { pid: number; config: Record<string, unknown> });

describe('OllamaSupervisor', () => {
  const tempDir = useTempDirs();
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function supervise(host: string, overrides: Partial<SupervisorOptions> = {}, settings: () => Settings = defaultSettings) {
    const states: SupervisorState[] = [];
    const supervisor = new OllamaSupervisor({
      host: () => host,
      settings,
      dataDir: tempDir(),
      env: { ...process.env, OLLAMA_BIN },
      backoffBaseMs: 50,
      onState: (state) => states.push(state),
      ...overrides,
    });
    cleanups.push(() => supervisor.stop());
    return { supervisor, states };
  }

  async function runningStandin(): Promise<SpawnedOllama> {
    const standin = await spawnOllama();
    cleanups.push(() => standin.stop());
    return standin;
  }

  it('attaches to a server already answering and leaves it running on stop', async () => {
    const standin = await runningStandin();
    let settings = defaultSettings();
    const { supervisor } = supervise(standin.url, {}, () => settings);
    expect((await supervisor.start()).mode).toBe('attached');
    expect(supervisor.current()).toMatchObject({ canRestart: false, restartNeeded: [] });
    settings = { ...settings, contextLength: 32768 };
    // The analyst's own Ollama needs their restart: the app says which variable changed.
    expect(supervisor.current()).toMatchObject({ canRestart: false, restartNeeded: ['OLLAMA_CONTEXT_LENGTH'] });
    await supervisor.stop();
    expect(await answers(standin.url)).toBe(true);
  });

  it('starts ollama serve with the settings as Ollama variables, logs its output, and stops it on quit', async () => {
    const host = `http://127.0.0.1:${await freePort()}`;
    const settings = { ...defaultSettings(), parallelSlots: 3, contextLength: 16384 };
    const { supervisor } = supervise(host, {}, () => settings);
    const state = await supervisor.start();
    expect(state).toMatchObject({ mode: 'managed', binary: OLLAMA_BIN, canRestart: true, restartNeeded: [] });
    const running = await standinConfig(host);
    expect(running.pid).toBe(state.pid);
    expect(running.config).toMatchObject({ numParallel: 3, contextLength: 16384 });
    expect(readFileSync(state.logFile!, 'utf8')).toMatch(/Listening on 127\.0\.0\.1:\d+/);
    await supervisor.stop();
    expect(supervisor.current().mode).toBe('stopped');
    expect(await answers(host)).toBe(false);
  });

  it('restarts a server that dies, with backoff, and says so', async () => {
    const host = `http://127.0.0.1:${await freePort()}`;
    const restarts: string[] = [];
    const { supervisor, states } = supervise(host, { onRestarted: (reason) => restarts.push(reason) });
    const first = await supervisor.start();
    process.kill(first.pid!, 'SIGKILL');
    await expect.poll(() => restarts.length, { timeout: 20_000 }).toBe(1);
    const now = supervisor.current();
    expect(now).toMatchObject({ mode: 'managed', restarts: 1 });
    expect(now.pid).not.toBe(first.pid);
    expect(states.some((state) => state.mode === 'restarting' && /restarting in/.test(state.message ?? ''))).toBe(true);
    expect(await answers(host)).toBe(true);
  });

  it('gives up after a bounded number of restarts of a server that keeps dying', async () => {
    const dir = tempDir();
    const crashing = join(dir, 'ollama');
    writeFileSync(crashing, '#!/bin/sh\necho "Error: something is wrong" >&2\nexit 1\n');
    chmodSync(crashing, 0o755);
    const host = `http://127.0.0.1:${await freePort()}`;
    const { supervisor } = supervise(host, { env: { ...process.env, OLLAMA_BIN: crashing }, maxRestarts: 2, backoffBaseMs: 10 });
    await supervisor.start();
    await expect.poll(() => supervisor.current().mode, { timeout: 10_000 }).toBe('failed');
    expect(supervisor.current()).toMatchObject({ restarts: 2, message: expect.stringMatching(/stopped 3 times in a row/) });
    expect(readFileSync(supervisor.current().logFile!, 'utf8')).toContain('Error: something is wrong');
  });

  it('never restarts while the app is quitting', async () => {
    const host = `http://127.0.0.1:${await freePort()}`;
    const { supervisor, states } = supervise(host);
    await supervisor.start();
    await supervisor.stop();
    expect(states.map((state) => state.mode)).not.toContain('restarting');
    expect(supervisor.current()).toMatchObject({ mode: 'stopped', pid: null });
  });

  it('says plainly when Ollama is not installed', async () => {
    const host = `http://127.0.0.1:${await freePort()}`;
    const { supervisor } = supervise(host, { env: { PATH: tempDir(), OLLAMA_BIN: '' } });
    const state = await supervisor.start();
    expect(state.mode).toBe('missing');
    expect(state.message).toMatch(/Ollama is not installed or not found \(looked on PATH and in \/usr\/local\/bin\/ollama, .*\)\. Install it from https:\/\/ollama\.com\/download, or set OLLAMA_BIN/);
  });

  it('attaches to a server that holds the port but is too busy to answer, rather than starting a second', async () => {
    const busy = createServer(() => {}); // accepts connections, never answers
    const port = await new Promise<number>((resolve) => busy.listen(0, '127.0.0.1', () => resolve((busy.address() as AddressInfo).port)));
    cleanups.push(() => new Promise((resolve) => busy.close(resolve)));
    const { supervisor } = supervise(`http://127.0.0.1:${port}`, { ping: () => Promise.resolve(false) });
    const state = await supervisor.start();
    expect(state).toMatchObject({ mode: 'attached', pid: null, message: expect.stringMatching(/did not answer in time/) });
  });

  it('does not try to start a server for a remote host', async () => {
    // The ping is replaced: tests never send traffic beyond loopback.
    const { supervisor } = supervise('http://gpu-box.lan:11434', { ping: () => Promise.resolve(false) });
    const state = await supervisor.start();
    expect(state).toMatchObject({ mode: 'remote-unreachable', canRestart: false });
  });

  it('lists the variables a settings change would alter, and applies them on restart', async () => {
    const host = `http://127.0.0.1:${await freePort()}`;
    let settings = defaultSettings();
    const { supervisor } = supervise(host, {}, () => settings);
    await supervisor.start();
    settings = { ...settings, parallelSlots: 1, kvCacheType: 'q4_0' };
    expect(supervisor.current().restartNeeded.sort()).toEqual(['OLLAMA_KV_CACHE_TYPE', 'OLLAMA_NUM_PARALLEL']);
    await supervisor.restart();
    expect(supervisor.current()).toMatchObject({ mode: 'managed', restartNeeded: [] });
    expect((await standinConfig(host)).config).toMatchObject({ numParallel: 1, kvCacheType: 'q4_0' });
  });
});
