import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase } from '../../../main/db/open';
import { latestSchemaVersion } from '../../../main/db/migrations/index';
import { useTempDirs } from '../../support/temp-dir';

describe('openDatabase', () => {
  const tempDir = useTempDirs();

  it('creates the file with WAL, foreign keys, a busy timeout, NORMAL sync and sqlite-vec', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'nested', 'folder'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const vec = db.prepare("SELECT vec_distance_l2('[1, 0]', '[0, 0]') AS distance").get() as { distance: number };
    expect(vec.distance).toBe(1);
    db.close();
  });

  it('keeps committed data across a reopen', () => {
    const dir = tempDir();
    const first = openDatabase(dir);
    first.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('retentionDays', '30');
    first.close();
    const second = openDatabase(dir);
    expect(second.prepare('SELECT value_json FROM settings').pluck().get()).toBe('30');
    second.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte as it was', () => {
    const dir = tempDir();
    const path = join(dir, databaseFileName);
    writeFileSync(path, 'name,salary\nanalyst,90000\n'.repeat(100));
    const before = readFileSync(path);
    expect(() => openDatabase(dir)).toThrow(/is not a SQLite database.*left untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a SQLite file whose pages are garbage behind a valid header', () => {
    const dir = tempDir();
    const path = join(dir, databaseFileName);
    const bytes = Buffer.alloc(8192, 0x5a);
    bytes.write('SQLite format 3\0', 0, 'latin1');
    writeFileSync(path, bytes);
    expect(() => openDatabase(dir)).toThrow(/Could not open the database/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a database from a newer app without touching it, not even its journal mode', () => {
    const dir = tempDir();
    const path = join(dir, databaseFileName);
    const future = new BetterSqlite3(path);
    future.exec('CREATE TABLE from_the_future (id INTEGER)');
    future.pragma(`user_version = ${latestSchemaVersion + 5}`);
    future.close();
    const before = readFileSync(path);
    expect(() => openDatabase(dir)).toThrow(/newer than this app understands/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
