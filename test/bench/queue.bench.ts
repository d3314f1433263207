import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { currentTemplate } from '../../main/batch/submit';
import { sourceFromFile } from '../../main/batch/file-source';
import { writeCandidateFile } from '../../main/batch/sample-data/index';
import { BatchService, type SourceRecord } from '../../main/batch/service';
import { openDatabase } from '../../main/db/open';
import { createLlmClient } from '../../main/engine/client/index';
import { spawnOllama } from '../support/harness';

const noRecovery = { otherLoadedModels: async () => [], unload: async () => {}, restartEngine: async () => false, contextLength: () => 8192 };

function serviceFor(dataDir: string, host: string, slots: number) {
  const db = openDatabase(dataDir);
  const llm = createLlmClient({ db, host: () => host, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }) });
  const service = new BatchService({ db, llm, slots: () => slots, recoveryActions: noRecovery, onProgress: () => {}, onEvent: () => {} });
  return { db, service };
}

async function* chatItems(count: number): AsyncGenerator<SourceRecord> {
  for (let index = 0; index < count; index += 1) {
    yield { kind: 'item', customId: `q-${index}`, sourceLine: index + 1, request: { url: '/v1/chat/completions', body: { model: 'llama3.1:8b', messages: [{ role: 'user', content: `Q${index}` }], max_tokens: 8 } } };
  }
}

/** Ingest plus queue: the 5,000-candidate file from read to rows committed. */
async function benchQueueing(root: string): Promise<string[]> {
  const file = join(root, 'candidates-5000.json');
  const manifest = await writeCandidateFile(file, { count: 5000, seed: 42, format: 'json' });
  const { db, service } = serviceFor(join(root, 'queueing'), 'http://127.0.0.1:9', 1);
  const template = currentTemplate(db, Date.now());
  const started = performance.now();
  const batch = await service.submit(
    { kind: 'candidates', endpoint: '/v1/chat/completions', sourceName: 'candidates-5000.json', model: 'llama3.1:8b' },
    sourceFromFile({ path: file, label: 'candidates-5000.json', model: 'llama3.1:8b', template }, { format: null }),
  );
  const seconds = (performance.now() - started) / 1000;
  // How much of each prompt is the shared system prompt, which Ollama keeps as a cached prefix.
  const shares = db
    .prepare(`SELECT length(json_extract(request_json, '$.body.messages[0].content')) AS system, length(request_json) AS whole FROM batch_items WHERE batch_id = ? LIMIT 500`)
    .all(batch.id) as Array<{ system: number; whole: number }>;
  const shared = shares.reduce((sum, row) => sum + row.system, 0) / shares.reduce((sum, row) => sum + row.whole, 0);
  db.close();
  return [
    `Queueing ${batch.counts.total.toLocaleString('en-US')} candidates (${(manifest.bytes / 1e6).toFixed(1)} MB JSON): ${seconds.toFixed(2)} s (target < 3 s), ${Math.round(batch.counts.total / seconds)} items/s`,
    `shared system prompt: ${(shared * 100).toFixed(0)} % of each request's characters, byte-identical across items`,
  ];
}

