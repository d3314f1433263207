import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../main/api/errors';
import { probeEngine } from '../../../../main/engine/probe';
import { ModelService } from '../../../../main/engine/models/service';
import type { PullProgress } from '../../../../main/engine/models/schema';
import { defaultSettings } from '../../../../main/settings/schema';
import { startOllamaStandin, type OllamaStandin } from '../../../support/ollama/index';

describe('ModelService against the Ollama stand-in', () => {
  let standin: OllamaStandin;
  let progress: PullProgress[];
  let models: ModelService;

  beforeEach(async () => {
    standin = await startOllamaStandin();
    progress = [];
    models = new ModelService({
      host: () => standin.url,
      settings: () => ({ ...defaultSettings(), keepAlive: '10m' }),
      refreshEngine: () => probeEngine(standin.url),
      onPullProgress: (update) => progress.push(update),
      progressEveryMs: 0,
    });
  });
  afterEach(async () => {
    models.stopAll();
    await standin.close();
  });

  const finished = (model: string) => progress.find((update) => update.model === model && update.state !== 'running');

  it('says which feature models are installed (a bare name means :latest)', async () => {
    const features = await models.featureModels();
    expect(features).toContainEqual({ feature: 'batch', model: 'llama3.1:8b', installed: true });
    expect(features).toContainEqual({ feature: 'embedding', model: 'nomic-embed-text', installed: true });
    await models.delete('llama3.1:8b');
    expect(await models.featureModels()).toContainEqual({ feature: 'batch', model: 'llama3.1:8b', installed: false });
  });

  it('pulls a model with progress in bytes, a rate and an ETA, then lists it as installed', async () => {
    standin.configure({ pullBytesPerSec: 4e9 });
    models.startPull('llama3.2:3b');
    await expect.poll(() => finished('llama3.2:3b')?.state, { timeout: 20_000 }).toBe('done');
    const running = progress.filter((update) => update.state === 'running' && update.totalBytes > 0);
    expect(running.length).toBeGreaterThan(3);
    const completed = running.map((update) => update.completedBytes);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
    expect(running.some((update) => update.bytesPerSecond > 0 && update.etaSeconds !== null)).toBe(true);
    expect(finished('llama3.2:3b')!.completedBytes).toBe(finished('llama3.2:3b')!.totalBytes);
    const engine = await probeEngine(standin.url);
    expect(engine.installed.map((model) => model.name)).toContain('llama3.2:3b');
  });

  it('cancels a pull, keeps what was downloaded, and resumes from there', async () => {
    standin.configure({ pullBytesPerSec: 5e8 });
    models.startPull('mistral:7b');
    await expect.poll(() => progress.filter((update) => update.completedBytes > 0).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(() => models.startPull('mistral:7b')).toThrow(/already being pulled/);
    models.cancelPull('mistral:7b');
    await expect.poll(() => finished('mistral:7b')?.state, { timeout: 10_000 }).toBe('cancelled');
    const kept = finished('mistral:7b')!.completedBytes;
    expect(kept).toBeGreaterThan(0);
    progress = [];
    standin.configure({ pullBytesPerSec: 2e10 });
    models.startPull('mistral:7b');
    await expect.poll(() => finished('mistral:7b')?.state, { timeout: 20_000 }).toBe('done');
    const firstWithBytes = progress.find((update) => update.completedBytes > 0)!;
    expect(firstWithBytes.completedBytes).toBeGreaterThanOrEqual(kept);
  });

  it('reports a model that is not in the library in plain words', async () => {
    models.startPull('no-such-model:1b');
    await expect.poll(() => finished('no-such-model:1b')?.state, { timeout: 10_000 }).toBe('failed');
    expect(finished('no-such-model:1b')!.error).toMatch(/not in the Ollama library: check the name/);
  });

  it('pins, preloads and unloads a model', async () => {
    const pinned = await models.setResidency('qwen2.5:7b', -1);
    const loaded = pinned.loaded.find((model) => model.name === 'qwen2.5:7b')!;
    expect(new Date(loaded.expiresAt!).getTime() - Date.now()).toBeGreaterThan(365 * 24 * 3600 * 1000);
    const unloaded = await models.setResidency('qwen2.5:7b', 0);
    expect(unloaded.loaded.map((model) => model.name)).not.toContain('qwen2.5:7b');
    const preloaded = await models.setResidency('llama3.1:8b', '10m');
    const expires = new Date(preloaded.loaded.find((model) => model.name === 'llama3.1:8b')!.expiresAt!).getTime();
    expect(expires - Date.now()).toBeGreaterThan(8 * 60 * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);
  });

  it('pins and unloads an embedding model, which refuses generate requests', async () => {
    const pinned = await models.setResidency('nomic-embed-text', -1);
    expect(pinned.loaded.map((model) => model.name)).toContain('nomic-embed-text:latest');
    const unloaded = await models.setResidency('nomic-embed-text', 0);
    expect(unloaded.loaded.map((model) => model.name)).not.toContain('nomic-embed-text:latest');
  });

  it('refuses to delete a model that is not installed, as not_found', async () => {
    const error = await models.delete('mistral:7b').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not_found');
  });
});
