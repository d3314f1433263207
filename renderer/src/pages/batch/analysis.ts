import { recommendationLabel, recommendationOrder } from './format';
import type { ItemRow } from './results';

/** What the analysis shows, computed from the items read (done ones for scores, failed ones for errors). */
export interface AnalysisFacts {
  done: number;
  failed: number;
  /** Items with an overall score, and how many scored 1, 2, … 10. */
  scored: number;
  scores: number[];
  recommendations: { key: string; label: string; count: number }[];
  tokensIn: number;
  tokensOut: number;
  /** Items whose tokens were counted. */
  counted: number;
  latency: { p50: number; p95: number; p99: number } | null;
  errorKinds: { kind: string; count: number }[];
}

/** Nearest-rank percentile of sorted values, as the Metrics page reports them. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function analyse(done: readonly ItemRow[], failed: readonly ItemRow[]): AnalysisFacts {
  const scores = Array.from({ length: 10 }, () => 0);
  let scored = 0;
  const recommendations = new Map<string, number>();
  let tokensIn = 0;
  let tokensOut = 0;
  let counted = 0;
  const latencies: number[] = [];
  for (const item of done) {
    if (item.overall !== null) {
      const score = Math.min(10, Math.max(1, Math.round(item.overall)));
      scores[score - 1]! += 1;
      scored += 1;
    }
    if (item.recommendation !== null) recommendations.set(item.recommendation, (recommendations.get(item.recommendation) ?? 0) + 1);
    if (item.tokensIn !== null || item.tokensOut !== null) {
      tokensIn += item.tokensIn ?? 0;
      tokensOut += item.tokensOut ?? 0;
      counted += 1;
    }
    if (item.latencyMs !== null) latencies.push(item.latencyMs);
  }
  latencies.sort((a, b) => a - b);
  const errorKinds = new Map<string, number>();
  for (const item of failed) errorKinds.set(item.errorKind ?? 'unknown', (errorKinds.get(item.errorKind ?? 'unknown') ?? 0) + 1);
  // The template's four recommendations in their order (even at zero), then anything else the model wrote.
  const known: readonly string[] = recommendationOrder;
  const keys = [...known, ...[...recommendations.keys()].filter((key) => !known.includes(key)).sort()];
  return {
    done: done.length,
    failed: failed.length,
    scored,
    scores,
    recommendations: recommendations.size === 0 ? [] : keys.map((key) => ({ key, label: recommendationLabel(key), count: recommendations.get(key) ?? 0 })),
    tokensIn,
    tokensOut,
    counted,
    latency: latencies.length === 0 ? null : { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    errorKinds: [...errorKinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
  };
}
