import type { EventBus } from '../api/event-bus';
import { probeEngine } from '../engine/probe';
import { probeGpu } from '../gpu/probe';
import type { EngineStatus, GpuStatus } from './schema';

export interface StatusMonitorOptions {
  engineHost: () => string;
  engineIntervalMs: number;
  gpuIntervalMs: () => number;
  /** Poll nvidia-smi here; off when the GPU sampler feeds the status through publishGpu. */
  pollGpu?: boolean;
}

/** What changed matters to the UI; the time of the check does not. */
const sameExceptTime = <T extends { checkedAt: string }>(a: T | null, b: T): boolean =>
  a !== null && JSON.stringify({ ...a, checkedAt: '' }) === JSON.stringify({ ...b, checkedAt: '' });

/**
 * Keeps the status bar live: polls the engine and the GPU and pushes an event when either changes.
 * Each loop waits for its probe to finish before scheduling the next, so a slow probe never piles up.
 */
export class StatusMonitor {
  private engine: EngineStatus | null = null;
  private gpu: GpuStatus | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly bus: EventBus,
    private readonly options: StatusMonitorOptions,
  ) {}

  start(): void {
    void this.loop(() => this.refreshEngine(), () => this.options.engineIntervalMs);
    if (this.options.pollGpu !== false) void this.loop(() => this.refreshGpu(), this.options.gpuIntervalMs);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  async refreshEngine(): Promise<EngineStatus> {
    const next = await probeEngine(this.options.engineHost());
    if (!sameExceptTime(this.engine, next)) this.bus.emit('engine.status', next);
    this.engine = next;
    return next;
  }

  async refreshGpu(): Promise<GpuStatus> {
    const next = await probeGpu();
    this.publishGpu(next);
    return next;
  }

  /** A GPU status from elsewhere (the sampler), pushed like a polled one. */
  publishGpu(next: GpuStatus): void {
    if (!sameExceptTime(this.gpu, next)) this.bus.emit('gpu.status', next);
    this.gpu = next;
  }

  async current(): Promise<{ engine: EngineStatus; gpu: GpuStatus }> {
    const [engine, gpu] = await Promise.all([
      this.engine ?? this.refreshEngine(),
      this.gpu ?? this.refreshGpu(),
    ]);
    return { engine, gpu };
  }

  private async loop(refresh: () => Promise<unknown>, intervalMs: () => number): Promise<void> {
    if (this.stopped) return;
    await refresh();
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.loop(refresh, intervalMs);
    }, intervalMs());
    timer.unref();
    this.timers.add(timer);
  }
}
