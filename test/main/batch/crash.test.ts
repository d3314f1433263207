import { spawn, type ChildProcess } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../main/db/open';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useTempDirs } from '../../support/temp-dir';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function startWorker(dataDir: string, host: string, submit: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--no-warnings', '--import', `file://${root}node_modules/tsx/dist/esm/index.mjs`, `${root}test/support/batch-worker.ts`], {
    env: { ...process.env, TW_DATA_DIR: dataDir, OLLAMA_HOST: host, SUBMIT: String(submit) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited early with ${String(code)}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('a batch killed with SIGKILL at random moments', () => {
  const tempDir = useTempDirs();
  let standin: OllamaStandin | undefined;
  let worker: ChildProcess | undefined;
  afterEach(async () => {
    if (worker && worker.exitCode === null) await killed(worker);
    await standin?.close();
  });

  it('resumes every time and ends with exactly one result per item, none lost', async () => {
    const items = 120;
    standin = await startOllamaStandin({ numParallel: 4, tokenLatencyMs: 4 });
    const dataDir = tempDir();
    const read = () => {
      const db = new BetterSqlite3(join(dataDir, databaseFileName), { readonly: true });
      try {
        return db.prepare(`SELECT state, COUNT(*) AS n, SUM(response_json IS NOT NULL) AS answered FROM batch_items GROUP BY state`).all() as Array<{ state: string; n: number; answered: number }>;
      } finally {
        db.close();
      }
    };
    // A seeded sequence of kill delays, so a failure can be replayed.
    let seed = 20261121;
    const nextDelay = () => 150 + ((seed = (seed * 16807) % 2147483647) % 600);
    worker = await startWorker(dataDir, standin.url, items);
    const doneAtKills: number[] = [];
    for (let kill = 0; kill < 5; kill += 1) {
      await new Promise((resolve) => setTimeout(resolve, nextDelay()));
      await killed(worker);
      doneAtKills.push(read().find((row) => row.state === 'done')?.n ?? 0);
      worker = await startWorker(dataDir, standin.url, 0);
    }
    // The kills landed mid-batch (else this test would prove nothing), and progress was kept.
    expect(doneAtKills.at(-1)).toBeLessThan(items);
    expect(doneAtKills).toEqual([...doneAtKills].sort((a, b) => a - b));
    process.stderr.write(`done at each kill: ${doneAtKills.join(', ')}\n`);
    await expect.poll(() => read().find((row) => row.state === 'done')?.n ?? 0, { timeout: 60_000 }).toBe(items);
    const states = read();
    expect(states).toEqual([{ state: 'done', n: items, answered: items }]);
    const db = new BetterSqlite3(join(dataDir, databaseFileName), { readonly: true });
    const ids = db.prepare('SELECT custom_id FROM batch_items ORDER BY seq').pluck().all() as string[];
    const status = db.prepare('SELECT status FROM batches').pluck().all();
    db.close();
    expect(new Set(ids).size).toBe(items);
    expect(status).toEqual(['completed']);
  });
});
