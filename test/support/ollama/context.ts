// The stand-in's whole state in one object: configuration, installed models, partial pulls,
// slots, loaded models, faults and the request log. Handlers receive it; tests read it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CATALOGUE, DEFAULT_INSTALLED, normalizeName } from './models.js';
import { FaultBoard } from './faults.js';
import { Residency, Slots } from './scheduler.js';
import type { ModelSpec, RequestLogEntry, RuntimeConfig, StandinOptions, StandinState } from './types.js';
import { isObject } from './util.js';

const MIB = 1024 * 1024;

export function defaultConfig(): RuntimeConfig {
  return {
    version: '0.12.3',
    firstTokenMs: 0,
    tokenLatencyMs: 0,
    loadMs: 0,
    pullBytesPerSec: 20_000_000_000,
    numParallel: 1,
    maxQueue: 512,
    maxLoadedModels: 0,
    keepAlive: '5m',
    contextLength: 4096,
    flashAttention: false,
    kvCacheType: 'f16',
    vramBytes: 16376 * MIB, // an RTX 4080 as nvidia-smi reports it
    vramReservedBytes: 512 * MIB,
    embeddingDim: 0,
    paused: false,
  };
}

/** Checks a config patch that came over HTTP: known keys, right types. */
export function parseConfigPatch(body: unknown): Partial<RuntimeConfig> {
  if (!isObject(body)) throw new Error('config body must be an object');
  const defaults = defaultConfig();
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!(key in defaults)) throw new Error(`unknown config key "${key}"`);
    const expected = typeof defaults[key as keyof RuntimeConfig];
    const ok = key === 'keepAlive' ? typeof value === 'string' || typeof value === 'number' : typeof value === expected;
    if (!ok) throw new Error(`config key "${key}" must be a ${expected}`);
    patch[key] = value;
  }
  return patch as Partial<RuntimeConfig>;
}

/** The RuntimeConfig keys an options object sets (undefined ones left out). */
function configFrom(options: StandinOptions): Partial<RuntimeConfig> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(defaultConfig())) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked as Partial<RuntimeConfig>;
}

interface PersistedState {
  installed: Record<string, string>;
  partialPulls: Record<string, number>;
}

export class StandinContext {
  config: RuntimeConfig;
  readonly catalogue = new Map<string, ModelSpec>();
  /** Installed model name → modified_at (ISO). */
  readonly installed = new Map<string, string>();
  /** Bytes already downloaded of pulls that were interrupted. */
  readonly partial = new Map<string, number>();
  readonly faults = new FaultBoard();
  readonly slots: Slots;
  readonly residency: Residency;
  requests: RequestLogEntry[] = [];
  requestCount = 0;
  lastActivityAt = 0;
  private pauseWaiters: Array<() => void> = [];
  private readonly initialConfig: RuntimeConfig;

  constructor(private readonly options: StandinOptions, readonly log: (line: string) => void) {
    this.initialConfig = { ...defaultConfig(), ...configFrom(options) };
    this.config = { ...this.initialConfig };
    for (const spec of options.catalogue ?? DEFAULT_CATALOGUE) this.catalogue.set(normalizeName(spec.name), spec);
    this.slots = new Slots(() => this.config);
    this.residency = new Residency(() => this.config, log);
    this.restoreModels();
  }

  /** The installed model a request names, or undefined. */
  findInstalled(name: string): ModelSpec | undefined {
    const key = normalizeName(name);
    return this.installed.has(key) ? this.catalogue.get(key) : undefined;
  }

  install(name: string): void {
    this.installed.set(normalizeName(name), new Date().toISOString());
    this.partial.delete(normalizeName(name));
    this.persist();
  }

  remove(name: string): boolean {
    const key = normalizeName(name);
    this.residency.unload(key);
    const had = this.installed.delete(key);
    this.persist();
    return had;
  }

  setPartial(name: string, bytes: number): void {
    this.partial.set(normalizeName(name), bytes);
    this.persist();
  }

  configure(patch: Partial<RuntimeConfig>): RuntimeConfig {
    this.config = { ...this.config, ...patch };
    this.slots.pump();
    if (!this.config.paused) this.releasePaused();
    return this.config;
  }

  /** Inference waits here while `paused` is set, holding its slot. */
  whenUnpaused(): Promise<void> {
    if (!this.config.paused) return Promise.resolve();
    return new Promise((resolve) => this.pauseWaiters.push(resolve));
  }

  /** Everything back to how the server started (installed models from the options too). */
  reset(): void {
    this.faults.clear();
    this.residency.unloadAll();
    this.config = { ...this.initialConfig };
    this.releasePaused();
    this.requests = [];
    this.requestCount = 0;
    this.lastActivityAt = 0;
    this.installed.clear();
    this.partial.clear();
    this.installDefaults();
    this.persist();
  }

  record(entry: RequestLogEntry): void {
    this.requestCount += 1;
    this.requests.push(entry);
    if (this.requests.length > 200) this.requests.shift(); // bounded: long soaks must not grow
  }

  state(): StandinState {
    return {
      pid: process.pid,
      config: { ...this.config },
      installed: [...this.installed.keys()],
      loaded: this.residency.list(),
      partialPulls: Object.fromEntries(this.partial),
      activeRequests: this.slots.active,
      queuedRequests: this.slots.queued,
      lastActivityAt: this.lastActivityAt,
      requestCount: this.requestCount,
      requests: [...this.requests],
      pendingFaults: this.faults.list(),
    };
  }

  private releasePaused(): void {
    const waiters = this.pauseWaiters;
    this.pauseWaiters = [];
    for (const wake of waiters) wake();
  }

  private installDefaults(): void {
    const now = new Date().toISOString();
    for (const name of this.options.installed ?? DEFAULT_INSTALLED) {
      const key = normalizeName(name);
      if (!this.catalogue.has(key)) throw new Error(`installed model "${name}" is not in the catalogue`);
      this.installed.set(key, now);
    }
  }

  /** A state file, when given and present, wins over the options: it is the "disk". */
  private restoreModels(): void {
    const file = this.options.stateFile;
    if (!file || !existsSync(file)) return this.installDefaults();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<PersistedState>;
    for (const [name, at] of Object.entries(saved.installed ?? {})) {
      if (this.catalogue.has(name)) this.installed.set(name, at);
    }
    for (const [name, bytes] of Object.entries(saved.partialPulls ?? {})) this.partial.set(name, bytes);
  }

  private persist(): void {
    const file = this.options.stateFile;
    if (!file) return;
    const saved: PersistedState = { installed: Object.fromEntries(this.installed), partialPulls: Object.fromEntries(this.partial) };
    writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`);
  }
}
