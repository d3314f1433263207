// The two scarce things of an Ollama server: parallel slots (with a bounded queue that answers
// 503 when full) and GPU memory (models loaded, evicted least-recently-used, expired after
// keep_alive, offloaded partly to CPU when they do not fit).
import type { LoadedModelState, ModelSpec, RuntimeConfig } from './types.js';
import { FOREVER, NS_PER_MS, sleep } from './util.js';

export class QueueFullError extends Error {}

interface Waiter {
  grant: () => void;
}

export class Slots {
  active = 0;
  private waiting: Waiter[] = [];

  constructor(private readonly config: () => RuntimeConfig) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves with a release function once a slot is free; throws QueueFullError at once. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    if (this.active < this.config().numParallel && this.waiting.length === 0) {
      this.active += 1;
      return this.releaser();
    }
    if (this.waiting.length >= this.config().maxQueue) throw new QueueFullError();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve };
      this.waiting.push(waiter);
      // A client that gives up while queued frees its place, as Ollama does on cancel.
      signal.addEventListener('abort', () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new Error('client went away'));
      }, { once: true });
    });
    return this.releaser();
  }

  /** After numParallel grows, queued requests may start. */
  pump(): void {
    while (this.active < this.config().numParallel && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()?.grant();
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.pump();
    };
  }
}

interface Loaded {
  spec: ModelSpec;
  size: number;
  sizeVram: number;
  contextLength: number;
  inUse: number;
  lastUsed: number;
  expiresAt: number;
  timer: NodeJS.Timeout | undefined;
  ready: Promise<void>;
}

export interface ModelLease {
  /** Nanoseconds spent loading, 0 when it was already resident. */
  loadDurationNs: number;
  /** Ends the use; the model then stays for keepAliveMs (0 unloads, FOREVER keeps). */
  release: (keepAliveMs: number) => void;
}

export class Residency {
  private loaded = new Map<string, Loaded>();

  constructor(private readonly config: () => RuntimeConfig, private readonly log: (line: string) => void) {}

  isLoaded(name: string): boolean {
    return this.loaded.has(name);
  }

  /** Loads the model if needed (reloading when num_ctx differs) and marks it in use. */
  async use(spec: ModelSpec, numCtx: number | undefined, keepAliveMs: number): Promise<ModelLease> {
    const cfg = this.config();
    const contextLength = Math.min(numCtx ?? cfg.contextLength, spec.contextLength);
    let entry = this.loaded.get(spec.name);
    if (entry && entry.contextLength !== contextLength && entry.inUse === 0) {
      this.unload(spec.name);
      entry = undefined;
    }
    const start = Date.now();
    if (!entry) entry = this.load(spec, contextLength);
    entry.inUse += 1;
    clearTimeout(entry.timer);
    entry.expiresAt = keepAliveMs === FOREVER ? FOREVER : Date.now() + keepAliveMs;
    await entry.ready;
    const loadDurationNs = (Date.now() - start) * NS_PER_MS + 1_000;
    const used = entry;
    let released = false;
    return {
      loadDurationNs,
      release: (ms: number) => {
        if (released) return;
        released = true;
        this.releaseEntry(used, ms);
      },
    };
  }

  /** keep_alive 0 with no prompt: unload now if nobody is using it. */
  unloadIfIdle(name: string): void {
    const entry = this.loaded.get(name);
    if (entry && entry.inUse === 0) this.unload(name);
  }

  unload(name: string): void {
    const entry = this.loaded.get(name);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.loaded.delete(name);
    this.log(`level=INFO source=sched.go:521 msg="unloaded model" model=${name}`);
  }

  unloadAll(): void {
    for (const name of [...this.loaded.keys()]) this.unload(name);
  }

  list(): LoadedModelState[] {
    return [...this.loaded.values()].map((e) => ({
      name: e.spec.name,
      size: e.size,
      sizeVram: e.sizeVram,
      contextLength: e.contextLength,
      expiresAt: e.expiresAt === FOREVER ? null : new Date(e.expiresAt).toISOString(),
      inUse: e.inUse,
    }));
  }

  /** ms since epoch, or FOREVER. */
  expiryOf(name: string): number {
    return this.loaded.get(name)?.expiresAt ?? 0;
  }

  private load(spec: ModelSpec, contextLength: number): Loaded {
    const cfg = this.config();
    const kvFactor = !cfg.flashAttention ? 1 : cfg.kvCacheType === 'q8_0' ? 0.5 : cfg.kvCacheType === 'q4_0' ? 0.25 : 1;
    const size = spec.size + Math.round(contextLength * cfg.numParallel * spec.kvBytesPerToken * kvFactor);
    const maxLoaded = cfg.maxLoadedModels > 0 ? cfg.maxLoadedModels : 3;
    // Evict idle models, least recently used first, until this one fits or none is idle.
    while (this.loaded.size >= maxLoaded || this.freeVram() < size) {
      const idle = [...this.loaded.values()].filter((e) => e.inUse === 0).sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (!idle) break;
      this.unload(idle.spec.name);
    }
    const sizeVram = Math.max(0, Math.min(size, this.freeVram()));
    const entry: Loaded = {
      spec, size, sizeVram, contextLength, inUse: 0, lastUsed: Date.now(), expiresAt: 0, timer: undefined,
      ready: cfg.loadMs > 0 ? sleep(cfg.loadMs) : Promise.resolve(),
    };
    this.loaded.set(spec.name, entry);
    const offloaded = sizeVram < size ? ` offloaded=${Math.round((sizeVram / size) * 100)}%` : '';
    this.log(`level=INFO source=server.go:1289 msg="llama runner started" model=${spec.name} size=${size}${offloaded}`);
    return entry;
  }

  private freeVram(): number {
    const cfg = this.config();
    let used = 0;
    for (const e of this.loaded.values()) used += e.sizeVram;
    return cfg.vramBytes - cfg.vramReservedBytes - used;
  }

  private releaseEntry(entry: Loaded, keepAliveMs: number): void {
    entry.inUse = Math.max(0, entry.inUse - 1);
    entry.lastUsed = Date.now();
    if (this.loaded.get(entry.spec.name) !== entry) return; // already evicted or deleted
    entry.expiresAt = keepAliveMs === FOREVER ? FOREVER : Date.now() + keepAliveMs;
    if (entry.inUse > 0) return;
    if (keepAliveMs <= 0) return this.unload(entry.spec.name);
    if (keepAliveMs === FOREVER) return;
    // Timers beyond ~24.8 days overflow Node's setTimeout; such models just stay.
    if (keepAliveMs > 2_000_000_000) return;
    entry.timer = setTimeout(() => {
      if (entry.inUse === 0 && this.loaded.get(entry.spec.name) === entry) this.unload(entry.spec.name);
    }, keepAliveMs);
    entry.timer.unref();
  }
}
