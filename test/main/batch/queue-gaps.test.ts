import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import type { BatchEvent } from '../../../main/batch/schema';
import { BatchService } from '../../../main/batch/service';
import { createLlmClient } from '../../../main/engine/client/index';
import { startOllamaStandin } from '../../support/ollama/index';
import { useTempDirs } from '../../support/temp-dir';
import { chatItems, useBatchRig, type Rig } from './fixture';

const source = (sourceName: string) => ({ kind: 'openai' as const, endpoint: '/v1/chat/completions', sourceName });

async function untilFinished(service: BatchService, id: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => service.summary(id).status, { timeout }).toMatch(/^(completed|cancelled|failed)$/);
}

interface ItemRow {
  state: string;
  attempts: number;
  last_error: string | null;
  error_kind: string | null;
  response_json: string | null;
}

const itemRows = (rig: Pick<Rig, 'db'>, id: string): ItemRow[] =>
  rig.db.prepare('SELECT state, attempts, last_error, error_kind, response_json FROM batch_items WHERE batch_id = ? ORDER BY seq').all(id) as ItemRow[];

/** One item, every request to it cut mid-stream, two attempts allowed: it ends dead-lettered. */
async function deadLetteredBatch(rig: ReturnType<typeof useBatchRig>): Promise<{ r: Rig; id: string }> {
  const r = await rig({ slots: 1, maxAttempts: 2, standin: { numParallel: 1 } });
  r.standin.setFault({ kind: 'cut', count: 1000, afterChunks: 1 });
  const batch = await r.service.submit(source('doomed.jsonl'), chatItems(1));
  await untilFinished(r.service, batch.id);
  return { r, id: batch.id };
}

describe('batch queue gaps: dead letters, retrying them, deep recovery, runner recycling', () => {
  const rig = useBatchRig();

  it('dead-letters an item after maxAttempts retryable failures, keeps its last error, and completes the batch', async () => {
    const { r, id } = await deadLetteredBatch(rig);
    expect(r.service.summary(id)).toMatchObject({ status: 'completed', counts: { total: 1, done: 0, failed: 1, pending: 0, running: 0 } });
    const [item] = itemRows(r, id);
    expect(item).toMatchObject({ state: 'failed', attempts: 2, error_kind: 'stream-cut', response_json: null });
    expect(item!.last_error).toBeTruthy();
    expect(r.events.filter((event) => event.batchId === id && event.kind === 'retry')).toHaveLength(1);
    expect(r.events.some((event) => event.batchId === id && event.kind === 'completed' && /0 done, 1 failed/.test(event.detail))).toBe(true);
  });

  it('runs a dead-lettered item again on retryFailed and stores exactly one result', async () => {
    const { r, id } = await deadLetteredBatch(rig);
    r.standin.clearFaults();
    const chatsBefore = r.standin.state().requests.filter((request) => request.path === '/api/chat' && request.status === 200).length;
    const summary = r.service.retryFailed(id);
    expect(summary.status).toBe('in_progress');
    expect(summary.counts.failed).toBe(0);
    await untilFinished(r.service, id);
    expect(r.service.summary(id)).toMatchObject({ status: 'completed', counts: { total: 1, done: 1, failed: 0 } });
    const rows = itemRows(r, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'done', attempts: 1, last_error: null, error_kind: null });
    const body = JSON.parse(rows[0]!.response_json!) as { object: string };
    expect(body.object).toBe('chat.completion');
    expect(r.standin.state().requests.filter((request) => request.path === '/api/chat' && request.status === 200).length - chatsBefore).toBe(1);
    expect(r.events.some((event) => event.batchId === id && event.kind === 'retry-failed' && /^1 failed items/.test(event.detail))).toBe(true);
  });

  it('goes past the first recovery step on repeated out-of-memory, in order, and still completes', async () => {
    const r = await rig({ slots: 4, standin: { numParallel: 4 } });
    // One failure at a time, so each triggers its own recovery pass rather than sharing one.
    let armed = 0;
    const rearm = setInterval(() => {
      const steps = r.events.filter((event) => event.kind.startsWith('recovery:')).length;
      if (armed < 4 && armed === steps && r.standin.state().pendingFaults.length === 0) {
        armed += 1;
        r.standin.setFault({ kind: 'oom', count: 1 });
      }
    }, 5);
    try {
      const batch = await r.service.submit(source('oom-deep.jsonl'), chatItems(30));
      await untilFinished(r.service, batch.id);
      expect(r.service.summary(batch.id).counts).toMatchObject({ done: 30, failed: 0 });
    } finally {
      clearInterval(rearm);
    }
    const steps = r.events.filter((event) => event.kind.startsWith('recovery:'));
    expect(steps.map((event) => event.kind)).toEqual(['recovery:fewer-slots', 'recovery:smaller-context', 'recovery:unload-others', 'recovery:restart-ollama']);
    expect(steps[0]!.detail).toMatch(/4 → 2/);
    expect(steps[1]!.detail).toMatch(/8192 → 4096/);
    expect(r.recoveryLog).toEqual(['unload qwen2.5:7b', 'restart']);
  });
});

describe('runner recycling on long batches', () => {
  const tempDir = useTempDirs();
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('drains, unloads the model, records recycle-runner, and ends with one result per item', async () => {
    const standin = await startOllamaStandin({ numParallel: 2, tokenLatencyMs: 5 });
    const db = openDatabase(tempDir());
    const llm = createLlmClient({
      db,
      host: () => standin.url,
      defaults: () => ({ numCtx: 8192, keepAlive: '5m' }),
      retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 20 },
      breaker: { failureThreshold: 5, cooldownMs: 1000 },
    });
    const events: BatchEvent[] = [];
    const unloaded: string[] = [];
    const service = new BatchService({
      db,
      llm,
      slots: () => 2,
      recoveryActions: { otherLoadedModels: async () => [], unload: async () => {}, restartEngine: async () => false, contextLength: () => 8192 },
      onProgress: () => {},
      onEvent: (event) => events.push(event),
      recycleEveryMs: () => 150,
      unload: async (model) => void unloaded.push(model),
    });
    service.start();
    // The service checks once a minute; the test drives the same check more often.
    const ticker = setInterval(() => void service.recycleIfDue(), 20);
    cleanups.push(async () => {
      clearInterval(ticker);
      await service.stop();
      db.close();
      await standin.close();
    });

    const batch = await service.submit(source('long.jsonl'), chatItems(40));
    await untilFinished(service, batch.id);
    clearInterval(ticker);

    const recycles = events.filter((event) => event.kind === 'recycle-runner');
    expect(recycles.length).toBeGreaterThan(0);
    expect(recycles[0]!.detail).toMatch(/unloaded llama3\.1:8b/);
    expect(unloaded.length).toBe(recycles.length);
    expect(new Set(unloaded)).toEqual(new Set(['llama3.1:8b']));
    expect(service.summary(batch.id).counts).toMatchObject({ total: 40, done: 40, failed: 0 });
    const rows = itemRows({ db }, batch.id);
    expect(rows.every((row) => row.state === 'done' && row.response_json !== null)).toBe(true);
  }, 20_000);
});
