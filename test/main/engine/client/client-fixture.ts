// Shared set-up of the LLM client tests: a real SQLite file migrated to 003, the Ollama
// stand-in in process, and a fake clock whose sleeps advance time at once (backoff, cool-downs,
// TTLs and rate limits are then exact and cost no real time).
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { migrate } from '../../../../main/db/migrate';
import { migrations, type Migration } from '../../../../main/db/migrations/index';
import { m003LlmCalls } from '../../../../main/db/migrations/003-llm-calls';
import { CallCancelledError } from '../../../../main/engine/client/errors';
import { createLlmClient, type LlmClient } from '../../../../main/engine/client/index';
import type { Clock, LlmClientOptions } from '../../../../main/engine/client/types';
import { startOllamaStandin, type OllamaStandin } from '../../../support/ollama/index';
import { useTempDirs } from '../../../support/temp-dir';

/** The released migrations up to and including 003, the client's tables. */
export const testMigrations: readonly Migration[] = migrations.filter((m) => m.version <= m003LlmCalls.version);

export function openMigratedDb(dir: string): Database {
  const db = new BetterSqlite3(join(dir, 'workstation.sqlite'));
  db.pragma('journal_mode = WAL');
  migrate(db, testMigrations);
  return db;
}

export class FakeClock implements Clock {
  time = Date.UTC(2025, 0, 15, 9, 0, 0);
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new CallCancelledError(signal.reason);
    this.sleeps.push(ms);
    this.time += ms;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new CallCancelledError(signal.reason);
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export const template = { id: 'test.prompt', version: 3 };

export interface Fixture {
  standin: () => OllamaStandin;
  db: () => Database;
  clock: () => FakeClock;
  /** A client on the stand-in and the fixture's db; options override the test defaults. */
  client: (options?: Partial<LlmClientOptions>) => LlmClient;
  /** Requests the stand-in has finished answering to inference paths. */
  inferenceRequests: () => number;
}

/** Registers the hooks: one stand-in per file, a fresh database and clock per test. */
export function useClientFixture(): Fixture {
  const tempDir = useTempDirs();
  let standin: OllamaStandin | undefined;
  let db: Database | undefined;
  let clock: FakeClock | undefined;
  beforeAll(async () => {
    standin = await startOllamaStandin();
  });
  afterAll(async () => {
    await standin?.close();
  });
  beforeEach(() => {
    standin?.reset();
    db = openMigratedDb(tempDir());
    clock = new FakeClock();
  });
  afterEach(() => {
    db?.close();
  });
  return {
    standin: () => standin!,
    db: () => db!,
    clock: () => clock!,
    client: (options = {}) =>
      createLlmClient({
        db: db!,
        host: () => standin!.url,
        defaults: () => ({ numCtx: 8192, keepAlive: '5m' }),
        clock: clock!,
        random: () => 0.5,
        retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
        ...options,
      }),
    inferenceRequests: () => standin!.state().requests.filter((r) => r.path.startsWith('/api/')).length,
  };
}

/** The error a call rejected with, checked to be of the expected class. */
export async function rejectionOf<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, but the call succeeded`);
}
