import type { Migration } from './index';

/**
 * Adaptive interview kits. A kit keeps both documents' text, so a quote can always be checked
 * against what was read and a restart can carry on without the files. Its status walks created →
 * gaps-found → generating → ready; each question is its own row, written whole (with every draft,
 * score and refinement in `kit_drafts`) the moment it is done, so a restart redoes only the
 * questions not yet done. Every AI output row carries the model, prompt template and options.
 * The interviewer's rating and notes sit on the question with who and when. Times are epoch ms.
 */
export const m007Kits: Migration = {
  version: 7,
  name: 'kits',
  up(db) {
    db.exec(`
      CREATE TABLE kits (
        id            TEXT PRIMARY KEY NOT NULL,
        title         TEXT NOT NULL,
        language      TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('created', 'gaps-found', 'generating', 'ready', 'cancelled')),
        cv_name       TEXT NOT NULL,
        cv_kind       TEXT NOT NULL,
        cv_text       TEXT NOT NULL,
        jd_name       TEXT NOT NULL,
        jd_kind       TEXT NOT NULL,
        jd_text       TEXT NOT NULL,
        analysis_json TEXT CHECK (analysis_json IS NULL OR json_valid(analysis_json)),
        error         TEXT,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX kits_by_updated ON kits (updated_at);

      CREATE TABLE kit_gaps (
        kit_id            TEXT NOT NULL REFERENCES kits (id) ON DELETE CASCADE,
        seq               INTEGER NOT NULL,
        skill             TEXT NOT NULL,
        priority          TEXT NOT NULL CHECK (priority IN ('critical', 'important', 'nice-to-have')),
        requirement_quote TEXT NOT NULL,
        evidence          TEXT NOT NULL CHECK (evidence IN ('none', 'weak')),
        evidence_quote    TEXT,
        rationale         TEXT NOT NULL,
        PRIMARY KEY (kit_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE kit_questions (
        kit_id           TEXT NOT NULL REFERENCES kits (id) ON DELETE CASCADE,
        seq              INTEGER NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('pending', 'generating', 'done')),
        source           TEXT CHECK (source IN ('llm', 'bank')),
        content_json     TEXT CHECK (content_json IS NULL OR json_valid(content_json)),
        quality_json     TEXT CHECK (quality_json IS NULL OR json_valid(quality_json)),
        refinements      INTEGER NOT NULL DEFAULT 0,
        notice           TEXT,
        model            TEXT,
        template_id      TEXT,
        template_version TEXT,
        options_json     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options_json)),
        rating           INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
        notes            TEXT NOT NULL DEFAULT '',
        rated_by         TEXT,
        rated_at         INTEGER,
        notes_at         INTEGER,
        updated_at       INTEGER NOT NULL,
        PRIMARY KEY (kit_id, seq),
        FOREIGN KEY (kit_id, seq) REFERENCES kit_gaps (kit_id, seq) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE kit_drafts (
        kit_id           TEXT NOT NULL,
        seq              INTEGER NOT NULL,
        attempt          INTEGER NOT NULL,
        kind             TEXT NOT NULL CHECK (kind IN ('draft', 'refinement', 'bank')),
        content_json     TEXT NOT NULL CHECK (json_valid(content_json)),
        quality_json     TEXT CHECK (quality_json IS NULL OR json_valid(quality_json)),
        model            TEXT,
        template_id      TEXT NOT NULL,
        template_version TEXT NOT NULL,
        options_json     TEXT NOT NULL CHECK (json_valid(options_json)),
        llm_call_id      INTEGER,
        created_at       INTEGER NOT NULL,
        PRIMARY KEY (kit_id, seq, attempt),
        FOREIGN KEY (kit_id, seq) REFERENCES kit_questions (kit_id, seq) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE kit_config (
        key        TEXT PRIMARY KEY NOT NULL,
        value_json TEXT NOT NULL CHECK (json_valid(value_json))
      ) STRICT;
    `);
  },
};
