import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ollamaEnvFor } from '../../../../main/engine/supervisor/ollama-env';
import { RotatingLog } from '../../../../main/engine/supervisor/rotating-log';
import { OllamaSupervisor } from '../../../../main/engine/supervisor/supervisor';
import { defaultSettings } from '../../../../main/settings/schema';
import { freePort } from '../../../support/harness';
import { useTempDirs } from '../../../support/temp-dir';

describe('what the supervisor hands Ollama, and how it logs', () => {
  const tempDir = useTempDirs();
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it("passes every setting as Ollama's own variable, and an f16 cache when flash attention is off", () => {
    const settings = { ...defaultSettings(), parallelSlots: 3, maxLoadedModels: 1, keepAlive: '-1', flashAttention: true, kvCacheType: 'q4_0' as const, contextLength: 16384, ollamaMaxQueue: 64 };
    expect(ollamaEnvFor(settings, '127.0.0.1:11500')).toEqual({
      OLLAMA_HOST: '127.0.0.1:11500',
      OLLAMA_NUM_PARALLEL: '3',
      OLLAMA_MAX_LOADED_MODELS: '1',
      OLLAMA_KEEP_ALIVE: '-1',
      OLLAMA_FLASH_ATTENTION: '1',
      OLLAMA_KV_CACHE_TYPE: 'q4_0',
      OLLAMA_CONTEXT_LENGTH: '16384',
      OLLAMA_MAX_QUEUE: '64',
    });
    expect(ollamaEnvFor({ ...settings, flashAttention: false }, '127.0.0.1:11500')).toMatchObject({ OLLAMA_FLASH_ATTENTION: '0', OLLAMA_KV_CACHE_TYPE: 'f16' });
  });

  it('rolls the log over at its cap, keeping three old files and dropping the oldest', () => {
    const path = join(tempDir(), 'logs', 'ollama.log');
    const log = new RotatingLog(path, 100, 3);
    for (let index = 0; index < 5; index += 1) log.write(`${String(index).repeat(60)}\n`);
    log.close();
    expect(readFileSync(path, 'utf8')).toBe(`${'4'.repeat(60)}\n`);
    expect(readFileSync(`${path}.1`, 'utf8')).toBe(`${'3'.repeat(60)}\n`);
    expect(readFileSync(`${path}.3`, 'utf8')).toBe(`${'1'.repeat(60)}\n`);
    expect(existsSync(`${path}.4`)).toBe(false);
  });

  it('stops a started server that never answers, and says so with the log to read', async () => {
    const dir = tempDir();
    const host = `http://127.0.0.1:${await freePort()}`;
    // An "ollama" that starts and then never listens: a real server stuck loading, say.
    const silent = join(dir, 'ollama');
    writeFileSync(silent, '#!/bin/sh\necho "starting, but never listening" >&2\nexec sleep 30\n');
    chmodSync(silent, 0o755);
    const supervisor = new OllamaSupervisor({
      host: () => host,
      settings: defaultSettings,
      dataDir: dir,
      env: { ...process.env, OLLAMA_BIN: silent },
      readyTimeoutMs: 800,
      maxRestarts: 0,
    });
    stops.push(() => supervisor.stop());
    const state = await supervisor.start();
    expect(state.mode).toBe('failed');
    expect(state.message).toMatch(/Ollama did not answer within 1 s of starting\. See .*ollama\.log/);
    expect(state.pid).toBeNull();
    expect(readFileSync(state.logFile!, 'utf8')).toMatch(/starting, but never listening[\s\S]*did not answer in time; stopping it/);
  });
});
