import type { Database } from 'better-sqlite3';
import { freemem, totalmem } from 'node:os';
import type { GpuReading } from './csv';
import { defaultGuardThresholds, describeGuardEvent, type GuardThresholds, MemoryGuard } from './guard';
import { DEFAULT_BUCKET_MS, DEFAULT_RETENTION_MS, GpuHistory, HOUR_MS } from './history';
import { clampInterval, NvidiaSmiSampler, type SamplerStatus } from './sampler';
import type { GpuEvent, GpuEventKind, GpuGuardEvent, GpuHistoryPoint, GpuProcess, GpuSample, GpuState } from './schema';
import { GpuStore } from './store';

/** The settings the GPU slice reads; a subset of the app's settings, read again every few seconds. */
export interface GpuServiceSettings {
  gpuSampleIntervalMs: number;
  vramWarnPercent: number;
  vramActMiB: number;
}

export interface SystemMemory {
  totalMiB: number;
  freeMiB: number;
}

export interface GpuServiceOptions {
  db: Database;
  settings: () => GpuServiceSettings;
  /** The nvidia-smi executable: a name looked up on PATH (default `nvidia-smi`) or a path. */
  nvidiaSmi?: string;
  /** Environment of the nvidia-smi children; default this process's. */
  env?: NodeJS.ProcessEnv;
  clock?: { now(): number };
  /** Which GPU to watch when there are several; default 0. */
  gpuIndex?: number;
  /** How often the per-process table is read; default 5 s. */
  processIntervalMs?: number;
  /** How often a machine without a usable GPU is looked at again; default 60 s. */
  redetectMs?: number;
  /** First restart delay of the sampler child; default 1 s, doubling up to 30 s. */
  restartBaseMs?: number;
  /** Full-rate history kept in memory; default one hour. */
  historyWindowMs?: number;
  /** Stored bucket size; default 10 s. */
  bucketMs?: number;
  /** Stored history and events are pruned past this age; default 7 days. */
  retentionMs?: number;
  /** System RAM and hysteresis thresholds (the VRAM ones come from settings). */
  ramWarnPercent?: number;
  ramActPercent?: number;
  hysteresisPercent?: number;
  /** System memory reader; default os.totalmem/os.freemem. */
  memory?: () => SystemMemory;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

type Listener<T> = (value: T) => void;
type Unsubscribe = () => void;

export interface GpuService {
  start(): void;
  /** Stops the sampler child and stores the bucket in progress. */
  stop(): Promise<void>;
  latest(): GpuState;
  recent(sinceMs?: number): GpuSample[];
  history(fromIso: string, toIso: string, maxPoints?: number): GpuHistoryPoint[];
  events(fromIso: string, toIso: string): GpuEvent[];
  recordEvent(kind: GpuEventKind, detail?: string | null): GpuEvent;
  energyWh(fromMs: number, toMs: number): number | null;
  /** Every sample (once an interval). */
  onSample(listener: Listener<GpuSample>): Unsubscribe;
  /** A guard level change, for the batch queue to act on. */
  onGuard(listener: Listener<GpuGuardEvent>): Unsubscribe;
  /** The slower state changed: availability, device, process table, guard levels, sampler child. */
  onState(listener: Listener<GpuState>): Unsubscribe;
  /** A chart event was recorded. */
  onEvent(listener: Listener<GpuEvent>): Unsubscribe;
  /** Reads the settings now rather than at the next housekeeping tick (call it on settings.changed). */
  refreshSettings(): void;
}

const MIB = 1024 * 1024;
const HOUSEKEEPING_MS = 5_000;
const PRUNE_EVERY_MS = HOUR_MS;

const osMemory = (): SystemMemory => ({ totalMiB: Math.round(totalmem() / MIB), freeMiB: Math.round(freemem() / MIB) });

function parseTime(iso: string, name: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`${name} is not a time: use ISO 8601, such as 2025-01-30T16:14:43Z`);
  return time;
}

