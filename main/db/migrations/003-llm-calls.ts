import type { Migration } from './index';

/**
 * The LLM client's two tables.
 *
 * `llm_calls`: one row per client call (not per HTTP attempt: retries and the structured-output
 * repair round are folded into it), so the metrics dashboard counts what features asked for.
 * Times are integers, milliseconds since the Unix epoch (UTC): a call's span is
 * [started_at, started_at + latency_ms], which joins directly against GPU power samples.
 * Tokens are Ollama's own counts (prompt_eval_count, eval_count); a cache hit costs the model
 * nothing and records 0 for both. tokens/sec = tokens_out / (eval_duration_ns / 1e9).
 *
 * `llm_cache`: responses features opted into caching, keyed by a hash of what was sent; rows
 * past expires_at are misses, and past the size cap the least recently used go first.
 */
export const m003LlmCalls: Migration = {
  version: 3,
  name: 'llm-calls',
  up(db) {
    db.exec(`
      CREATE TABLE llm_calls (
        id                      INTEGER PRIMARY KEY,
        started_at              INTEGER NOT NULL,
        feature                 TEXT    NOT NULL,
        operation               TEXT    NOT NULL CHECK (operation IN ('chat', 'generate', 'embed')),
        model                   TEXT    NOT NULL,
        template_id             TEXT,
        template_version        TEXT,
        options_json            TEXT    NOT NULL CHECK (json_valid(options_json)),
        estimated_tokens_in     INTEGER NOT NULL,
        tokens_in               INTEGER NOT NULL DEFAULT 0,
        tokens_out              INTEGER NOT NULL DEFAULT 0,
        latency_ms              REAL    NOT NULL,
        ttft_ms                 REAL,
        wait_ms                 REAL    NOT NULL DEFAULT 0,
        cache_hit               INTEGER NOT NULL DEFAULT 0 CHECK (cache_hit IN (0, 1)),
        retries                 INTEGER NOT NULL DEFAULT 0,
        repaired                INTEGER NOT NULL DEFAULT 0 CHECK (repaired IN (0, 1)),
        trim_rule               TEXT,
        outcome                 TEXT    NOT NULL,
        error_message           TEXT,
        eval_duration_ns        INTEGER,
        prompt_eval_duration_ns INTEGER,
        load_duration_ns        INTEGER,
        total_duration_ns       INTEGER
      ) STRICT;
      CREATE INDEX llm_calls_by_time ON llm_calls (started_at);
      CREATE INDEX llm_calls_by_feature_time ON llm_calls (feature, started_at);

      CREATE TABLE llm_cache (
        key           TEXT    PRIMARY KEY NOT NULL,
        operation     TEXT    NOT NULL,
        model         TEXT    NOT NULL,
        response_json TEXT    NOT NULL CHECK (json_valid(response_json)),
        size_bytes    INTEGER NOT NULL,
        created_at    INTEGER NOT NULL,
        expires_at    INTEGER NOT NULL,
        last_used_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX llm_cache_by_last_use ON llm_cache (last_used_at);
      CREATE INDEX llm_cache_by_expiry ON llm_cache (expires_at);
    `);
  },
};
