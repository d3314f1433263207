import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as sqliteVec from 'sqlite-vec';
import { migrate } from '../../../main/db/migrate';
import { migrations } from '../../../main/db/migrations/index';
import { m005Pricing } from '../../../main/db/migrations/005-pricing';

/** The released migrations with pricing's, whether or not the lead has listed it yet. */
/** The released migrations up to and including 005, the pricing tables. */
export const withPricing = migrations.filter((migration) => migration.version <= m005Pricing.version);

/**
 * A real workstation database file opened as main/db/open.ts does (WAL, foreign keys, sqlite-vec),
 * migrated through 005 even before 005 is in the released list.
 */
export function openPricingDatabase(dir: string): Database {
  mkdirSync(dir, { recursive: true });
  const db = new BetterSqlite3(join(dir, 'workstation.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  sqliteVec.load(db);
  migrate(db, withPricing);
  return db;
}
