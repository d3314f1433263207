import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildCatalogue } from '../../../main/pricing/build-catalogue';
import { openPricingDatabase } from './db';

/** One real database file per test file, with the full catalogue built once (a few seconds). */
export function useCatalogueDatabase(): { db: () => Database; dir: () => string } {
  let dir = '';
  let db: Database | null = null;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tw-pricing-'));
    db = openPricingDatabase(dir);
    buildCatalogue(db);
  }, 60_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    db: () => {
      if (db === null) throw new Error('The catalogue database is not open yet');
      return db;
    },
    dir: () => dir,
  };
}
