import type { Migration } from './index';

/**
 * Pricing. The bundled catalogue (O*NET occupations and titles, BLS OEWS wages, state factors) is
 * written by main/pricing/build-catalogue.ts on first use and whenever the shipped data changes;
 * its sqlite-vec tables (`pricing_vec_*`) are created there too, because their width follows the
 * embedder in use. Analysts' surveys live beside the BLS figures in `pricing_benchmarks`, one row
 * per job and pay basis; deleting a source deletes its rows. Every pricing request is kept with
 * its inputs, its full result and the data versions it used. Times are epoch milliseconds; wage
 * dates are ISO dates.
 */
export const m005Pricing: Migration = {
  version: 5,
  name: 'pricing',
  up(db) {
    db.exec(`
      CREATE TABLE pricing_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pricing_sources (
        id             TEXT PRIMARY KEY NOT NULL,
        name           TEXT NOT NULL UNIQUE,
        kind           TEXT NOT NULL CHECK (kind IN ('bundled', 'survey')),
        publisher      TEXT,
        licence        TEXT,
        currency       TEXT,
        effective_date TEXT,
        file_name      TEXT,
        sha256         TEXT,
        mapping_json   TEXT CHECK (mapping_json IS NULL OR json_valid(mapping_json)),
        row_count      INTEGER NOT NULL DEFAULT 0,
        imported_at    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE pricing_occupations (
        id          INTEGER PRIMARY KEY,
        code        TEXT NOT NULL UNIQUE,
        soc         TEXT NOT NULL,
        wage_code   TEXT,
        title       TEXT NOT NULL,
        description TEXT NOT NULL,
        tasks       TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX pricing_occupations_by_wage_code ON pricing_occupations (wage_code);

      CREATE TABLE pricing_titles (
        id            INTEGER PRIMARY KEY,
        occupation_id INTEGER NOT NULL REFERENCES pricing_occupations (id) ON DELETE CASCADE,
        kind          TEXT NOT NULL CHECK (kind IN ('title', 'alternate', 'short')),
        title         TEXT NOT NULL,
        match_text    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pricing_titles_by_occupation ON pricing_titles (occupation_id);
      CREATE VIRTUAL TABLE pricing_titles_fts USING fts5 (match_text, content = 'pricing_titles', content_rowid = 'id', tokenize = 'porter unicode61');
      CREATE VIRTUAL TABLE pricing_occupations_fts USING fts5 (title, body, tokenize = 'porter unicode61');

      CREATE TABLE pricing_features (
        space   TEXT NOT NULL,
        feature TEXT NOT NULL,
        df      INTEGER NOT NULL,
        PRIMARY KEY (space, feature)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE pricing_benchmarks (
        id             INTEGER PRIMARY KEY,
        source_id      TEXT NOT NULL REFERENCES pricing_sources (id) ON DELETE CASCADE,
        job_code       TEXT NOT NULL,
        title          TEXT NOT NULL,
        description    TEXT,
        level          TEXT,
        location       TEXT,
        currency       TEXT NOT NULL,
        pay_basis      TEXT NOT NULL CHECK (pay_basis IN ('annual', 'hourly')),
        p10            REAL,
        p25            REAL,
        p50            REAL,
        p75            REAL,
        p90            REAL,
        top_coded      INTEGER NOT NULL DEFAULT 0,
        sample         INTEGER,
        companies      INTEGER,
        effective_date TEXT NOT NULL,
        source_row     INTEGER
      ) STRICT;
      CREATE INDEX pricing_benchmarks_by_code ON pricing_benchmarks (source_id, job_code, pay_basis);
      CREATE VIRTUAL TABLE pricing_survey_fts USING fts5 (title, body, tokenize = 'porter unicode61');

      CREATE TABLE pricing_state_factors (
        code            TEXT PRIMARY KEY NOT NULL,
        name            TEXT NOT NULL,
        factor          REAL NOT NULL CHECK (factor > 0),
        state_median    REAL NOT NULL,
        national_median REAL NOT NULL
      ) STRICT;

      CREATE TABLE pricing_location_factors (
        id           INTEGER PRIMARY KEY,
        source_name  TEXT NOT NULL,
        location     TEXT NOT NULL,
        location_key TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('state', 'metro', 'country', 'other')),
        job_family   TEXT NOT NULL DEFAULT '',
        factor       REAL NOT NULL CHECK (factor > 0),
        imported_at  INTEGER NOT NULL,
        UNIQUE (location_key, job_family)
      ) STRICT;

      CREATE TABLE pricing_config (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        config_json TEXT NOT NULL CHECK (json_valid(config_json)),
        updated_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE pricing_requests (
        id                 TEXT PRIMARY KEY NOT NULL,
        created_at         INTEGER NOT NULL,
        title              TEXT NOT NULL,
        description        TEXT,
        location           TEXT,
        level              TEXT,
        input_json         TEXT NOT NULL CHECK (json_valid(input_json)),
        result_json        TEXT NOT NULL CHECK (json_valid(result_json)),
        data_versions_json TEXT NOT NULL CHECK (json_valid(data_versions_json)),
        top_code           TEXT,
        top_title          TEXT,
        p50                REAL,
        currency           TEXT NOT NULL,
        pay_basis          TEXT NOT NULL,
        confidence         INTEGER NOT NULL,
        rerun_of           TEXT REFERENCES pricing_requests (id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX pricing_requests_by_time ON pricing_requests (created_at DESC);

      CREATE TABLE pricing_bulk_runs (
        id          TEXT PRIMARY KEY NOT NULL,
        created_at  INTEGER NOT NULL,
        input_path  TEXT NOT NULL,
        output_path TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed')),
        total       INTEGER NOT NULL DEFAULT 0,
        done        INTEGER NOT NULL DEFAULT 0,
        failed      INTEGER NOT NULL DEFAULT 0,
        error       TEXT,
        finished_at INTEGER
      ) STRICT;
    `);
  },
};