/** Raw throughput of P loops of plain fetch against the same stand-in: what the machine itself allows. */
async function rawThroughput(url: string, slots: number, items: number): Promise<number> {
  const one = () =>
    fetch(`${url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Q' }], options: { num_predict: 8 } }) }).then((response) => response.text());
  await one();
  const started = performance.now();
  await Promise.all(Array.from({ length: slots }, async () => {
    for (let index = 0; index < items / slots; index += 1) await one();
  }));
  return items / ((performance.now() - started) / 1000);
}

/** Throughput against the stand-in (its own process) with P slots and a fixed latency, as a share of the ideal P / latency. */
async function benchEfficiency(root: string): Promise<string[]> {
  // Real evaluations take seconds (seed 003: 5.4 s a candidate); 250 ms keeps the run short while
  // the stand-in's own few milliseconds per request stay small beside it.
  const slots = 4;
  const latencyMs = 250;
  const items = 160;
  const standin = await spawnOllama({ OLLAMA_NUM_PARALLEL: String(slots), OLLAMA_STANDIN_FIRST_TOKEN_MS: String(latencyMs), OLLAMA_STANDIN_LATENCY_MS: '0' });
  const { db, service } = serviceFor(join(root, 'efficiency'), standin.url, slots);
  try {
    const raw = await rawThroughput(standin.url, slots, items);
    service.start();
    const started = performance.now();
    const batch = await service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'efficiency.jsonl' }, chatItems(items));
    while (service.summary(batch.id).status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 5));
    const seconds = (performance.now() - started) / 1000;
    const ideal = (slots * 1000) / latencyMs;
    const actual = items / seconds;
    return [
      `Queue efficiency: ${items} items, ${slots} slots, ${latencyMs} ms each: ${actual.toFixed(1)} req/s; ideal P/latency ${ideal.toFixed(1)} (ratio ${(actual / ideal).toFixed(3)}, target ≥ 0.95)`,
      `  plain fetch, ${slots} loops, same stand-in: ${raw.toFixed(1)} req/s (queue / plain fetch: ${(actual / raw).toFixed(3)})`,
    ];
  } finally {
    await service.stop();
    db.close();
    await standin.stop();
  }
}

/** The queue's own cost per item: claim, commit the result, count, with no model in the way. */
async function benchOverhead(root: string): Promise<string[]> {
  const items = 20_000;
  const { db, service } = serviceFor(join(root, 'overhead'), 'http://127.0.0.1:9', 4);
  const batch = await service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'overhead.jsonl' }, chatItems(items));
  const response = { id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' } }], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } };
  const started = performance.now();
  let done = 0;
  while (done < items) {
    for (const item of service.store.claim(batch.id, 'bench-owner', 4, 60_000, Date.now())) {
      service.store.complete(item, 'bench-owner', { response, tokensIn: 5, tokensOut: 2, latencyMs: 1 }, Date.now());
      done += 1;
    }
  }
  const micros = ((performance.now() - started) * 1000) / items;
  db.close();
  return [`Queue overhead per item (claim in a transaction + commit the result, WAL, synchronous=NORMAL): ${micros.toFixed(0)} µs over ${items.toLocaleString('en-US')} items`];
}

/** The 170,000-candidate file streamed into the queue, sampling RSS to show memory stays flat. */
async function benchLargeQueueing(root: string): Promise<string[]> {
  const file = join(root, 'candidates-170000.jsonl');
  const manifest = await writeCandidateFile(file, { count: 170_000, seed: 7, format: 'jsonl', detail: 'compact' });
  const { db, service } = serviceFor(join(root, 'large'), 'http://127.0.0.1:9', 1);
  const template = currentTemplate(db, Date.now());
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const batch = await service.submit(
    { kind: 'candidates', endpoint: '/v1/chat/completions', sourceName: 'candidates-170000.jsonl', model: 'llama3.1:8b' },
    sourceFromFile({ path: file, label: 'candidates-170000.jsonl', model: 'llama3.1:8b', template }, { format: null }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  db.close();
  return [
    `Queueing ${batch.counts.total.toLocaleString('en-US')} candidates (${(manifest.bytes / 1e6).toFixed(0)} MB JSONL): ${seconds.toFixed(1)} s, peak RSS ${((peak - baseline) / 2 ** 20).toFixed(0)} MiB over baseline (target < 300 MiB)`,
  ];
}

export async function benchQueue(): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'tw-bench-queue-'));
  try {
    return [
      'Batch queue',
      ...(await benchQueueing(root)),
      ...(await benchEfficiency(root)),
      ...(await benchOverhead(root)),
      ...(await benchLargeQueueing(root)),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
