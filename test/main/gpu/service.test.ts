import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { GpuGuardEvent, GpuSample } from '../../../main/gpu/schema';
import { createGpuService, type GpuService, type GpuServiceOptions, type GpuServiceSettings } from '../../../main/gpu/service';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NVIDIA_SMI_BIN, STANDIN_BIN } from '../../support/harness';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useTempDirs } from '../../support/temp-dir';
import { isAlive, openGpuDatabase, waitFor } from './helpers';

/**
 * The GPU service against the stand-ins as real processes: the nvidia-smi stand-in found on PATH
 * (test/support/bin first), its memory following the in-process Ollama stand-in's loaded models.
 */
describe('GPU service', () => {
  const tempDir = useTempDirs();
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function startOllama(): Promise<OllamaStandin> {
    const ollama = await startOllamaStandin({});
    cleanups.push(() => ollama.close());
    return ollama;
  }

  function startService(env: NodeJS.ProcessEnv, overrides: Partial<GpuServiceOptions> = {}, settings: Partial<GpuServiceSettings> = {}) {
    const db: Database = openGpuDatabase(tempDir());
    const current: GpuServiceSettings = { gpuSampleIntervalMs: 250, vramWarnPercent: 87.5, vramActMiB: 14336, ...settings };
    // Passed by reference: the sampler reads it on every spawn, so a test can change the stand-in's mode.
    const childEnv: NodeJS.ProcessEnv = { ...process.env, PATH: `${STANDIN_BIN}:${process.env.PATH ?? ''}`, ...env };
    const service: GpuService = createGpuService({
      db,
      settings: () => current,
      env: childEnv,
      processIntervalMs: 300,
      restartBaseMs: 50,
      // System RAM well below its thresholds, so guard events come from VRAM alone whatever this
      // machine is doing; the no-driver test reads the real memory.
      memory: () => ({ totalMiB: 24_000, freeMiB: 16_000 }),
      ...overrides,
    });
    const samples: GpuSample[] = [];
    const guardEvents: GpuGuardEvent[] = [];
    service.onSample((sample) => samples.push(sample));
    service.onGuard((event) => guardEvents.push(event));
    service.start();
    cleanups.push(async () => {
      await service.stop();
      db.close();
    });
    return { service, db, settings: current, samples, guardEvents, childEnv };
  }

  const load = (ollama: OllamaStandin, keepAlive: string | number) =>
    fetch(`${ollama.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'llama3.1:8b', keep_alive: keepAlive }) }).then((res) => res.json());

  it('streams samples from one long-lived nvidia-smi child, VRAM following the models Ollama loads', async () => {
    const ollama = await startOllama();
    const { service, samples } = startService({ OLLAMA_HOST: ollama.url });
    const first = await waitFor(() => samples.find((sample) => sample.vramUsedMiB !== null), 'a GPU sample');
    expect(first).toMatchObject({ vramUsedMiB: 600, vramTotalMiB: 16376, temperatureC: 37, powerDrawW: 13.87, powerLimitW: 320 });
    expect(first.ramTotalMiB).toBeGreaterThan(0);
    expect(first.ramUsedMiB).toBeGreaterThan(0);
    const state = service.latest();
    expect(state).toMatchObject({ available: true, problem: null, gpuCount: 1, device: { index: 0, name: 'NVIDIA GeForce RTX 4080', vramTotalMiB: 16376 } });
    const pid = state.sampler.pid;
    expect(pid).toEqual(expect.any(Number));

    await load(ollama, '5m');
    const loaded = await waitFor(() => samples.find((sample) => (sample.vramUsedMiB ?? 0) > 5000), 'VRAM to rise with the model');
    expect(loaded.vramUsedMiB).toBe(600 + 5205);
    // Many samples, one child: the sampler does not spawn a process per sample.
    await waitFor(() => samples.filter((sample) => sample.vramUsedMiB !== null).length >= 8, 'eight GPU samples');
    expect(service.latest().sampler).toMatchObject({ pid, restarts: 0, intervalMs: 250 });
    expect(service.recent().length).toBe(samples.length);
    expect(service.recent(loaded.at).every((sample) => sample.at > loaded.at)).toBe(true);
  });

  it('reads which process holds the VRAM, and what the desktop holds besides', async () => {
    const ollama = await startOllama();
    const { service } = startService({ OLLAMA_HOST: ollama.url, NVIDIA_SMI_STANDIN_EXTRA_MIB: '700' });
    await load(ollama, '5m');
    const state = await waitFor(() => {
      const latest = service.latest();
      return latest.processes.length === 2 && (latest.sample?.vramUsedMiB ?? 0) > 6000 ? latest : null;
    }, 'the process table with Ollama in it');
    expect(state.processes).toEqual([
      { pid: expect.any(Number), name: '/usr/local/bin/ollama', usedMiB: 5205 },
      { pid: 51002, name: 'python3', usedMiB: 700 },
    ]);
    expect(state.processesAt).toEqual(expect.any(Number));
    expect(state.otherVramMiB).toBe(600); // Xorg and gnome-shell, graphics processes the compute query leaves out
  });

  it('without a driver says so plainly, keeps sampling system RAM, and finds the GPU when it comes back', async () => {
    const { service, samples, db, childEnv } = startService({ NVIDIA_SMI_STANDIN_MODE: 'no-driver', OLLAMA_HOST: '127.0.0.1:9' }, { redetectMs: 300, memory: undefined });
    const state = await waitFor(() => (service.latest().problem !== null ? service.latest() : null), 'the sampler to give up on the GPU');
    expect(state).toMatchObject({ available: false, device: null, gpuCount: 0, processes: [], otherVramMiB: null });
    expect(state.problem).toBe('The NVIDIA driver is not answering (nvidia-smi failed): models run on the CPU until it is fixed.');
    await waitFor(() => samples.length >= 3, 'RAM-only samples');
    for (const sample of samples) {
      expect(sample).toMatchObject({ vramUsedMiB: null, powerDrawW: null });
      expect(sample.ramTotalMiB).toBeGreaterThan(0);
    }
    expect(service.energyWh(0, Date.now())).toBeNull();

    // The driver comes back: the next detection (every redetectMs) finds the card.
    delete childEnv.NVIDIA_SMI_STANDIN_MODE;
    await waitFor(() => service.latest().available, 'the GPU to be found on a later look');
    const kinds = db.prepare("SELECT kind FROM gpu_events WHERE kind LIKE 'gpu-%' ORDER BY id").pluck().all();
    expect(kinds).toEqual(['gpu-unavailable', 'gpu-available']);
  });

  it('reports a missing nvidia-smi as no NVIDIA GPU', async () => {
    const { service } = startService({}, { nvidiaSmi: '/nonexistent/bin/nvidia-smi' });
    const state = await waitFor(() => (service.latest().problem !== null ? service.latest() : null), 'the missing tool to be noticed');
    expect(state.problem).toBe('No NVIDIA GPU found (nvidia-smi is not installed): models run on the CPU, more slowly.');
    expect(service.events('1970-01-01T00:00:00Z', new Date(Date.now() + 1000).toISOString())).toEqual([
      expect.objectContaining({ kind: 'gpu-unavailable', detail: state.problem }),
    ]);
  });

  it('starts the sampler child again when it is killed', async () => {
    const { service, samples } = startService({ OLLAMA_HOST: '127.0.0.1:9' });
    const pid = await waitFor(() => service.latest().sampler.pid, 'the sampler child');
    process.kill(pid, 'SIGKILL');
    const next = await waitFor(() => {
      const sampler = service.latest().sampler;
      return sampler.pid !== null && sampler.pid !== pid ? sampler : null;
    }, 'a new sampler child');
    expect(next.restarts).toBe(1);
    const countAfterRestart = samples.length;
    await waitFor(() => samples.slice(countAfterRestart).some((sample) => sample.vramUsedMiB !== null), 'samples from the new child');
    expect(service.latest().available).toBe(true);
    expect(isAlive(pid)).toBe(false);
  });

  it('gives up after five failures in a row, saying why, and keeps sampling RAM', async () => {
    // An nvidia-smi that answers the detection but whose streaming child dies at once.
    const dir = tempDir();
    const flaky = join(dir, 'nvidia-smi');
    writeFileSync(flaky, `#!/bin/sh\nfor a in "$@"; do [ "$a" = "-lms" ] && { echo "Invalid combination of input arguments."; exit 2; }; done\nexec "${NVIDIA_SMI_BIN}" "$@"\n`);
    chmodSync(flaky, 0o755);
    const { service, samples } = startService({ OLLAMA_HOST: '127.0.0.1:9' }, { nvidiaSmi: flaky, restartBaseMs: 10 });
    const state = await waitFor(() => (service.latest().problem !== null ? service.latest() : null), 'the sampler to give up', 30_000);
    expect(state.problem).toBe('nvidia-smi keeps stopping (exit code 2: Invalid combination of input arguments.): GPU sampling is paused and tried again every minute.');
    expect(state).toMatchObject({ available: false, sampler: { restarts: 5, pid: null } });
    const before = samples.length;
    await waitFor(() => samples.length > before + 1, 'RAM samples after giving up');
  });

  it('restarts the child at a new interval when the setting changes, without counting a failure', async () => {
    const { service, settings } = startService({ OLLAMA_HOST: '127.0.0.1:9' });
    const pid = await waitFor(() => service.latest().sampler.pid, 'the sampler child');
    settings.gpuSampleIntervalMs = 400;
    service.refreshSettings();
    const next = await waitFor(() => {
      const sampler = service.latest().sampler;
      return sampler.pid !== null && sampler.pid !== pid ? sampler : null;
    }, 'the child at the new interval');
    expect(next).toMatchObject({ intervalMs: 400, restarts: 0 });
  });

  it('raises guard events as Ollama loads and unloads a model, and records them for the chart', async () => {
    const ollama = await startOllama();
    // Thresholds low enough for one 8B model: warn at 30 % (4913 MiB), act at 5500 MiB.
    const { service, guardEvents } = startService({ OLLAMA_HOST: ollama.url }, {}, { vramWarnPercent: 30, vramActMiB: 5500 });
    await waitFor(() => service.latest().sample?.vramUsedMiB === 600, 'an idle GPU');
    await load(ollama, '5m');
    await waitFor(() => guardEvents.length >= 1, 'the act event');
    expect(guardEvents[0]).toMatchObject({ level: 'act', previous: 'ok', resource: 'vram', usedMiB: 5805, totalMiB: 16376, thresholdMiB: 5500 });
    expect(service.latest().guard.vram).toBe('act');
    await load(ollama, 0);
    await waitFor(() => guardEvents.length >= 2, 'the all-clear');
    expect(guardEvents[1]).toMatchObject({ level: 'ok', previous: 'act', usedMiB: 600 });
    const recorded = service.events('1970-01-01T00:00:00Z', new Date(Date.now() + 1000).toISOString()).map((event) => event.kind);
    expect(recorded).toEqual(['gpu-available', 'vram-act', 'vram-ok']);
  });

  it('records events from other parts of the app and lists them by time', async () => {
    const { service } = startService({ OLLAMA_HOST: '127.0.0.1:9' }, { nvidiaSmi: '/nonexistent/nvidia-smi' });
    const seen: string[] = [];
    service.onEvent((event) => seen.push(event.kind));
    const loaded = service.recordEvent('model-loaded', 'llama3.1:8b (5.1 GB in VRAM)');
    service.recordEvent('out-of-memory', 'CUDA error: out of memory');
    expect(loaded).toMatchObject({ id: expect.any(Number), kind: 'model-loaded', detail: 'llama3.1:8b (5.1 GB in VRAM)' });
    const from = new Date(loaded.at - 1000).toISOString();
    const to = new Date(loaded.at + 60_000).toISOString();
    expect(service.events(from, to).map((event) => event.kind)).toEqual(expect.arrayContaining(['model-loaded', 'out-of-memory']));
    expect(seen).toEqual(expect.arrayContaining(['model-loaded', 'out-of-memory']));
    expect(() => service.events('yesterday', to)).toThrow(/ISO 8601/);
  });

  it('raises a system RAM event from the memory it reads', async () => {
    let freeMiB = 10_000;
    const { guardEvents } = startService({}, { nvidiaSmi: '/nonexistent/nvidia-smi', memory: () => ({ totalMiB: 20_000, freeMiB }) });
    freeMiB = 1_500; // 92.5 % used: past the 90 % warning
    await waitFor(() => guardEvents.length >= 1, 'the RAM warning');
    expect(guardEvents[0]).toMatchObject({ resource: 'ram', level: 'warn', usedMiB: 18_500, totalMiB: 20_000, thresholdMiB: 18_000 });
  });

  it('stops the child and stores the bucket in progress', async () => {
    const { service, db, samples } = startService({ OLLAMA_HOST: '127.0.0.1:9' });
    const pid = await waitFor(() => service.latest().sampler.pid, 'the sampler child');
    await waitFor(() => samples.filter((sample) => sample.vramUsedMiB !== null).length >= 2, 'two GPU samples');
    await service.stop();
    expect(isAlive(pid)).toBe(false);
    expect(service.latest().sampler.pid).toBeNull();
    const stored = db.prepare('SELECT SUM(samples) FROM gpu_samples').pluck().get() as number;
    expect(stored).toBe(samples.length);
  });
});
