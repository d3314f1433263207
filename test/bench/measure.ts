import { performance } from 'node:perf_hooks';

export interface Timing {
  iterations: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
}

/** Runs `task` a few times to warm up, then `iterations` times, and summarises the latencies. */
export async function measure(task: () => Promise<unknown>, iterations: number, warmup = Math.ceil(iterations / 10)): Promise<Timing> {
  for (let index = 0; index < warmup; index += 1) await task();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (quantile: number) => samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))]!;
  return { iterations, meanMs: samples.reduce((sum, value) => sum + value, 0) / samples.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

export const formatTiming = (label: string, timing: Timing): string =>
  `${label.padEnd(34)} mean ${timing.meanMs.toFixed(3)} ms  p50 ${timing.p50Ms.toFixed(3)} ms  p95 ${timing.p95Ms.toFixed(3)} ms  (n=${timing.iterations})`;
