import BetterSqlite3, { type Database } from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import * as sqliteVec from 'sqlite-vec';
import { ApiError } from '../api/errors';
import { assertNotFromTheFuture, migrate } from './migrate';

export const databaseFileName = 'workstation.sqlite';

const sqliteHeader = 'SQLite format 3\0';

/** Refuses a file that is not SQLite before better-sqlite3 gets a chance to touch it. */
function assertSqliteFile(path: string): void {
  if (!existsSync(path)) return;
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  let bytesRead: number;
  try {
    bytesRead = readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (bytesRead === 0) return; // An empty file is what SQLite itself creates first; it is safe to use.
  if (bytesRead < 16 || header.toString('latin1') !== sqliteHeader) {
    throw new ApiError(
      'conflict',
      `${path} is not a SQLite database (it may be corrupt or another program's file). ` +
        'It was left untouched: move it aside, or choose another data folder with --data-dir.',
    );
  }
}

export interface OpenDatabaseOptions {
  /** Defaults to the workstation file in the data folder. */
  fileName?: string;
  readonly?: boolean;
}

/**
 * Opens the workstation database with the pragmas every connection needs, loads sqlite-vec and
 * runs pending migrations.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Database {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, options.fileName ?? databaseFileName);
  assertSqliteFile(path);
  const db = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  try {
    // A malformed file can still carry a valid header; reading the schema finds that out early.
    db.pragma('schema_version');
    // Checked before anything writes (WAL mode is recorded in the file) so a newer file stays as it was.
    assertNotFromTheFuture(db);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the
    // last transactions, and never corrupts the file. FULL would fsync every commit, which the
    // batch queue (thousands of small commits) cannot afford.
    db.pragma('synchronous = NORMAL');
    sqliteVec.load(db);
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof ApiError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      'conflict',
      `Could not open the database ${path}: ${reason}. It was left untouched: move it aside, or choose another data folder.`,
    );
  }
}
