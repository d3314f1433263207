import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersionOf } from '../../../../main/db/migrate';
import { CallRecorder, deleteCallsOlderThan, readCalls } from '../../../../main/engine/client/recorder';
import type { CallRecord } from '../../../../main/engine/client/types';
import { openMigratedDb, testMigrations } from './client-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const day = 86_400_000;
const now = Date.UTC(2025, 5, 1);

function call(startedAt: number, feature = 'batch'): Omit<CallRecord, 'id'> {
  return {
    startedAt, feature, operation: 'chat', model: 'llama3.1:8b', templateId: 'batch.evaluate', templateVersion: '2',
    options: { num_ctx: 8192 }, estimatedTokensIn: 120, tokensIn: 100, tokensOut: 50, latencyMs: 812.5, ttftMs: 90.25, waitMs: 0,
    cacheHit: false, retries: 1, repaired: false, trimRule: null, outcome: 'ok', errorMessage: null,
    evalDurationNs: 500_000_000, promptEvalDurationNs: 5_000_000, loadDurationNs: 1_000, totalDurationNs: 506_001_000,
  };
}

const planOf = (db: BetterSqlite3.Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');

describe('migration 003: llm_calls and llm_cache', () => {
  const tempDir = useTempDirs();

  it('migrates an empty database through version 3 and is a no-op the second time', () => {
    const db = new BetterSqlite3(':memory:');
    const latest = testMigrations.at(-1)!.version;
    expect(latest).toBeGreaterThanOrEqual(3);
    expect(migrate(db, testMigrations)).toBe(latest);
    expect(migrate(db, testMigrations)).toBe(latest);
    expect(schemaVersionOf(db)).toBe(latest);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['llm_cache', 'llm_calls']));
  });

  it('answers time-window queries, overall and per feature, from its indexes', () => {
    const db = openMigratedDb(tempDir());
    expect(planOf(db, 'SELECT * FROM llm_calls WHERE started_at >= ? AND started_at < ?', 0, 1)).toMatch(/USING INDEX llm_calls_by_time \(started_at>\? AND started_at<\?\)/);
    expect(planOf(db, 'SELECT * FROM llm_calls WHERE feature = ? AND started_at >= ?', 'batch', 0)).toMatch(/USING INDEX llm_calls_by_feature_time \(feature=\? AND started_at>\?\)/);
    expect(planOf(db, 'SELECT key FROM llm_cache ORDER BY last_used_at LIMIT 5')).toMatch(/llm_cache_by_last_use/);
    db.close();
  });

  it('applies on top of a database already at version 2', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, testMigrations.filter((m) => m.version <= 2));
    expect(schemaVersionOf(db)).toBe(2);
    migrate(db, testMigrations.filter((m) => m.version <= 3));
    expect(schemaVersionOf(db)).toBe(3);
    expect(db.prepare('SELECT COUNT(*) FROM llm_calls').pluck().get()).toBe(0);
  });

  it('keeps a record whole across a round trip and refuses options that are not JSON', () => {
    const db = openMigratedDb(tempDir());
    const recorded = new CallRecorder(db).record(call(now));
    expect(readCalls(db)).toEqual([recorded]);
    expect(() => db.prepare("UPDATE llm_calls SET options_json = '{oops'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE llm_calls SET operation = 'complete'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('deletes calls older than the retention period and keeps the rest', () => {
    const db = openMigratedDb(tempDir());
    const recorder = new CallRecorder(db);
    recorder.record(call(now - 91 * day));
    recorder.record(call(now - 89 * day, 'pricing'));
    recorder.record(call(now - 1_000, 'pricing'));
    expect(deleteCallsOlderThan(db, 90, now)).toBe(1);
    expect(readCalls(db).map((row) => row.startedAt)).toEqual([now - 89 * day, now - 1_000]);
    expect(readCalls(db, { feature: 'pricing', from: now - day })).toHaveLength(1);
    db.close();
  });
});
