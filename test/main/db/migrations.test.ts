import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersionOf } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations, type Migration } from '../../../main/db/migrations/index';

describe('migrations', () => {
  it('are numbered 1..n without gaps, so user_version always names the last one applied', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('001 creates the settings table, keyed for lookups by key', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.slice(0, 1));
    expect(schemaVersionOf(db)).toBe(1);
    db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('parallelSlots', '4');
    expect(() => db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('bad', '{not json')).toThrow(/CHECK/);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT value_json FROM settings WHERE key = ?').all('x') as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX sqlite_autoindex_settings_1 \(key=\?\)/);
  });

  it('006 keeps exit interviews with turns in order, refuses a named anonymous interview, and cascades deletes', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 6));
    expect(schemaVersionOf(db)).toBe(6);
    const insert = db.prepare(
      `INSERT INTO exit_interviews (id, status, employee_name, anonymous, voluntary, guide_version, created_at, updated_at) VALUES (?, 'ready', ?, ?, 1, '1', 0, 0)`,
    );
    insert.run('a', 'Dana', 0);
    expect(() => insert.run('b', 'Dana', 1)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO exit_turns (interview_id, seq, role, kind, text, source, created_at) VALUES ('a', 1, 'interviewer', 'opening', 'Hello', 'script', 0)`).run();
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM exit_turns WHERE interview_id = ? ORDER BY seq').all('a') as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/SEARCH exit_turns USING PRIMARY KEY \(interview_id=\?\)/);
    expect(plan.map((row) => row.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    db.prepare("DELETE FROM exit_interviews WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) AS n FROM exit_turns').get()).toEqual({ n: 0 });
  });

  it('runs only what is pending and is a no-op when up to date', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db)).toBe(latestSchemaVersion);
    expect(migrate(db)).toBe(latestSchemaVersion);
  });

  it('rolls back every pending migration when one fails, leaving the version as it was', () => {
    const db = new BetterSqlite3(':memory:');
    const failing: Migration = {
      version: 2,
      name: 'broken',
      up: (target) => target.exec('CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;'),
    };
    expect(() => migrate(db, [migrations[0]!, failing])).toThrow(/no_such_table/);
    expect(schemaVersionOf(db)).toBe(0);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables).toEqual([]);
  });

  it('refuses a database from a newer app', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this app understands/);
  });
});
