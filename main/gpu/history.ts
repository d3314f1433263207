import { BucketAccumulator } from './buckets';
import { integrateWattHours } from './energy';
import { RingBuffer } from './ring-buffer';
import type { GpuHistoryPoint, GpuSample } from './schema';
import type { GpuStore } from './store';

export const HOUR_MS = 3_600_000;
export const DEFAULT_BUCKET_MS = 10_000;
export const DEFAULT_RETENTION_MS = 7 * 24 * HOUR_MS;

export interface GpuHistoryOptions {
  store: GpuStore;
  /** The sampling interval now; sizes the ring buffer and the longest gap power is joined across. */
  intervalMs: number;
  /** How much is kept at full rate in memory; default one hour. */
  windowMs?: number;
  /** Size of the stored buckets; default 10 s. */
  bucketMs?: number;
  /** Stored buckets and events older than this are pruned; default 7 days. */
  retentionMs?: number;
}

/** Room for an hour at the nominal interval plus a little, as lines can come slightly early. */
const capacityFor = (windowMs: number, intervalMs: number): number => Math.ceil((windowMs / intervalMs) * 1.05) + 1;

/** Power is joined across a gap of up to three intervals (a late or lost line), never across a stop. */
const maxGapFor = (intervalMs: number): number => Math.max(5_000, 3 * intervalMs);

/**
 * The GPU's past: the last hour at full rate in a ring buffer, and 10-second buckets in SQLite for
 * days. Every sample goes to both; SQLite is written once per bucket, not once per sample.
 */
export class GpuHistory {
  private readonly ring: RingBuffer<GpuSample>;
  private readonly buckets: BucketAccumulator;
  private readonly store: GpuStore;
  private readonly windowMs: number;
  readonly bucketMs: number;
  readonly retentionMs: number;
  private intervalMs: number;

  constructor(options: GpuHistoryOptions) {
    this.store = options.store;
    this.windowMs = options.windowMs ?? HOUR_MS;
    this.bucketMs = options.bucketMs ?? DEFAULT_BUCKET_MS;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.intervalMs = options.intervalMs;
    this.ring = new RingBuffer(capacityFor(this.windowMs, this.intervalMs));
    this.buckets = new BucketAccumulator(this.bucketMs, () => maxGapFor(this.intervalMs), (bucket) => this.store.saveBucket(bucket));
  }

  get capacity(): number {
    return this.ring.capacity;
  }

  get size(): number {
    return this.ring.size;
  }

  setInterval(intervalMs: number): void {
    if (intervalMs === this.intervalMs) return;
    this.intervalMs = intervalMs;
    this.ring.resize(capacityFor(this.windowMs, intervalMs));
  }

  add(sample: GpuSample): void {
    this.ring.push(sample);
    this.buckets.add(sample);
  }

  latest(): GpuSample | null {
    return this.ring.newest() ?? null;
  }

  /** Full-rate samples after `sinceMs` (all of the last hour when left out), oldest first. */
  recent(sinceMs = Number.NEGATIVE_INFINITY): GpuSample[] {
    return this.ring.since(sinceMs);
  }

  /**
   * Stored history over [from, to] in at most `maxPoints` points. Points are aligned to multiples
   * of their width from the epoch, so a chart that refreshes does not see its points shift.
   * The bucket in progress (the last few seconds) is not stored yet: `recent` covers it.
   */
  history(from: number, to: number, maxPoints: number): GpuHistoryPoint[] {
    if (!(to > from)) return [];
    const width = pointWidth(to - from, Math.max(2, Math.floor(maxPoints)), this.bucketMs);
    return this.store.history(Math.floor(from / width) * width, to, width);
  }

  /**
   * Watt-hours drawn over [from, to] by the trapezoid rule: from the full-rate samples where the
   * ring still holds them, from the stored buckets before that. Null when no power reading
   * covers any of the span.
   */
  energyWh(from: number, to: number): number | null {
    if (!(to > from)) return null;
    let wattHours = 0;
    let coveredMs = 0;
    const oldest = this.ring.oldest();
    let memoryFrom = from;
    if (oldest === undefined || from < oldest.at) {
      const storedTo = oldest === undefined ? to : Math.min(to, oldest.at);
      const stored = this.store.energy(from, storedTo, this.bucketMs);
      wattHours += stored.wattHours;
      coveredMs += stored.coveredMs;
      memoryFrom = storedTo;
    }
    if (oldest !== undefined && to > memoryFrom) {
      const first = Math.max(0, this.ring.firstIndexAtOrAfter(memoryFrom) - 1);
      const memory = integrateWattHours((index) => this.ring.at(index), first, this.ring.size - 1, memoryFrom, to, maxGapFor(this.intervalMs));
      wattHours += memory.wattHours;
      coveredMs += memory.coveredMs;
    }
    return coveredMs > 0 ? wattHours : null;
  }

  /** Stores the bucket in progress; called on stop so a restart loses nothing. */
  flush(): void {
    this.buckets.flushPartial();
  }

  /** Drops stored buckets and events older than the retention; returns the rows removed. */
  prune(now: number): number {
    return this.store.prune(now - this.retentionMs);
  }
}

/** The narrowest multiple of the bucket size that fits a span into `maxPoints` (at least 2) aligned points. */
export function pointWidth(spanMs: number, maxPoints: number, bucketMs: number): number {
  // Aligned points of width w touch at most ceil(span / w) + 1 of them.
  const least = spanMs / Math.max(1, maxPoints - 1);
  return Math.max(bucketMs, Math.ceil(least / bucketMs) * bucketMs);
}
