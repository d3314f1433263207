import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { databaseFileName } from '../../../main/db/open';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCandidateFile } from '../../../main/batch/sample-data/index';
import { spawnOllama, type SpawnedOllama } from '../../support/harness';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../../support/temp-dir';

/** Model calls that succeeded, from the call log: an item answered twice would show as one too many. */
function successfulCalls(dataDir: string): number {
  const db = new BetterSqlite3(join(dataDir, databaseFileName), { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM llm_calls WHERE feature = 'batch' AND outcome = 'ok'`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('cli batch', () => {
  const tempDir = useTempDirs();
  let ollama: SpawnedOllama;
  beforeAll(async () => {
    ollama = await spawnOllama({ OLLAMA_NUM_PARALLEL: '4' });
  });
  afterAll(async () => {
    await ollama?.stop();
  });

  it('submits a file, waits with progress, and lists and shows the batch', async () => {
    const dir = tempDir();
    const file = join(dir, 'candidates.jsonl');
    const manifest = await writeCandidateFile(file, { count: 12, seed: 11, format: 'jsonl', defects: [{ kind: 'malformed', at: 5 }] });
    const env = { OLLAMA_HOST: ollama.url };
    const submitted = await runCli(['batch', 'submit', file, '--wait', '--json', '--data-dir', dir], env);
    const good = manifest.records;
    expect(submitted.stderr).toMatch(new RegExp(`${good}/${good} \\(0 failed\\)`));
    const batch = JSON.parse(submitted.stdout) as { id: string; status: string; counts: { done: number } };
    expect(batch).toMatchObject({ status: 'completed', counts: { done: good } });
    const status = await runCli(['batch', 'status', batch.id, '--data-dir', dir], env);
    expect(status.stdout).toContain(`${batch.id}  completed  candidates.jsonl (candidates, llama3.1:8b)`);
    expect(status.stdout).toMatch(/candidates\.jsonl:\d+: .*JSON/);
    const list = await runCli(['batch:list', '--data-dir', dir], env);
    expect(list.stdout).toContain(batch.id);
    const exported = await runCli(['batch', 'export', batch.id, '--out', dir, '--json', '--data-dir', dir], env);
    const files = JSON.parse(exported.stdout) as Array<{ kind: string; path: string }>;
    expect(files.map((file) => file.kind)).toEqual(['output', 'errors', 'results']);
    const output = readFileSync(files[0]!.path, 'utf8').trimEnd().split('\n');
    expect(output).toHaveLength(good);
    expect(JSON.parse(output[0]!)).toMatchObject({ response: { status_code: 200 }, error: null });
    const csv = readFileSync(files[2]!.path, 'utf8').trimEnd().split(/\r?\n/);
    expect(csv[0]).toMatch(/^custom_id,/);
    expect(csv).toHaveLength(good + 1);
    const cancel = await runCli(['batch', 'cancel', batch.id, '--data-dir', dir], env);
    expect(cancel.code).toBe(1);
    expect(cancel.stderr).toMatch(/is completed: it cannot become cancelling/);
  });

  it('shares a data folder between two running queues without answering an item twice', async () => {
    const dir = tempDir();
    const file = join(dir, 'requests.jsonl');
    await writeCandidateFile(file, { count: 60, seed: 12, format: 'openai-jsonl' });
    const env = { OLLAMA_HOST: ollama.url };
    const submitted = JSON.parse((await runCli(['batch', 'submit', file, '--json', '--data-dir', dir], env)).stdout) as { id: string };
    // Two processes run the same queue at once.
    const [first, second] = await Promise.all([
      runCli(['batch', 'submit', file, '--allow-duplicate', '--wait', '--json', '--data-dir', dir], env),
      runCli(['batch', 'submit', file, '--allow-duplicate', '--wait', '--json', '--data-dir', dir], env),
    ]);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const status = JSON.parse((await runCli(['batch', 'status', submitted.id, '--json', '--data-dir', dir], env)).stdout) as { summary: { counts: { done: number } } };
    // The first batch was run by whichever process got to it; the three batches are answered once each.
    expect(status.summary.counts.done).toBe(60);
    expect(successfulCalls(dir)).toBe(180);
  });

  it('refuses a missing file argument and an unknown template', async () => {
    expect((await runCli(['batch', 'submit'])).stderr).toMatch(/Name a file/);
    expect((await runCli(['batch', 'submit', 'x.csv', '--template', 'nope'])).stderr).toMatch(/Unknown template "nope"/);
  });
});
