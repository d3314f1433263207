import type { Database } from 'better-sqlite3';
import type { Handlers } from '../api/contract';
import { appVersion, type AppConfig } from '../config';
import { schemaVersionOf } from '../db/migrate';
import { latestSchemaVersion } from '../db/migrations/index';
import type { DatabaseStatus } from './schema';
import type { StatusMonitor } from './monitor';

export interface SystemDeps {
  config: AppConfig;
  db: Database;
  monitor: StatusMonitor;
}

function databaseStatus(db: Database): DatabaseStatus {
  const versions = db.prepare('SELECT sqlite_version() AS sqlite, vec_version() AS vec').get() as { sqlite: string; vec: string | null };
  return {
    path: db.name,
    schemaVersion: schemaVersionOf(db),
    appSchemaVersion: latestSchemaVersion,
    sqliteVersion: versions.sqlite,
    vecVersion: versions.vec,
    journalMode: String(db.pragma('journal_mode', { simple: true })),
  };
}

export function createSystemHandlers({ config, db, monitor }: SystemDeps): Pick<Handlers, 'system.doctor' | 'system.status'> {
  return {
    'system.doctor': async () => {
      // The doctor always looks afresh rather than reporting the last poll.
      const [engine, gpu] = await Promise.all([monitor.refreshEngine(), monitor.refreshGpu()]);
      return { appVersion, dataDir: config.dataDir, engine, gpu, database: databaseStatus(db) };
    },
    'system.status': () => monitor.current(),
  };
}
