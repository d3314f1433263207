import type { Migration } from './index';

/**
 * Exit interviews. Each turn is its own row, written the moment it is said, so a crash or a kill
 * loses nothing typed; the conversation's position is read back from the turns, never kept apart
 * from them. The unsent draft is kept on the interview. An analysis is stored whole with the
 * model, prompt template and options that made it; the analyst's corrections sit beside it, one
 * per field, and win. The guide's versions live in `prompt_templates` (id 'exit-guide').
 * Times are epoch milliseconds.
 */
export const m006Interviews: Migration = {
  version: 6,
  name: 'interviews',
  up(db) {
    db.exec(`
      CREATE TABLE exit_interviews (
        id            TEXT PRIMARY KEY NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('ready', 'in-progress', 'paused', 'completed', 'ended')),
        employee_name TEXT,
        employee_ref  TEXT,
        anonymous     INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        department    TEXT,
        role          TEXT,
        tenure_months INTEGER,
        manager       TEXT,
        voluntary     INTEGER NOT NULL CHECK (voluntary IN (0, 1)),
        leaving_date  TEXT,
        guide_version TEXT NOT NULL,
        model         TEXT,
        draft         TEXT NOT NULL DEFAULT '',
        created_at    INTEGER NOT NULL,
        started_at    INTEGER,
        ended_at      INTEGER,
        updated_at    INTEGER NOT NULL,
        CHECK (anonymous = 0 OR (employee_name IS NULL AND employee_ref IS NULL))
      ) STRICT;
      CREATE INDEX exit_interviews_by_created ON exit_interviews (created_at);
      CREATE INDEX exit_interviews_by_ended ON exit_interviews (ended_at);

      CREATE TABLE exit_turns (
        interview_id     TEXT NOT NULL REFERENCES exit_interviews (id) ON DELETE CASCADE,
        seq              INTEGER NOT NULL,
        role             TEXT NOT NULL CHECK (role IN ('interviewer', 'employee')),
        kind             TEXT NOT NULL CHECK (kind IN ('opening', 'question', 'follow-up', 'closing', 'answer')),
        area             TEXT,
        text             TEXT NOT NULL,
        source           TEXT NOT NULL CHECK (source IN ('llm', 'script', 'employee')),
        model            TEXT,
        template_id      TEXT,
        template_version TEXT,
        llm_call_id      INTEGER,
        typing_ms        INTEGER,
        revisions        INTEGER,
        created_at       INTEGER NOT NULL,
        PRIMARY KEY (interview_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE exit_analyses (
        interview_id     TEXT PRIMARY KEY NOT NULL REFERENCES exit_interviews (id) ON DELETE CASCADE,
        method           TEXT NOT NULL CHECK (method IN ('llm', 'lexicon')),
        model            TEXT,
        template_id      TEXT NOT NULL,
        template_version TEXT NOT NULL,
        options_json     TEXT NOT NULL CHECK (json_valid(options_json)),
        result_json      TEXT NOT NULL CHECK (json_valid(result_json)),
        created_at       INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE exit_corrections (
        interview_id TEXT NOT NULL REFERENCES exit_interviews (id) ON DELETE CASCADE,
        field        TEXT NOT NULL,
        value_json   TEXT NOT NULL CHECK (json_valid(value_json)),
        note         TEXT,
        corrected_at INTEGER NOT NULL,
        PRIMARY KEY (interview_id, field)
      ) STRICT;
    `);
  },
};
