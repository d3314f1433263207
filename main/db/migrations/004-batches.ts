import type { Migration } from './index';

/**
 * The batch queue. Each item's state lives in `batch_items` and each result is committed as it
 * arrives, so a killed process loses nothing that was committed: on restart, items left `running`
 * by a process that is gone are claimed again. A result is written only by the lease holder and
 * only over `running`, so every item ends with exactly one result.
 *
 * `batch_files` are the OpenAI Files API's files (uploaded inputs; outputs are produced from the
 * items on demand). `prompt_templates` holds the analyst-editable evaluation templates by version.
 * Times are epoch milliseconds.
 */
export const m004Batches: Migration = {
  version: 4,
  name: 'batches',
  up(db) {
    db.exec(`
      CREATE TABLE batch_files (
        id         TEXT PRIMARY KEY NOT NULL,
        filename   TEXT NOT NULL,
        purpose    TEXT NOT NULL,
        bytes      INTEGER NOT NULL,
        sha256     TEXT,
        path       TEXT,
        batch_id   TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX batch_files_by_sha ON batch_files (sha256);

      CREATE TABLE batches (
        id                TEXT PRIMARY KEY NOT NULL,
        kind              TEXT NOT NULL CHECK (kind IN ('openai', 'candidates')),
        status            TEXT NOT NULL,
        priority          INTEGER NOT NULL DEFAULT 0,
        endpoint          TEXT NOT NULL,
        input_file_id     TEXT REFERENCES batch_files (id),
        source_name       TEXT NOT NULL,
        source_sha256     TEXT,
        model             TEXT,
        template_id       TEXT,
        template_version  TEXT,
        completion_window TEXT NOT NULL DEFAULT '24h',
        metadata_json     TEXT CHECK (metadata_json IS NULL OR json_valid(metadata_json)),
        problems_json     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(problems_json)),
        total             INTEGER NOT NULL DEFAULT 0,
        created_at        INTEGER NOT NULL,
        in_progress_at    INTEGER,
        paused_at         INTEGER,
        finalizing_at     INTEGER,
        completed_at      INTEGER,
        failed_at         INTEGER,
        cancelling_at     INTEGER,
        cancelled_at      INTEGER,
        expires_at        INTEGER
      ) STRICT;
      CREATE INDEX batches_by_status ON batches (status, priority DESC, created_at);
      CREATE INDEX batches_by_source ON batches (source_sha256);

      CREATE TABLE batch_items (
        batch_id      TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        custom_id     TEXT NOT NULL,
        source_line   INTEGER NOT NULL,
        request_json  TEXT NOT NULL CHECK (json_valid(request_json)),
        state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
        attempts      INTEGER NOT NULL DEFAULT 0,
        lease_owner   TEXT,
        lease_until   INTEGER,
        not_before    INTEGER NOT NULL DEFAULT 0,
        last_error    TEXT,
        error_kind    TEXT,
        response_json TEXT CHECK (response_json IS NULL OR json_valid(response_json)),
        tokens_in     INTEGER,
        tokens_out    INTEGER,
        latency_ms    REAL,
        finished_at   INTEGER,
        PRIMARY KEY (batch_id, seq),
        UNIQUE (batch_id, custom_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX batch_items_by_state ON batch_items (batch_id, state, seq);

      CREATE TABLE batch_events (
        id       INTEGER PRIMARY KEY,
        batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        at       INTEGER NOT NULL,
        kind     TEXT NOT NULL,
        detail   TEXT
      ) STRICT;
      CREATE INDEX batch_events_by_batch ON batch_events (batch_id, at);

      CREATE TABLE prompt_templates (
        id         TEXT NOT NULL,
        version    TEXT NOT NULL,
        body_json  TEXT NOT NULL CHECK (json_valid(body_json)),
        source     TEXT NOT NULL CHECK (source IN ('bundled', 'edited')),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (id, version)
      ) STRICT;

      CREATE TABLE csv_mappings (
        headers_key  TEXT PRIMARY KEY NOT NULL,
        mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
        updated_at   INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
