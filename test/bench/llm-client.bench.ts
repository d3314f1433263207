import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations/index';
import { createLlmClient } from '../../main/engine/client/index';
import { call, spawnOllama } from '../support/harness';
import { formatTiming, type Timing } from './measure';

const benchMigrations = migrations;

const model = 'llama3.1:8b';
const messages = [
  { role: 'system' as const, content: 'You evaluate candidates for an analyst role. Be brief.' },
  { role: 'user' as const, content: 'Candidate: six years of data analysis, led a team of four, SQL and Python.' },
];

/** What a caller does without the client: POST, read every NDJSON line, parse it, keep the text. */
async function rawChat(url: string): Promise<string> {
  const response = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages, stream: true, options: { num_ctx: 8192 }, keep_alive: '5m' }),
  });
  let text = '';
  for (const line of (await response.text()).split('\n')) {
    if (line.trim() === '') continue;
    const parsed = JSON.parse(line) as { message?: { content?: string } };
    text += parsed.message?.content ?? '';
  }
  return text;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number): number => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  return { iterations: sorted.length, meanMs: sorted.reduce((sum, x) => sum + x, 0) / sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

/**
 * Times two tasks alternately, one call of each per round, so that drift on a noisy machine
 * (GC, another process, CPU frequency) falls on both alike instead of on whichever ran second.
 */
async function measurePair(a: () => Promise<unknown>, b: () => Promise<unknown>, rounds: number): Promise<[Timing, Timing]> {
  const warmup = Math.ceil(rounds / 10);
  const samples: [number[], number[]] = [[], []];
  for (let round = 0; round < warmup + rounds; round += 1) {
    for (const [index, task] of (round % 2 === 0 ? [[0, a], [1, b]] : [[1, b], [0, a]]) as Array<[0 | 1, () => Promise<unknown>]>) {
      const start = performance.now();
      await task();
      if (round >= warmup) samples[index].push(performance.now() - start);
    }
  }
  return [summarise(samples[0]), summarise(samples[1])];
}

const ratioLine = (label: string, raw: Timing, client: Timing): string =>
  `${label.padEnd(34)} overhead p50 ${(client.p50Ms - raw.p50Ms).toFixed(3)} ms, mean ${(client.meanMs - raw.meanMs).toFixed(3)} ms; ` +
  `ratio client / raw (p50) ${(client.p50Ms / raw.p50Ms).toFixed(3)}x`;

/**
 * The LLM client's own cost per call (budget check, breaker, rate limit, NDJSON, the SQLite
 * record of the call) against what the engine costs: the same chat over raw fetch and through
 * client.chat, alternately, to the stand-in running as its own process like a real Ollama; first
 * answering at once (the overhead in absolute terms), then with a fixed 20 ms to the first token
 * (the overhead relative to a fast local model's latency).
 */
export async function benchLlmClient(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tw-bench-llm-'));
  const db = new BetterSqlite3(join(dataDir, 'workstation.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db, benchMigrations);
  const ollama = await spawnOllama();
  const client = createLlmClient({ db, host: () => ollama.url, defaults: () => ({ numCtx: 8192, keepAlive: '5m' }) });
  const viaClient = () => client.chat({ feature: 'bench', model, template: { id: 'bench', version: 1 }, messages, onToken: () => undefined });
  const lines = ['LLM client overhead per call (chat, streamed, recorded in SQLite) against the Ollama stand-in (own process)'];
  try {
    for (const [label, firstTokenMs, rounds] of [['stand-in answering at once', 0, 400], ['stand-in with 20 ms to first token', 20, 150]] as const) {
      await call(ollama.url, '/__standin/config', { firstTokenMs, tokenLatencyMs: 0 });
      const [raw, wrapped] = await measurePair(() => rawChat(ollama.url), viaClient, rounds);
      lines.push(`${label}:`, formatTiming('  raw fetch + NDJSON', raw), formatTiming('  client.chat', wrapped), ratioLine('  client vs raw', raw, wrapped));
    }
    const recorded = db.prepare('SELECT COUNT(*) FROM llm_calls').pluck().get() as number;
    lines.push(`calls recorded: ${recorded}`);
    return lines;
  } finally {
    await ollama.stop();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
