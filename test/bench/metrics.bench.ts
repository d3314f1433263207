import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/db/open';
import { createMetricsHandlers } from '../../main/metrics/service';
import { formatTiming, measure } from './measure';

/** The dashboard over a day holding a whole 170,000-candidate batch's calls (seed 003's largest run). */
export async function benchMetrics(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tw-bench-metrics-'));
  const db = openDatabase(dataDir);
  try {
    const now = Date.now();
    const insert = db.prepare(`INSERT INTO llm_calls (started_at, feature, operation, model, options_json, estimated_tokens_in,
      tokens_in, tokens_out, latency_ms, outcome, eval_duration_ns) VALUES (?, 'batch', 'chat', ?, '{}', 3000, 3000, 400, ?, ?, ?)`);
    const calls = 170_000;
    db.transaction(() => {
      for (let index = 0; index < calls; index += 1) {
        const latency = 4000 + (index % 97) * 30;
        insert.run(now - 23 * 3_600_000 + index * 480, index % 3 === 0 ? 'qwen2.5:7b' : 'llama3.1:8b', latency, index % 500 === 0 ? 'out-of-memory' : 'ok', 3e9);
      }
    })();
    // A constant 250 W, so energy costs what a real integration over samples would.
    const handlers = createMetricsHandlers({ db, energyWh: (from, to) => (250 * (to - from)) / 3_600_000, now: () => now });
    const summary = await measure(async () => handlers['metrics.summary']({ minutes: 24 * 60, groupBy: 'operation-model' }), 5, 1);
    return [
      `Metrics dashboard over ${calls.toLocaleString('en-US')} recorded calls (24 h window)`,
      formatTiming('metrics.summary', summary),
      `per call: ${((summary.meanMs * 1000) / calls).toFixed(2)} µs`,
    ];
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
