import BetterSqlite3, { type Database } from 'better-sqlite3';
import { join } from 'node:path';
import { migrate } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations/index';
import { m002GpuSamples } from '../../../main/db/migrations/002-gpu-samples';
import type { GpuSample } from '../../../main/gpu/schema';

/** The released migrations up to and including 002, the GPU tables. */
export const gpuMigrations = migrations.filter((migration) => migration.version <= m002GpuSamples.version);

/** A real SQLite file in `dir`, in WAL mode like the app's, migrated through 002. */
export function openGpuDatabase(dir: string): Database {
  const db = new BetterSqlite3(join(dir, 'gpu.sqlite'));
  db.pragma('journal_mode = WAL');
  migrate(db, gpuMigrations);
  return db;
}

/** A sample at `at` with a steady GPU, overridable field by field. */
export function sampleAt(at: number, overrides: Partial<GpuSample> = {}): GpuSample {
  return {
    at,
    vramUsedMiB: 600,
    vramTotalMiB: 16376,
    utilizationPercent: 0,
    temperatureC: 37,
    powerDrawW: 100,
    powerLimitW: 320,
    ramUsedMiB: 8000,
    ramTotalMiB: 24000,
    ...overrides,
  };
}

/**
 * Polls until `probe` returns something truthy and returns it. The deadline only bounds a test
 * that would otherwise hang; nothing is asserted about how long it took.
 */
export async function waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