class ListenerSet<T> {
  private readonly listeners = new Set<Listener<T>>();

  add(listener: Listener<T>): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T, log: GpuServiceOptions['log']): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        // One broken subscriber must not stop sampling or the others.
        log?.('error', `GPU listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/**
 * The GPU slice: samples the card and system RAM, keeps the history (an hour in memory, days in
 * SQLite), guards memory, and records the events marked on the charts.
 */
export function createGpuService(options: GpuServiceOptions): GpuService {
  const now = options.clock ? () => options.clock!.now() : Date.now;
  const memory = options.memory ?? osMemory;
  const log = options.log;
  const store = new GpuStore(options.db);
  let settings = options.settings();
  const thresholds = (): GuardThresholds => ({
    vramWarnPercent: settings.vramWarnPercent,
    vramActMiB: settings.vramActMiB,
    ramWarnPercent: options.ramWarnPercent ?? defaultGuardThresholds.ramWarnPercent,
    ramActPercent: options.ramActPercent ?? defaultGuardThresholds.ramActPercent,
    hysteresisPercent: options.hysteresisPercent ?? defaultGuardThresholds.hysteresisPercent,
  });
  const history = new GpuHistory({
    store,
    intervalMs: clampInterval(settings.gpuSampleIntervalMs),
    windowMs: options.historyWindowMs ?? HOUR_MS,
    bucketMs: options.bucketMs ?? DEFAULT_BUCKET_MS,
    retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
  });
  const guard = new MemoryGuard();
  const sampleListeners = new ListenerSet<GpuSample>();
  const guardListeners = new ListenerSet<GpuGuardEvent>();
  const stateListeners = new ListenerSet<GpuState>();
  const eventListeners = new ListenerSet<GpuEvent>();

  let processes: GpuProcess[] = [];
  let processesAt: number | null = null;
  let lastPruneAt = Number.NEGATIVE_INFINITY;
  let housekeepingTimer: NodeJS.Timeout | null = null;
  let started = false;
  /** Availability as last recorded, so only changes become chart events. */
  let recordedAvailable: boolean | null = null;

  const recordEvent = (kind: GpuEventKind, detail: string | null = null): GpuEvent => {
    const event = store.addEvent(now(), kind, detail);
    eventListeners.emit(event, log);
    return event;
  };

  const refreshSettings = (): void => {
    try {
      settings = options.settings();
      history.setInterval(clampInterval(settings.gpuSampleIntervalMs));
      sampler.refresh();
    } catch (error) {
      log?.('warn', `GPU settings could not be read, keeping the previous ones: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const state = (): GpuState => {
    const status = sampler.current();
    const sample = history.latest();
    const listed = processes.reduce((sum, entry) => sum + (entry.usedMiB ?? 0), 0);
    const used = sample?.vramUsedMiB ?? null;
    return {
      available: status.available,
      problem: status.problem,
      device: status.device,
      gpuCount: status.gpuCount,
      sample,
      processes,
      processesAt,
      otherVramMiB: used === null || processesAt === null || !status.available ? null : Math.max(0, used - listed),
      guard: guard.levels(),
      sampler: { pid: status.pid, intervalMs: status.intervalMs, restarts: status.restarts },
    };
  };

  const raise = (event: GpuGuardEvent | null): void => {
    if (event === null) return;
    try {
      recordEvent(`${event.resource}-${event.level}`, describeGuardEvent(event));
    } catch (error) {
      log?.('error', `Could not record a GPU guard event: ${error instanceof Error ? error.message : String(error)}`);
    }
    guardListeners.emit(event, log);
    stateListeners.emit(state(), log);
  };

  const onTick = (reading: GpuReading | null): void => {
    const at = now();
    const ram = memory();
    const sample: GpuSample = {
      at,
      vramUsedMiB: reading?.vramUsedMiB ?? null,
      vramTotalMiB: reading?.vramTotalMiB ?? null,
      utilizationPercent: reading?.utilizationPercent ?? null,
      temperatureC: reading?.temperatureC ?? null,
      powerDrawW: reading?.powerDrawW ?? null,
      powerLimitW: reading?.powerLimitW ?? null,
      ramUsedMiB: Math.max(0, ram.totalMiB - ram.freeMiB),
      ramTotalMiB: ram.totalMiB,
    };
    try {
      history.add(sample);
    } catch (error) {
      // A full disk or a locked database must not stop the live view; the memory ring has the sample.
      log?.('error', `Could not store GPU history: ${error instanceof Error ? error.message : String(error)}`);
    }
    const limits = thresholds();
    if (sample.vramUsedMiB !== null && sample.vramTotalMiB !== null) {
      raise(guard.check('vram', sample.vramUsedMiB, sample.vramTotalMiB, limits, at));
    }
    raise(guard.check('ram', sample.ramUsedMiB, sample.ramTotalMiB, limits, at));
    sampleListeners.emit(sample, log);
  };

  const onStatus = (status: SamplerStatus): void => {
    if (status.available !== recordedAvailable && (status.available || status.problem !== null)) {
      recordedAvailable = status.available;
      const detail = status.available ? `${status.device?.name ?? 'GPU'} (${status.device?.uuid ?? 'unknown'})` : status.problem;
      recordEvent(status.available ? 'gpu-available' : 'gpu-unavailable', detail);
    }
    if (!status.available) {
      guard.reset('vram');
      processes = [];
      processesAt = null;
    }
    stateListeners.emit(state(), log);
  };

  const onProcesses = (next: GpuProcess[], at: number): void => {
    const changed = JSON.stringify(next) !== JSON.stringify(processes);
    processes = next;
    processesAt = at;
    if (changed) stateListeners.emit(state(), log);
  };

  const sampler = new NvidiaSmiSampler({
    command: options.nvidiaSmi ?? 'nvidia-smi',
    env: options.env ?? process.env,
    intervalMs: () => settings.gpuSampleIntervalMs,
    now,
    gpuIndex: options.gpuIndex,
    processIntervalMs: options.processIntervalMs,
    redetectMs: options.redetectMs,
    restartBaseMs: options.restartBaseMs,
    onTick,
    onStatus,
    onProcesses,
  });

  const housekeeping = (): void => {
    refreshSettings();
    const at = now();
    if (at - lastPruneAt < PRUNE_EVERY_MS) return;
    lastPruneAt = at;
    try {
      history.prune(at);
    } catch (error) {
      log?.('warn', `Could not prune GPU history: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const toMs = (fromIso: string, toIso: string): [number, number] => [parseTime(fromIso, 'from'), parseTime(toIso, 'to')];

  return {
    start() {
      if (started) return;
      started = true;
      recordedAvailable = null;
      housekeeping();
      housekeepingTimer = setInterval(housekeeping, HOUSEKEEPING_MS);
      housekeepingTimer.unref();
      sampler.start();
    },
    async stop() {
      if (!started) return;
      started = false;
      if (housekeepingTimer) clearInterval(housekeepingTimer);
      housekeepingTimer = null;
      await sampler.stop();
      try {
        history.flush();
      } catch (error) {
        log?.('error', `Could not store the last GPU history bucket: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    latest: state,
    recent: (sinceMs) => history.recent(sinceMs),
    history(fromIso, toIso, maxPoints = 600) {
      const [from, to] = toMs(fromIso, toIso);
      return history.history(from, to, maxPoints);
    },
    events(fromIso, toIso) {
      const [from, to] = toMs(fromIso, toIso);
      return store.events(from, to);
    },
    recordEvent,
    energyWh: (fromMs, toMs) => history.energyWh(fromMs, toMs),
    onSample: (listener) => sampleListeners.add(listener),
    onGuard: (listener) => guardListeners.add(listener),
    onState: (listener) => stateListeners.add(listener),
    onEvent: (listener) => eventListeners.add(listener),
    refreshSettings,
  };
}
