import { afterEach, describe, expect, it } from 'vitest';
import { createGpuHandlers, forwardGpuEvents, gpuEvents, gpuMethods } from '../../../main/gpu/contract';
import { createGpuService, type GpuService } from '../../../main/gpu/service';
import { useTempDirs } from '../../support/temp-dir';
import { openGpuDatabase, sampleAt, waitFor } from './helpers';

describe('GPU contract part', () => {
  const tempDir = useTempDirs();
  const services: GpuService[] = [];
  afterEach(async () => {
    for (const service of services.splice(0)) await service.stop();
  });

  it('validates inputs with messages a person can act on, and fills defaults', () => {
    const history = gpuMethods['gpu.history'].input;
    expect(history.parse({ from: '2025-01-30T10:00:00Z', to: '2025-01-30T11:00:00Z' })).toEqual({
      from: '2025-01-30T10:00:00Z',
      to: '2025-01-30T11:00:00Z',
      maxPoints: 600,
    });
    expect(history.safeParse({ from: 'yesterday', to: '2025-01-30T11:00:00Z' }).error?.issues[0]?.message).toMatch(/ISO 8601/);
    expect(history.safeParse({ from: '2025-01-30T11:00:00Z', to: '2025-01-30T10:00:00Z' }).error?.issues[0]).toMatchObject({
      message: '"from" must be before "to"',
      path: ['to'],
    });
    expect(history.safeParse({ from: '2025-01-30T10:00:00Z', to: '2025-01-30T11:00:00Z', maxPoints: 1 }).success).toBe(false);
    expect(gpuMethods['gpu.recent'].input.parse(undefined)).toEqual({});
    expect(gpuMethods['gpu.energy'].input.safeParse({ fromMs: 10, toMs: 5 }).success).toBe(false);
  });

  it('answers with what its output schemas describe, and forwards the service events', async () => {
    const db = openGpuDatabase(tempDir());
    const service = createGpuService({
      db,
      settings: () => ({ gpuSampleIntervalMs: 250, vramWarnPercent: 87.5, vramActMiB: 14336 }),
      nvidiaSmi: '/nonexistent/nvidia-smi',
    });
    services.push(service);
    const pushed: string[] = [];
    const stopForwarding = forwardGpuEvents(service, (name, payload) => {
      expect(gpuEvents[name].safeParse(payload).success).toBe(true);
      pushed.push(name);
    });
    service.start();
    await waitFor(() => service.recent().length >= 2 && service.latest().problem !== null, 'RAM samples and the no-GPU state');
    const handlers = createGpuHandlers(service);
    const now = Date.now();
    gpuMethods['gpu.latest'].output.parse(await handlers['gpu.latest']({}));
    expect(gpuMethods['gpu.recent'].output.parse(await handlers['gpu.recent']({})).length).toBeGreaterThanOrEqual(2);
    const range = { from: new Date(now - 60_000).toISOString(), to: new Date(now + 60_000).toISOString() };
    gpuMethods['gpu.history'].output.parse(await handlers['gpu.history']({ ...range, maxPoints: 10 }));
    expect(gpuMethods['gpu.events'].output.parse(await handlers['gpu.events'](range)).map((event) => event.kind)).toContain('gpu-unavailable');
    expect(await handlers['gpu.energy']({ fromMs: now - 60_000, toMs: now })).toEqual({ wattHours: null });
    expect(pushed).toEqual(expect.arrayContaining(['gpu.sample', 'gpu.state', 'gpu.event']));
    stopForwarding();
    const count = pushed.length;
    service.recordEvent('model-loaded', 'after unsubscribing');
    expect(pushed).toHaveLength(count);
    expect(gpuEvents['gpu.sample'].parse(sampleAt(now))).toEqual(sampleAt(now));
  });
});
