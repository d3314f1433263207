import { joinable, segmentWattHours } from './energy';
import type { GpuSample } from './schema';

/** Sum, count, min and max of one reading over a bucket; null sum/min/max while nothing was seen. */
export interface Stat {
  sum: number | null;
  min: number | null;
  max: number | null;
}

/**
 * One downsampled span (10 s by default) as stored in `gpu_samples`: sums rather than averages,
 * so a bucket written in two parts (the app stopped mid-bucket and started again) merges exactly.
 */
export interface Bucket {
  start: number;
  ms: number;
  /** Samples seen, with or without a GPU reading. */
  samples: number;
  /** Samples that carried a VRAM reading. */
  gpuSamples: number;
  vramUsed: Stat;
  vramTotalMiB: number | null;
  utilization: Stat;
  temperature: Stat;
  power: Stat;
  powerLimitW: number | null;
  energyWh: number;
  /** Milliseconds within the bucket for which power was integrated. */
  powerMs: number;
  ramUsed: Stat;
  ramTotalMiB: number | null;
}

const emptyStat = (): Stat => ({ sum: null, min: null, max: null });

function addTo(stat: Stat, value: number | null): void {
  if (value === null) return;
  stat.sum = (stat.sum ?? 0) + value;
  stat.min = stat.min === null ? value : Math.min(stat.min, value);
  stat.max = stat.max === null ? value : Math.max(stat.max, value);
}

const larger = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

export function emptyBucket(start: number, ms: number): Bucket {
  return {
    start,
    ms,
    samples: 0,
    gpuSamples: 0,
    vramUsed: emptyStat(),
    vramTotalMiB: null,
    utilization: emptyStat(),
    temperature: emptyStat(),
    power: emptyStat(),
    powerLimitW: null,
    energyWh: 0,
    powerMs: 0,
    ramUsed: emptyStat(),
    ramTotalMiB: null,
  };
}

function addSample(bucket: Bucket, sample: GpuSample): void {
  bucket.samples += 1;
  if (sample.vramUsedMiB !== null) bucket.gpuSamples += 1;
  addTo(bucket.vramUsed, sample.vramUsedMiB);
  bucket.vramTotalMiB = larger(bucket.vramTotalMiB, sample.vramTotalMiB);
  addTo(bucket.utilization, sample.utilizationPercent);
  addTo(bucket.temperature, sample.temperatureC);
  addTo(bucket.power, sample.powerDrawW);
  bucket.powerLimitW = larger(bucket.powerLimitW, sample.powerLimitW);
  addTo(bucket.ramUsed, sample.ramUsedMiB);
  bucket.ramTotalMiB = larger(bucket.ramTotalMiB, sample.ramTotalMiB);
}

function addEnergy(bucket: Bucket, previous: GpuSample, sample: GpuSample, from: number, to: number): void {
  const start = Math.max(previous.at, from);
  const end = Math.min(sample.at, to);
  if (end <= start) return;
  bucket.energyWh += segmentWattHours(previous.at, previous.powerDrawW!, sample.at, sample.powerDrawW!, start, end);
  bucket.powerMs += end - start;
}

/**
 * Folds full-rate samples into fixed buckets aligned to the epoch and hands each finished bucket
 * to `flush` (one SQLite write per bucket, not per sample). The power line between two samples
 * is split at the bucket boundary, so each bucket's energy is exactly its own.
 */
export class BucketAccumulator {
  private current: Bucket | null = null;
  private previous: GpuSample | null = null;

  constructor(
    private readonly bucketMs: number,
    private readonly maxGapMs: () => number,
    private readonly flush: (bucket: Bucket) => void,
  ) {}

  add(sample: GpuSample): void {
    const start = Math.floor(sample.at / this.bucketMs) * this.bucketMs;
    const previous = this.previous;
    const joined = previous !== null && joinable(previous, sample, this.maxGapMs());
    let restFrom = previous?.at ?? sample.at;
    if (this.current !== null && this.current.start !== start) {
      const end = this.current.start + this.bucketMs;
      // The part of the line before the boundary belongs to the bucket being closed.
      if (joined) addEnergy(this.current, previous, sample, previous.at, end);
      restFrom = Math.max(restFrom, end);
      this.flush(this.current);
      this.current = null;
    }
    this.current ??= emptyBucket(start, this.bucketMs);
    // The rest of the line counts here, even the part over empty buckets between (an interval
    // longer than a bucket): the total stays exact, only its placement is coarse.
    if (joined) addEnergy(this.current, previous, sample, restFrom, sample.at);
    addSample(this.current, sample);
    this.previous = sample;
  }

  /** Hands over the bucket in progress (on stop); a later sample in the same bucket merges in SQLite. */
  flushPartial(): void {
    if (this.current !== null && this.current.samples > 0) this.flush(this.current);
    this.current = null;
  }

  /** The bucket in progress, not yet stored. */
  pending(): Bucket | null {
    return this.current;
  }
}
