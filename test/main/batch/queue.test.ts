import { describe, expect, it } from 'vitest';
import { startOllamaStandin } from '../../support/ollama/index';
import { chatItems, useBatchRig, type Rig } from './fixture';

const doneCount = (rig: Rig, id: string) => rig.service.summary(id).counts;

async function untilFinished(rig: Rig, id: string, timeout = 30_000): Promise<void> {
  await expect.poll(() => rig.service.summary(id).status, { timeout }).toMatch(/^(completed|cancelled|failed)$/);
}

describe('batch queue against the Ollama stand-in', () => {
  const rig = useBatchRig();

  it('runs every item once, with slots in flight, and stores OpenAI-shaped answers', async () => {
    const r = await rig({ slots: 4, standin: { numParallel: 4 } });
    const batch = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'test.jsonl' }, chatItems(40));
    expect(batch.counts.total).toBe(40);
    await untilFinished(r, batch.id);
    expect(doneCount(r, batch.id)).toMatchObject({ total: 40, done: 40, failed: 0, pending: 0, running: 0 });
    const row = r.db.prepare(`SELECT response_json FROM batch_items WHERE batch_id = ? AND custom_id = 'req-7'`).pluck().get(batch.id) as string;
    const body = JSON.parse(row) as { object: string; choices: Array<{ message: { content: string } }>; usage: { total_tokens: number } };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]!.message.content.length).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBeGreaterThan(0);
    // The stand-in saw one chat request per item: nothing ran twice.
    expect(r.standin.state().requests.filter((request) => request.path === '/api/chat')).toHaveLength(40);
    expect(r.progress.some((update) => update.id === batch.id && update.status === 'completed')).toBe(true);
  });

  it('recovers from out-of-memory in steps and still completes every item', async () => {
    const r = await rig({ slots: 4, standin: { numParallel: 4 } });
    r.standin.setFault({ kind: 'oom', count: 6 });
    const batch = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'oom.jsonl' }, chatItems(30));
    await untilFinished(r, batch.id);
    expect(doneCount(r, batch.id)).toMatchObject({ done: 30, failed: 0 });
    const steps = r.events.filter((event) => event.kind.startsWith('recovery:')).map((event) => event.kind);
    expect(steps[0]).toBe('recovery:fewer-slots');
    expect(r.events.some((event) => event.kind === 'out-of-memory')).toBe(true);
  });

  it('completes every item with an out-of-memory error injected every 10 requests', async () => {
    const r = await rig({ slots: 4, standin: { numParallel: 4, tokenLatencyMs: 1 } });
    let armedAt = 0;
    const rearm = setInterval(() => {
      const count = r.standin.state().requestCount;
      if (count - armedAt >= 10) {
        armedAt = count;
        r.standin.setFault({ kind: 'oom', count: 1 });
      }
    }, 5);
    try {
      const batch = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'oom-storm.jsonl' }, chatItems(60));
      await untilFinished(r, batch.id, 60_000);
      expect(doneCount(r, batch.id)).toMatchObject({ done: 60, failed: 0 });
      expect(r.events.filter((event) => event.kind === 'out-of-memory').length).toBeGreaterThan(2);
    } finally {
      clearInterval(rearm);
    }
  });

  it('waits for an engine that went away instead of churning through the queue, then completes', async () => {
    const r = await rig({ slots: 4, standin: { numParallel: 4 } });
    const port = r.standin.port;
    await r.standin.close();
    const batch = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'away.jsonl' }, chatItems(40));
    await expect.poll(() => r.events.filter((event) => event.kind === 'engine-wait').length, { timeout: 10_000 }).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // A handful of waits, not one retry per item per pass.
    expect(r.events.filter((event) => event.kind === 'engine-wait').length).toBeLessThan(6);
    expect(r.events.filter((event) => event.kind === 'retry')).toHaveLength(0);
    expect(doneCount(r, batch.id)).toMatchObject({ done: 0, failed: 0 });
    const back = await startOllamaStandin({ port, numParallel: 4 });
    try {
      await untilFinished(r, batch.id, 50_000);
      expect(doneCount(r, batch.id)).toMatchObject({ done: 40, failed: 0 });
    } finally {
      await back.close();
    }
  }, 60_000);

  it('slows down on a 503 storm and completes', async () => {
    const r = await rig({ slots: 8, standin: { numParallel: 1, maxQueue: 1 } });
    const batch = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'busy.jsonl' }, chatItems(25));
    await untilFinished(r, batch.id);
    expect(doneCount(r, batch.id)).toMatchObject({ done: 25, failed: 0 });
  });

  it('retries cut streams and dead-letters what cannot succeed, with the reason', async () => {
    const r = await rig({ slots: 2, standin: { numParallel: 2 } });
    r.standin.setFault({ kind: 'cut', count: 4, afterChunks: 1 });
    async function* mixed() {
      yield* chatItems(10);
      yield { kind: 'item' as const, customId: 'ghost', sourceLine: 11, request: { url: '/v1/chat/completions', body: { model: 'no-such:1b', messages: [{ role: 'user', content: 'hi' }] } } };
    }
    const batch = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'mixed.jsonl' }, mixed());
    await untilFinished(r, batch.id);
    expect(doneCount(r, batch.id)).toMatchObject({ done: 10, failed: 1 });
    const failed = r.db.prepare(`SELECT error_kind, last_error FROM batch_items WHERE batch_id = ? AND state = 'failed'`).get(batch.id) as { error_kind: string; last_error: string };
    expect(failed.error_kind).toBe('model-not-found');
    expect(failed.last_error).toMatch(/no-such:1b/);
  });

  it('pauses, resumes and cancels, keeping the results it has', async () => {
    const r = await rig({ slots: 1, standin: { numParallel: 1, tokenLatencyMs: 3 } });
    const batch = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'long.jsonl' }, chatItems(200));
    await expect.poll(() => doneCount(r, batch.id).done, { timeout: 10_000 }).toBeGreaterThan(2);
    r.service.pause(batch.id);
    await expect.poll(() => doneCount(r, batch.id).running).toBe(0);
    const doneWhilePaused = doneCount(r, batch.id).done;
    expect(r.service.summary(batch.id).status).toBe('paused');
    r.service.resume(batch.id);
    await expect.poll(() => doneCount(r, batch.id).done, { timeout: 10_000 }).toBeGreaterThan(doneWhilePaused);
    r.service.cancel(batch.id);
    await untilFinished(r, batch.id);
    const final = r.service.summary(batch.id);
    expect(final.status).toBe('cancelled');
    expect(final.counts.done).toBeGreaterThan(doneWhilePaused);
    expect(final.counts.pending).toBeGreaterThan(0);
    expect(() => r.service.resume(batch.id)).toThrow(/cancelled: it cannot become in_progress/);
  });

  it('runs the higher-priority batch first', async () => {
    const r = await rig({ slots: 1, standin: { numParallel: 1 } });
    const low = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'low.jsonl', priority: 0 }, chatItems(30, 'llama3.1:8b', 'low'));
    const high = await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'high.jsonl', priority: 5 }, chatItems(5, 'llama3.1:8b', 'high'));
    await untilFinished(r, high.id);
    expect(doneCount(r, low.id).done).toBeLessThan(30);
    await untilFinished(r, low.id);
  });

  it('refuses the same file twice unless asked', async () => {
    const r = await rig();
    async function* withChecksum() {
      yield* chatItems(2);
      yield { kind: 'end' as const, sha256: 'abc123' };
    }
    await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'same.jsonl' }, withChecksum());
    await expect(r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'same.jsonl' }, withChecksum())).rejects.toThrow(/already queued as batch_/);
    expect(r.service.list()).toHaveLength(1);
    await r.service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'same.jsonl', allowDuplicate: true }, withChecksum());
    expect(r.service.list()).toHaveLength(2);
  });
});
