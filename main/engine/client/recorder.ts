import type { Database, Statement } from 'better-sqlite3';
import type { CallRecord } from './types';

export type NewCallRecord = Omit<CallRecord, 'id'>;

const msPerDay = 86_400_000;

interface CallRow {
  id: number;
  started_at: number;
  feature: string;
  operation: CallRecord['operation'];
  model: string;
  template_id: string | null;
  template_version: string | null;
  options_json: string;
  estimated_tokens_in: number;
  tokens_in: number;
  tokens_out: number;
  latency_ms: number;
  ttft_ms: number | null;
  wait_ms: number;
  cache_hit: number;
  retries: number;
  repaired: number;
  trim_rule: CallRecord['trimRule'];
  outcome: CallRecord['outcome'];
  error_message: string | null;
  eval_duration_ns: number | null;
  prompt_eval_duration_ns: number | null;
  load_duration_ns: number | null;
  total_duration_ns: number | null;
}

const integerOrNull = (value: number | null): number | null => (value === null ? null : Math.round(value));

/** Writes one row per call into llm_calls and tells listeners (the UI's event feed). */
export class CallRecorder {
  private readonly insert: Statement<[Record<string, unknown>]>;
  private readonly listeners = new Set<(record: CallRecord) => void>();

  constructor(private readonly db: Database) {
    this.insert = db.prepare(`
      INSERT INTO llm_calls (started_at, feature, operation, model, template_id, template_version, options_json,
        estimated_tokens_in, tokens_in, tokens_out, latency_ms, ttft_ms, wait_ms, cache_hit, retries, repaired, trim_rule,
        outcome, error_message, eval_duration_ns, prompt_eval_duration_ns, load_duration_ns, total_duration_ns)
      VALUES (@started_at, @feature, @operation, @model, @template_id, @template_version, @options_json,
        @estimated_tokens_in, @tokens_in, @tokens_out, @latency_ms, @ttft_ms, @wait_ms, @cache_hit, @retries, @repaired, @trim_rule,
        @outcome, @error_message, @eval_duration_ns, @prompt_eval_duration_ns, @load_duration_ns, @total_duration_ns)`);
  }

  record(call: NewCallRecord): CallRecord {
    const info = this.insert.run({
      started_at: Math.round(call.startedAt),
      feature: call.feature,
      operation: call.operation,
      model: call.model,
      template_id: call.templateId,
      template_version: call.templateVersion,
      options_json: JSON.stringify(call.options),
      estimated_tokens_in: Math.round(call.estimatedTokensIn),
      tokens_in: Math.round(call.tokensIn),
      tokens_out: Math.round(call.tokensOut),
      latency_ms: call.latencyMs,
      ttft_ms: call.ttftMs,
      wait_ms: call.waitMs,
      cache_hit: call.cacheHit ? 1 : 0,
      retries: call.retries,
      repaired: call.repaired ? 1 : 0,
      trim_rule: call.trimRule,
      outcome: call.outcome,
      error_message: call.errorMessage,
      eval_duration_ns: integerOrNull(call.evalDurationNs),
      prompt_eval_duration_ns: integerOrNull(call.promptEvalDurationNs),
      load_duration_ns: integerOrNull(call.loadDurationNs),
      total_duration_ns: integerOrNull(call.totalDurationNs),
    });
    const record: CallRecord = { ...call, id: Number(info.lastInsertRowid) };
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        // A broken listener (a closed window) must not fail the call it heard about.
      }
    }
    return record;
  }

  subscribe(listener: (record: CallRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Retention: deletes calls that started more than `days` days before `now`; returns how many. */
export function deleteCallsOlderThan(db: Database, days: number, now: number = Date.now()): number {
  return db.prepare('DELETE FROM llm_calls WHERE started_at < ?').run(now - days * msPerDay).changes;
}

/** Calls that started in [from, to), oldest first, of one feature or all: for the dashboard and tests. */
export function readCalls(db: Database, window: { from?: number; to?: number; feature?: string } = {}): CallRecord[] {
  const from = window.from ?? 0;
  const to = window.to ?? Number.MAX_SAFE_INTEGER;
  const rows = window.feature === undefined
    ? db.prepare<[number, number], CallRow>('SELECT * FROM llm_calls WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id').all(from, to)
    : db
        .prepare<[string, number, number], CallRow>('SELECT * FROM llm_calls WHERE feature = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, id')
        .all(window.feature, from, to);
  return rows.map(recordOf);
}

function recordOf(row: CallRow): CallRecord {
  return {
    id: row.id,
    startedAt: row.started_at,
    feature: row.feature,
    operation: row.operation,
    model: row.model,
    templateId: row.template_id,
    templateVersion: row.template_version,
    options: JSON.parse(row.options_json) as Record<string, unknown>,
    estimatedTokensIn: row.estimated_tokens_in,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    latencyMs: row.latency_ms,
    ttftMs: row.ttft_ms,
    waitMs: row.wait_ms,
    cacheHit: row.cache_hit === 1,
    retries: row.retries,
    repaired: row.repaired === 1,
    trimRule: row.trim_rule,
    outcome: row.outcome,
    errorMessage: row.error_message,
    evalDurationNs: row.eval_duration_ns,
    promptEvalDurationNs: row.prompt_eval_duration_ns,
    loadDurationNs: row.load_duration_ns,
    totalDurationNs: row.total_duration_ns,
  };
}
