import type { Migration } from './index';

/**
 * Skills. A transcript is kept whole (turns as JSON, with a checksum so the same one given twice is
 * stored once); one taken from an exit interview goes when the interview is deleted. An
 * assessment keeps its 26 features and, per skill, the inferred score with the model (id, version,
 * checksum), weights version and prompt version it came from; the analyst's rating sits beside it
 * and wins. Models (imported or trained) are kept whole with their checksum and metrics, at most
 * one active per skill. Fusion weights are versions, never edited. Jobs over many people keep
 * one row per person, and the process running them (a job whose process is gone reads as interrupted).
 * Times are epoch milliseconds.
 */
export const m008Skills: Migration = {
  version: 8,
  name: 'skills',
  up(db) {
    db.exec(`
      CREATE TABLE skill_transcripts (
        id           TEXT PRIMARY KEY NOT NULL,
        source       TEXT NOT NULL CHECK (source IN ('exit-interview', 'transcript')),
        interview_id TEXT REFERENCES exit_interviews (id) ON DELETE CASCADE,
        person_id    TEXT NOT NULL,
        person_name  TEXT,
        taken_at     TEXT NOT NULL,
        title        TEXT,
        turns_json   TEXT NOT NULL CHECK (json_valid(turns_json)),
        sha256       TEXT NOT NULL UNIQUE,
        created_at   INTEGER NOT NULL,
        CHECK (source = 'transcript' OR interview_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX skill_transcripts_by_person ON skill_transcripts (person_id, taken_at);
      CREATE INDEX skill_transcripts_by_interview ON skill_transcripts (interview_id);

      CREATE TABLE skill_models (
        id                 INTEGER PRIMARY KEY,
        skill              TEXT NOT NULL CHECK (skill IN ('empathy', 'problem-solving', 'self-regulation', 'resilience')),
        version            INTEGER NOT NULL,
        checksum           TEXT NOT NULL,
        source             TEXT NOT NULL CHECK (source IN ('imported', 'trained')),
        feature_names_json TEXT NOT NULL CHECK (json_valid(feature_names_json)),
        trees              INTEGER NOT NULL,
        model_json         TEXT NOT NULL,
        replicas_json      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(replicas_json)),
        metrics_json       TEXT CHECK (metrics_json IS NULL OR json_valid(metrics_json)),
        note               TEXT,
        active             INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
        created_at         INTEGER NOT NULL,
        UNIQUE (skill, version)
      ) STRICT;
      CREATE UNIQUE INDEX skill_models_one_active ON skill_models (skill) WHERE active = 1;

      CREATE TABLE skill_weight_versions (
        version      INTEGER PRIMARY KEY AUTOINCREMENT,
        weights_json TEXT NOT NULL CHECK (json_valid(weights_json)),
        note         TEXT,
        created_at   INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE skill_assessments (
        id               TEXT PRIMARY KEY NOT NULL,
        transcript_id    TEXT NOT NULL REFERENCES skill_transcripts (id) ON DELETE CASCADE,
        person_id        TEXT NOT NULL,
        taken_at         TEXT NOT NULL,
        features_json    TEXT NOT NULL CHECK (json_valid(features_json)),
        weights_version  INTEGER NOT NULL REFERENCES skill_weight_versions (version),
        reasoning_method TEXT NOT NULL CHECK (reasoning_method IN ('llm', 'template')),
        reasoning_model  TEXT,
        prompt_id        TEXT NOT NULL,
        prompt_version   TEXT NOT NULL,
        options_json     TEXT NOT NULL CHECK (json_valid(options_json)),
        fit_json         TEXT CHECK (fit_json IS NULL OR json_valid(fit_json)),
        job_id           TEXT,
        created_at       INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX skill_assessments_by_person ON skill_assessments (person_id, taken_at, created_at);
      CREATE INDEX skill_assessments_by_transcript ON skill_assessments (transcript_id);

      CREATE TABLE skill_results (
        assessment_id  TEXT NOT NULL REFERENCES skill_assessments (id) ON DELETE CASCADE,
        skill          TEXT NOT NULL CHECK (skill IN ('empathy', 'problem-solving', 'self-regulation', 'resilience')),
        inferred       REAL NOT NULL CHECK (inferred BETWEEN 1 AND 5),
        confidence     REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        model_id       INTEGER REFERENCES skill_models (id),
        model_version  INTEGER,
        model_checksum TEXT,
        result_json    TEXT NOT NULL CHECK (json_valid(result_json)),
        rating         INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
        rating_note    TEXT,
        rated_by       TEXT,
        rated_at       INTEGER,
        PRIMARY KEY (assessment_id, skill)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE skill_jobs (
        id           TEXT PRIMARY KEY NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed', 'interrupted')),
        total        INTEGER NOT NULL,
        done         INTEGER NOT NULL DEFAULT 0,
        failed       INTEGER NOT NULL DEFAULT 0,
        options_json TEXT NOT NULL CHECK (json_valid(options_json)),
        owner        TEXT NOT NULL,
        error        TEXT,
        created_at   INTEGER NOT NULL,
        finished_at  INTEGER
      ) STRICT;

      CREATE TABLE skill_job_items (
        job_id        TEXT NOT NULL REFERENCES skill_jobs (id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        source_json   TEXT NOT NULL CHECK (json_valid(source_json)),
        status        TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'cancelled')),
        assessment_id TEXT,
        error         TEXT,
        PRIMARY KEY (job_id, seq)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
