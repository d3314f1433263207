import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersionOf } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations/index';

const planOf = (db: BetterSqlite3.Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' ');

describe('migration 008 (skills)', () => {
  it('keeps transcripts, assessments, results, models and weights; one active model per skill; checks ratings; cascades', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 8));
    expect(schemaVersionOf(db)).toBe(8);
    db.prepare(`INSERT INTO skill_transcripts (id, source, person_id, taken_at, turns_json, sha256, created_at) VALUES ('t', 'transcript', 'p', '2026-01-01', '[]', 'x', 0)`).run();
    expect(() => db.prepare(`INSERT INTO skill_transcripts (id, source, person_id, taken_at, turns_json, sha256, created_at) VALUES ('u', 'exit-interview', 'p', '2026-01-01', '[]', 'y', 0)`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO skill_weight_versions (weights_json, created_at) VALUES ('{}', 0)`).run();
    db.prepare(`INSERT INTO skill_assessments (id, transcript_id, person_id, taken_at, features_json, weights_version, reasoning_method, prompt_id, prompt_version, options_json, created_at)
      VALUES ('a', 't', 'p', '2026-01-01', '{}', 1, 'template', 'skill-reasoning-template', '1', '{}', 0)`).run();
    db.prepare(`INSERT INTO skill_results (assessment_id, skill, inferred, confidence, result_json) VALUES ('a', 'empathy', 3.2, 0.7, '{}')`).run();
    expect(() => db.prepare(`UPDATE skill_results SET rating = 6`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO skill_results (assessment_id, skill, inferred, confidence, result_json) VALUES ('a', 'charisma', 3, 0.5, '{}')`).run()).toThrow(/CHECK/);

    const model = db.prepare(`INSERT INTO skill_models (skill, version, checksum, source, feature_names_json, trees, model_json, active, created_at) VALUES ('empathy', ?, 'c', 'trained', '[]', 1, '{}', ?, 0)`);
    model.run(1, 1);
    expect(() => model.run(2, 1)).toThrow(/UNIQUE/);
    model.run(2, 0);
    expect(() => model.run(2, 0)).toThrow(/UNIQUE/);

    expect(planOf(db, 'SELECT * FROM skill_assessments WHERE person_id = ? ORDER BY taken_at, created_at', 'p')).toMatch(/USING INDEX skill_assessments_by_person/);
    expect(planOf(db, 'SELECT * FROM skill_assessments WHERE person_id = ? ORDER BY taken_at, created_at', 'p')).not.toMatch(/TEMP B-TREE/);
    expect(planOf(db, 'SELECT * FROM skill_results WHERE assessment_id = ?', 'a')).toMatch(/PRIMARY KEY/);
    expect(planOf(db, 'SELECT * FROM skill_models WHERE skill = ? AND active = 1', 'empathy')).toMatch(/skill_models_one_active/);

    db.prepare(`DELETE FROM skill_transcripts WHERE id = 't'`).run();
    for (const table of ['skill_assessments', 'skill_results']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  });
});
