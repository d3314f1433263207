import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersionOf } from '../../../main/db/migrate';
import { m002GpuSamples } from '../../../main/db/migrations/002-gpu-samples';
import { gpuMigrations } from './helpers';

const plan = (db: BetterSqlite3.Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');

describe('migration 002 gpu-samples', () => {
  it('is version 2 and migrates an empty database after 001', () => {
    expect(m002GpuSamples).toMatchObject({ version: 2, name: 'gpu-samples' });
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db, gpuMigrations)).toBe(2);
    expect(schemaVersionOf(db)).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['gpu_events', 'gpu_samples', 'settings']));
  });

  it('searches buckets by time through the rowid and events through their index', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, gpuMigrations);
    expect(plan(db, 'SELECT * FROM gpu_samples WHERE bucket_start >= ? AND bucket_start < ?', 0, 1)).toMatch(
      /SEARCH gpu_samples USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/,
    );
    expect(plan(db, 'DELETE FROM gpu_samples WHERE bucket_start < ?', 0)).toMatch(/USING INTEGER PRIMARY KEY \(rowid<\?\)/);
    expect(plan(db, 'SELECT * FROM gpu_events WHERE at >= ? AND at < ? ORDER BY at, id', 0, 1)).toMatch(/USING INDEX gpu_events_at \(at>\? AND at<\?\)/);
  });

  it('keeps the tables strict about types', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, gpuMigrations);
    expect(() => db.prepare('INSERT INTO gpu_events (at, kind) VALUES (?, ?)').run('yesterday', 'model-loaded')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare('INSERT INTO gpu_samples (bucket_start, bucket_ms, samples, gpu_samples) VALUES (0, 0, 1, 1)').run()).toThrow(/CHECK/);
  });
});
