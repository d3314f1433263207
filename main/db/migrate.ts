import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { latestSchemaVersion, type Migration, migrations as releasedMigrations } from './migrations/index';

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the app's schema level: every pending migration in one transaction, so a
 * crash half-way leaves the file as it was. A database from a newer app is refused untouched.
 */
export function assertNotFromTheFuture(db: Database, migrations: readonly Migration[] = releasedMigrations): void {
  const current = schemaVersionOf(db);
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (current > latest) {
    throw new ApiError(
      'conflict',
      `The database ${db.name} is at schema version ${current}, newer than this app understands (${latest}). ` +
        'It was left untouched: update Talent Workstation, or choose another data folder.',
    );
  }
}

export function migrate(db: Database, migrations: readonly Migration[] = releasedMigrations): number {
  assertNotFromTheFuture(db, migrations);
  const current = schemaVersionOf(db);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return schemaVersionOf(db);
}

export { latestSchemaVersion };
