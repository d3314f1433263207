import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersionOf } from '../../../../main/db/migrate';
import { migrations } from '../../../../main/db/migrations/index';

const planOf = (db: BetterSqlite3.Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' ');

describe('migration 007 (kits)', () => {
  it('keeps a kit with gaps, questions and drafts, reads them by key, checks ratings, and cascades deletes', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 7));
    expect(schemaVersionOf(db)).toBe(7);
    db.prepare(
      `INSERT INTO kits (id, title, language, status, cv_name, cv_kind, cv_text, jd_name, jd_kind, jd_text, created_at, updated_at)
       VALUES ('k', 'Senior DE', 'English', 'gaps-found', 'cv', 'text', 'cv text', 'jd', 'text', 'jd text', 0, 0)`,
    ).run();
    db.prepare(`INSERT INTO kit_gaps (kit_id, seq, skill, priority, requirement_quote, evidence, rationale) VALUES ('k', 1, 'Kafka', 'critical', 'Kafka', 'none', 'r')`).run();
    db.prepare(`INSERT INTO kit_questions (kit_id, seq, status, updated_at) VALUES ('k', 1, 'pending', 0)`).run();
    db.prepare(
      `INSERT INTO kit_drafts (kit_id, seq, attempt, kind, content_json, template_id, template_version, options_json, created_at) VALUES ('k', 1, 1, 'bank', '{}', 'kit-bank', '1', '{}', 0)`,
    ).run();
    expect(() => db.prepare(`UPDATE kit_questions SET rating = 6 WHERE kit_id = 'k'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE kits SET status = 'done' WHERE id = 'k'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO kit_questions (kit_id, seq, status, updated_at) VALUES ('k', 2, 'pending', 0)`).run()).toThrow(/FOREIGN KEY/);

    expect(planOf(db, 'SELECT * FROM kit_questions WHERE kit_id = ? ORDER BY seq', 'k')).toMatch(/SEARCH kit_questions USING PRIMARY KEY \(kit_id=\?\)/);
    expect(planOf(db, 'SELECT * FROM kit_drafts WHERE kit_id = ? ORDER BY seq, attempt', 'k')).not.toMatch(/TEMP B-TREE/);
    expect(planOf(db, 'SELECT id FROM kits WHERE updated_at < ?', 1)).toMatch(/USING (COVERING )?INDEX kits_by_updated/);

    db.prepare(`DELETE FROM kits WHERE id = 'k'`).run();
    for (const table of ['kit_gaps', 'kit_questions', 'kit_drafts']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  });
});
