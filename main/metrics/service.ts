import type { Database } from 'better-sqlite3';
import type { Handlers } from '../api/contract';
import { aggregateCalls, type CallFacts, type EnergyReader } from './aggregate';
import { metricsToCsv } from './csv';
import type { MetricsSummary } from './schema';

interface CallRow {
  grp: string;
  model: string;
  started_at: number;
  latency_ms: number;
  tokens_in: number;
  tokens_out: number;
  eval_duration_ns: number | null;
  cache_hit: number;
  outcome: string;
}

export interface MetricsDeps {
  db: Database;
  energyWh: EnergyReader;
  now?: () => number;
}

/** The dashboard over recorded LLM calls: read with the (started_at) index, summarised in memory. */
export function createMetricsHandlers({ db, energyWh, now = Date.now }: MetricsDeps): Pick<Handlers, 'metrics.summary' | 'metrics.csv'> {
  const byOperation = db.prepare(`SELECT operation AS grp, model, started_at, latency_ms, tokens_in, tokens_out, eval_duration_ns, cache_hit, outcome
    FROM llm_calls WHERE started_at >= ? AND started_at <= ? ORDER BY started_at`);
  const byFeature = db.prepare(`SELECT feature AS grp, model, started_at, latency_ms, tokens_in, tokens_out, eval_duration_ns, cache_hit, outcome
    FROM llm_calls WHERE started_at >= ? AND started_at <= ? ORDER BY started_at`);

  const summary = (minutes: number, groupBy: 'operation-model' | 'feature-model'): MetricsSummary => {
    const to = now();
    const from = to - minutes * 60_000;
    const rows = (groupBy === 'operation-model' ? byOperation : byFeature).all(from, to) as CallRow[];
    const calls: CallFacts[] = rows.map((row) => ({
      group: row.grp,
      model: row.model,
      startedAt: row.started_at,
      latencyMs: row.latency_ms,
      tokensIn: row.tokens_in,
      tokensOut: row.tokens_out,
      evalDurationNs: row.eval_duration_ns,
      cacheHit: row.cache_hit === 1,
      outcome: row.outcome,
    }));
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...aggregateCalls(calls, energyWh) };
  };

  return {
    'metrics.summary': ({ minutes, groupBy }) => summary(minutes, groupBy),
    'metrics.csv': ({ minutes, groupBy }) => {
      const result = summary(minutes, groupBy);
      const stamp = result.to.slice(0, 16).replace(/[:T]/g, '-');
      return { fileName: `talent-workstation-metrics-${stamp}.csv`, csv: metricsToCsv(result) };
    },
  };
}
