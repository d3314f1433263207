import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../main/app';
import { writeCandidateFile } from '../../../main/batch/sample-data/index';
import type { BatchSummary } from '../../../main/batch/schema';
import { startOllamaStandin, type OllamaStandin } from '../../support/ollama/index';
import { useTempDirs } from '../../support/temp-dir';

describe('submitting files through the contract', () => {
  const tempDir = useTempDirs();
  let standin: OllamaStandin;
  let app: App;
  let dir: string;
  beforeEach(async () => {
    standin = await startOllamaStandin({ numParallel: 4 });
    dir = tempDir();
    app = createApp({ dataDir: join(dir, 'data'), ollamaHost: standin.url, monitor: false, manageEngine: false, runBatches: true }, () => {});
  });
  afterEach(async () => {
    await app.close();
    await standin.close();
  });

  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await app.dispatch(method, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const finished = (id: string) => expect.poll(async () => (await call<{ summary: BatchSummary }>('batch.get', { id })).summary.status, { timeout: 30_000 }).toBe('completed');

  it('queues an OpenAI batch file, reports its bad lines by line and field, and runs the good ones', async () => {
    const path = join(dir, 'requests.jsonl');
    await writeCandidateFile(path, { count: 20, seed: 3, format: 'openai-jsonl', defects: [{ kind: 'malformed', at: 4 }, { kind: 'duplicate-id', at: 9 }, { kind: 'unsupported-url', at: 12 }, { kind: 'missing-model', at: 15 }] });
    const batch = await call<BatchSummary>('batch.submit', { source: { path } });
    expect(batch.kind).toBe('openai');
    const problems = batch.problems.map((problem) => `${problem.line}:${problem.field ?? ''}`);
    expect(batch.problems.every((problem) => problem.file === 'requests.jsonl')).toBe(true);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/:custom_id$/), expect.stringMatching(/:url$/), expect.stringMatching(/:body\.model$/)]));
    expect(batch.problems.some((problem) => /JSON/i.test(problem.message))).toBe(true);
    expect(batch.counts.total).toBeGreaterThanOrEqual(16);
    await finished(batch.id);
  });

  it('evaluates a CSV of candidates with the remembered column mapping', async () => {
    const path = join(dir, 'ats-export.csv');
    await writeCandidateFile(path, { count: 8, seed: 5, format: 'csv' });
    const inspected = await call<{ format: string; csv: { headers: string[]; suggested: { columns: Record<string, string> }; remembered: unknown } }>('batch.inspect', { source: { path } });
    expect(inspected.format).toBe('candidates-csv');
    expect(inspected.csv.remembered).toBeNull();
    const batch = await call<BatchSummary>('batch.submit', { source: { path }, csvMapping: inspected.csv.suggested });
    expect(batch).toMatchObject({ kind: 'candidates', model: 'llama3.1:8b', template: { id: 'candidate-evaluation', version: '1' }, counts: { total: 8 } });
    await finished(batch.id);
    const again = await call<{ csv: { remembered: unknown } }>('batch.inspect', { source: { path } });
    expect(again.csv.remembered).toEqual(inspected.csv.suggested);
    const page = await call<{ items: Array<{ overall: number | null }> }>('batch.items', { id: batch.id });
    expect(page.items.every((item) => item.overall !== null)).toBe(true);
  });

  it('refuses the same file dropped twice, and a file that is not what it says', async () => {
    const path = join(dir, 'people.json');
    await writeCandidateFile(path, { count: 3, seed: 9, format: 'json' });
    await call('batch.submit', { source: { path } });
    await expect(call('batch.submit', { source: { path } })).rejects.toThrow(/conflict: people\.json was already queued/);
    const fake = join(dir, 'fake.json');
    writeFileSync(fake, 'name,title\nAda,Engineer\n');
    await expect(call('batch.submit', { source: { path: fake } })).rejects.toThrow(/invalid_input: fake\.json:/);
  });

  it('warns up front when the model is not installed', async () => {
    const path = join(dir, 'people.jsonl');
    await writeCandidateFile(path, { count: 2, seed: 1, format: 'jsonl' });
    const batch = await call<BatchSummary>('batch.submit', { source: { path }, model: 'mistral:7b' });
    expect(batch.problems[0]).toMatchObject({ field: 'model', message: expect.stringMatching(/mistral:7b is not installed: pull it from the Models page/) });
  });
});

describe('evaluation template versions', () => {
  const tempDir = useTempDirs();
  let standin: OllamaStandin;
  let app: App;
  beforeEach(async () => {
    standin = await startOllamaStandin({ numParallel: 2 });
    app = createApp({ dataDir: tempDir(), ollamaHost: standin.url, monitor: false, manageEngine: false, runBatches: true }, () => {});
  });
  afterEach(async () => {
    await app.close();
    await standin.close();
  });

  it('saves an edit as the next version, queues with it, and keeps the bundled one', async () => {
    const listed = await app.dispatch('batch.templates', {});
    expect(listed).toMatchObject({ ok: true, value: [{ version: '1', source: 'bundled' }] });
    const bad = await app.dispatch('batch.saveTemplate', { system: 'You are a careful talent analyst; answer with JSON only.', user: 'no placeholder here' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/\{\{profile\}\}/) } });
    const saved = await app.dispatch('batch.saveTemplate', { system: 'You are a careful talent analyst; answer with JSON only.', user: 'Profile:\n{{profile}}' });
    expect(saved).toMatchObject({ ok: true, value: { version: '2', source: 'edited' } });
    const dir = tempDir();
    const path = join(dir, 'people.jsonl');
    await writeCandidateFile(path, { count: 2, seed: 4, format: 'jsonl' });
    const newest = await app.dispatch('batch.submit', { source: { path } });
    expect(newest).toMatchObject({ ok: true, value: { template: { version: '2' } } });
    const pinned = await app.dispatch('batch.submit', { source: { path }, templateVersion: '1', allowDuplicate: true });
    expect(pinned).toMatchObject({ ok: true, value: { template: { version: '1' } } });
    const missing = await app.dispatch('batch.submit', { source: { path }, templateVersion: '9', allowDuplicate: true });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/versions are 1, 2/) } });
  });
});
