import type { BatchStats, ItemCounts } from './schema';

interface Completion {
  at: number;
  tokens: number;
}

/** Rates over the last minute of finished items, per batch, for the monitor's figures and ETA. */
export class Throughput {
  private readonly completions = new Map<string, Completion[]>();

  constructor(private readonly windowMs = 60_000) {}

  record(batchId: string, at: number, tokens: number): void {
    const list = this.completions.get(batchId) ?? [];
    list.push({ at, tokens });
    while (list.length > 0 && list[0]!.at < at - this.windowMs) list.shift();
    this.completions.set(batchId, list);
  }

  stats(batchId: string, counts: ItemCounts, now: number, inFlight: number): BatchStats {
    const list = (this.completions.get(batchId) ?? []).filter((entry) => entry.at >= now - this.windowMs);
    const first = list[0];
    // The span runs from the first completion seen, so a batch that just started is not underrated.
    const spanSeconds = first ? Math.max(1, (now - first.at) / 1000) : 0;
    const requestsPerSecond = spanSeconds > 0 ? list.length / spanSeconds : 0;
    const tokensPerSecond = spanSeconds > 0 ? list.reduce((sum, entry) => sum + entry.tokens, 0) / spanSeconds : 0;
    const remaining = counts.pending + counts.running;
    return {
      requestsPerSecond,
      tokensPerSecond,
      etaSeconds: remaining === 0 ? 0 : requestsPerSecond > 0 ? Math.ceil(remaining / requestsPerSecond) : null,
      inFlight,
    };
  }

  forget(batchId: string): void {
    this.completions.delete(batchId);
  }
}
