import type { MetricsRow } from './schema';

/** The columns of llm_calls the dashboard needs, one object per call. */
export interface CallFacts {
  group: string;
  model: string;
  startedAt: number;
  latencyMs: number;
  tokensIn: number;
  tokensOut: number;
  evalDurationNs: number | null;
  cacheHit: boolean;
  outcome: string;
}

export type EnergyReader = (fromMs: number, toMs: number) => number | null;

/** Nearest-rank percentile of sorted values: an observed latency, never an interpolated one. */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * How many calls were running during each call's span, on average over that span. The GPU
 * draws power for all of them at once, so each call is charged its share. A sweep over start and
 * end points builds the running count as a step function and its integral, so a window of a
 * 170,000-call batch costs O(n log n), not O(n^2).
 */
export function averageConcurrency(calls: readonly CallFacts[]): number[] {
  const spanOf = (call: CallFacts): [number, number] => [call.startedAt, call.startedAt + Math.max(1, call.latencyMs)];
  const edges: Array<[number, number]> = [];
  for (const call of calls) {
    const [start, end] = spanOf(call);
    edges.push([start, 1], [end, -1]);
  }
  edges.sort((a, b) => a[0] - b[0]);
  // times[i] is an edge time; running[i] the count just after it; area[i] the integral up to it.
  const times: number[] = [];
  const running: number[] = [];
  const area: number[] = [];
  let count = 0;
  for (const [time, delta] of edges) {
    const last = times.length - 1;
    if (last >= 0 && times[last] === time) {
      count += delta;
      running[last] = count;
      continue;
    }
    area.push(last < 0 ? 0 : area[last]! + running[last]! * (time - times[last]!));
    count += delta;
    times.push(time);
    running.push(count);
  }
  const integralTo = (time: number): number => {
    let low = 0;
    let high = times.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (times[middle]! <= time) low = middle;
      else high = middle - 1;
    }
    return area[low]! + running[low]! * (time - times[low]!);
  };
  return calls.map((call) => {
    const [start, end] = spanOf(call);
    return (integralTo(end) - integralTo(start)) / (end - start);
  });
}

function summarise(group: string, model: string, calls: readonly CallFacts[], energyShares: readonly (number | null)[]): MetricsRow {
  const latencies = calls.map((call) => call.latencyMs).sort((a, b) => a - b);
  const generated = calls.filter((call) => !call.cacheHit && call.evalDurationNs !== null && call.evalDurationNs > 0);
  const evalSeconds = generated.reduce((sum, call) => sum + call.evalDurationNs! / 1e9, 0);
  const errorsByKind: Record<string, number> = {};
  for (const call of calls) if (call.outcome !== 'ok') errorsByKind[call.outcome] = (errorsByKind[call.outcome] ?? 0) + 1;
  const errors = Object.values(errorsByKind).reduce((sum, count) => sum + count, 0);
  const knownEnergy = energyShares.filter((share): share is number => share !== null);
  return {
    group,
    model,
    count: calls.length,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    tokensPerSecond: evalSeconds > 0 ? generated.reduce((sum, call) => sum + call.tokensOut, 0) / evalSeconds : null,
    tokensIn: calls.reduce((sum, call) => sum + call.tokensIn, 0),
    tokensOut: calls.reduce((sum, call) => sum + call.tokensOut, 0),
    cacheHitRate: calls.length === 0 ? 0 : calls.filter((call) => call.cacheHit).length / calls.length,
    errorRate: calls.length === 0 ? 0 : errors / calls.length,
    errorsByKind,
    energyWh: knownEnergy.length === 0 ? null : knownEnergy.reduce((sum, share) => sum + share, 0),
  };
}

/** Groups the calls and summarises each group, plus a total row over all of them. */
export function aggregateCalls(calls: readonly CallFacts[], energyWh: EnergyReader): { rows: MetricsRow[]; total: MetricsRow } {
  const concurrency = averageConcurrency(calls);
  const shares = calls.map((call, index) => {
    const energy = energyWh(call.startedAt, call.startedAt + call.latencyMs);
    if (energy === null) return null;
    // Answered from the cache: the GPU did no work for it.
    return call.cacheHit ? 0 : energy / Math.max(1, concurrency[index]!);
  });
  const groups = new Map<string, number[]>();
  calls.forEach((call, index) => {
    const key = `${call.group}\u0000${call.model}`;
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const rows = [...groups.entries()]
    .map(([key, indexes]) => {
      const [group, model] = key.split('\u0000') as [string, string];
      return summarise(group, model, indexes.map((index) => calls[index]!), indexes.map((index) => shares[index]!));
    })
    .sort((a, b) => b.count - a.count || a.group.localeCompare(b.group));
  return { rows, total: summarise('all', 'all', calls, shares) };
}
