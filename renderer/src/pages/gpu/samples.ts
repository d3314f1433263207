import type { GpuEvent, GpuSample } from '../../../../main/gpu/schema';

/** The longest live window: samples older than this are dropped from memory. */
export const keepSamplesMs = 60 * 60_000;
/** A hard cap on top of the age limit, in case the sampling interval is set very short. */
export const maxSamples = 15_000;
export const maxEvents = 2_000;

/**
 * Two runs of samples, each oldest first, as one: sorted, one sample per time, nothing older than
 * `keepFrom`, at most `cap`. The usual case (one new sample after the last) only appends.
 */
export function mergeSamples(current: readonly GpuSample[], incoming: readonly GpuSample[], keepFrom: number, cap = maxSamples): GpuSample[] {
  const last = current[current.length - 1];
  let merged: GpuSample[];
  if (incoming.length === 0) merged = [...current];
  else if (last === undefined || incoming.every((sample, index) => sample.at > (index === 0 ? last.at : incoming[index - 1]!.at))) merged = [...current, ...incoming];
  else {
    const byTime = new Map<number, GpuSample>();
    for (const sample of current) byTime.set(sample.at, sample);
    for (const sample of incoming) byTime.set(sample.at, sample);
    merged = [...byTime.values()].sort((a, b) => a.at - b.at);
  }
  let first = 0;
  while (first < merged.length && merged[first]!.at < keepFrom) first += 1;
  first = Math.max(first, merged.length - cap);
  return first === 0 ? merged : merged.slice(first);
}

/** Events by id, oldest first; the call's answer and the pushed events can overlap. */
export function mergeEvents(current: readonly GpuEvent[], incoming: readonly GpuEvent[], cap = maxEvents): GpuEvent[] {
  const byId = new Map<number, GpuEvent>();
  for (const event of current) byId.set(event.id, event);
  for (const event of incoming) byId.set(event.id, event);
  const merged = [...byId.values()].sort((a, b) => a.at - b.at || a.id - b.id);
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}

/** Readings further apart than this are a gap (the app was closed, the sampler stalled), not a line. */
export const maxGapFor = (intervalMs: number): number => Math.max(5_000, 3 * intervalMs);
