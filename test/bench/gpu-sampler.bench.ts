import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../main/db/migrate';
import { m002GpuSamples } from '../../main/db/migrations/002-gpu-samples';
import { migrations } from '../../main/db/migrations/index';
import { parseSampleLine } from '../../main/gpu/csv';
import { GpuHistory } from '../../main/gpu/history';
import { probeGpu } from '../../main/gpu/probe';
import type { GpuSample } from '../../main/gpu/schema';
import { createGpuService } from '../../main/gpu/service';
import { GpuStore } from '../../main/gpu/store';
import { STANDIN_BIN } from '../support/harness';

/**
 * What GPU sampling costs this process: the streaming sampler (one long-lived
 * `nvidia-smi --query-gpu ... -lms` child, lines parsed as they come) against spawning
 * `nvidia-smi -q -x` through node-nvidia-smi for every sample, as the status probe does.
 *
 * Two measures per way, each net of an idle window of this same process:
 * - main-thread busy time (event-loop utilisation, high-resolution): the work the sampling adds
 *   to the thread that also serves the UI; the steadier figure;
 * - process CPU (process.cpuUsage, every thread): includes the loader thread under tsx and GC
 *   helpers, which spend a few ms a second of their own, so it is noisy on a busy machine.
 * The children's own CPU is shown apart, from /proc; it is the stand-in's (a Node program, whose
 * start-up dominates the spawning figure), not the real tool's.
 */

const STREAM_SAMPLES = 60;
const SPAWN_SAMPLES = 10;
const IDLE_WINDOW_MS = 5_000;
const PARSE_LINES = 200_000;
const INTERVAL_MS = 250;

interface Window {
  cpuUs: number;
  busyUs: number;
  wallMs: number;
}

/** Starts a measurement; calling the result ends it. */
function meter(): () => Window {
  const cpu = process.cpuUsage();
  const elu: EventLoopUtilization = performance.eventLoopUtilization();
  const started = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    return {
      cpuUs: used.user + used.system,
      busyUs: performance.eventLoopUtilization(elu).active * 1000,
      wallMs: performance.now() - started,
    };
  };
}

/** The process doing nothing (what runs in the background anyway): its rates per wall ms. */
async function idle(wallMs: number): Promise<Window> {
  const stop = meter();
  await new Promise((resolve) => setTimeout(resolve, wallMs));
  const window = stop();
  return { cpuUs: window.cpuUs / window.wallMs, busyUs: window.busyUs / window.wallMs, wallMs: 1 };
}

/** Per-sample cost of a window, less what the idle process spends over the same wall time. */
function perSample(window: Window, idleRate: Window, samples: number): { cpuUs: number; busyUs: number } {
  return {
    cpuUs: Math.max(0, window.cpuUs - idleRate.cpuUs * window.wallMs) / samples,
    busyUs: Math.max(0, window.busyUs - idleRate.busyUs * window.wallMs) / samples,
  };
}

/** utime + stime of a process (or the waited-for children of this one), in µs, from /proc; null off Linux. */
function procCpuMicros(pid: number | 'self', children: boolean): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the name start at field 3 (state): utime is 14, stime 15, cutime 16, cstime 17.
    const ticks = (field: number) => Number(fields[field - 3]);
    const total = children ? ticks(16) + ticks(17) : ticks(14) + ticks(15);
    return (total * 1_000_000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function openDb(dir: string, name: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(join(dir, name));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db, migrations.some((migration) => migration.version === 2) ? migrations : [...migrations, m002GpuSamples]);
  return db;
}

async function streamWindow(dir: string): Promise<{ window: Window; childUs: number | null }> {
  const db = openDb(dir, 'stream.sqlite');
  const service = createGpuService({
    db,
    settings: () => ({ gpuSampleIntervalMs: INTERVAL_MS, vramWarnPercent: 87.5, vramActMiB: 14336 }),
    env: { ...process.env, PATH: `${STANDIN_BIN}:${process.env.PATH ?? ''}`, OLLAMA_HOST: '127.0.0.1:9' },
  });
  let seen = 0;
  let stop: (() => Window) | null = null;
  let pid: number | null = null;
  let childStart: number | null = null;
  const done = new Promise<{ window: Window; childUs: number | null }>((resolve) => {
    service.onSample((sample) => {
      if (sample.vramUsedMiB === null) return;
      seen += 1;
      // Counting starts at the second line, once the child runs and start-up work is behind.
      if (seen === 2) {
        stop = meter();
        pid = service.latest().sampler.pid;
        childStart = pid === null ? null : procCpuMicros(pid, false);
      } else if (seen === STREAM_SAMPLES + 2) {
        const window = stop!();
        const childEnd = pid === null ? null : procCpuMicros(pid, false);
        resolve({ window, childUs: childEnd === null || childStart === null ? null : (childEnd - childStart) / STREAM_SAMPLES });
      }
    });
  });
  service.start();
  try {
    return await done;
  } finally {
    await service.stop();
    db.close();
  }
}

async function spawnWindow(): Promise<{ window: Window; childUs: number | null }> {
  // node-nvidia-smi runs `nvidia-smi -q -x` through a shell, so the stand-in must be on this process's PATH.
  const saved = { PATH: process.env.PATH, OLLAMA_HOST: process.env.OLLAMA_HOST };
  process.env.PATH = `${STANDIN_BIN}:${saved.PATH ?? ''}`;
  process.env.OLLAMA_HOST = '127.0.0.1:9';
  try {
    const warm = await probeGpu();
    if (!warm.present) throw new Error(`nvidia-smi -q -x failed: ${warm.problem ?? 'unknown'}`);
    const childrenBefore = procCpuMicros('self', true);
    const stop = meter();
    for (let index = 0; index < SPAWN_SAMPLES; index += 1) await probeGpu();
    const window = stop();
    const childrenAfter = procCpuMicros('self', true);
    return { window, childUs: childrenBefore === null || childrenAfter === null ? null : (childrenAfter - childrenBefore) / SPAWN_SAMPLES };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function parseCostUs(): number {
  const lines = Array.from({ length: 1000 }, (_, index) => `0, ${600 + index}, 16376, ${index % 100}, ${40 + (index % 30)}, ${(13 + index / 7).toFixed(2)}, 320.00`);
  let sink = 0;
  for (let index = 0; index < 20_000; index += 1) sink += parseSampleLine(lines[index % 1000]!)?.vramUsedMiB ?? 0;
  const started = performance.now();
  for (let index = 0; index < PARSE_LINES; index += 1) sink += parseSampleLine(lines[index % 1000]!)?.vramUsedMiB ?? 0;
  const elapsed = performance.now() - started;
  if (sink < 0) throw new Error('unreachable');
  return (elapsed * 1000) / PARSE_LINES;
}

/** History and bucket cost per sample, the SQLite write (one per 10 s bucket) included. */
function historyCostUs(dir: string): number {
  const db = openDb(dir, 'history.sqlite');
  try {
    const history = new GpuHistory({ store: new GpuStore(db), intervalMs: 1000 });
    const base = Math.floor(Date.now() / 10_000) * 10_000;
    const sample = (index: number): GpuSample => ({
      at: base + index * 1000, vramUsedMiB: 600 + (index % 50), vramTotalMiB: 16376, utilizationPercent: index % 100,
      temperatureC: 40, powerDrawW: 100 + (index % 20), powerLimitW: 320, ramUsedMiB: 8000, ramTotalMiB: 24000,
    });
    for (let index = 0; index < 2000; index += 1) history.add(sample(index));
    const count = 50_000;
    const started = performance.now();
    for (let index = 2000; index < 2000 + count; index += 1) history.add(sample(index));
    return ((performance.now() - started) * 1000) / count;
  } finally {
    db.close();
  }
}

const us = (value: number): string => `${value.toFixed(1)} µs`;
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(1)}x` : 'streaming below the idle noise');

export async function benchGpuSampler(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tw-bench-gpu-'));
  try {
    // Idle windows first and around the stream, before the busy micro-benchmarks leave GC work behind.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleBefore = await idle(IDLE_WINDOW_MS);
    const stream = await streamWindow(dir);
    const idleAfter = await idle(IDLE_WINDOW_MS);
    const idleRate = { cpuUs: Math.min(idleBefore.cpuUs, idleAfter.cpuUs), busyUs: Math.min(idleBefore.busyUs, idleAfter.busyUs), wallMs: 1 };
    const spawn = await spawnWindow();
    const parseUs = parseCostUs();
    const historyUs = historyCostUs(dir);
    const streamed = perSample(stream.window, idleRate, STREAM_SAMPLES);
    const spawned = perSample(spawn.window, idleRate, SPAWN_SAMPLES);
    const label = (text: string) => text.padEnd(46);
    const lines = [
      'GPU sampler cost per sample in this process (nvidia-smi is the test stand-in; net of an idle baseline)',
      `${label('parse one CSV line')} ${us(parseUs)}`,
      `${label('history + 10 s buckets (SQLite) per sample')} ${us(historyUs)}`,
      `${label('idle process, per interval')} main thread ${us(idleRate.busyUs * INTERVAL_MS)}, process CPU ${us(idleRate.cpuUs * INTERVAL_MS)}`,
      `${label(`streaming child, -lms ${INTERVAL_MS} (n=${STREAM_SAMPLES})`)} main thread ${us(streamed.busyUs)}, process CPU ${us(streamed.cpuUs)} (process table included: read when VRAM use moves)`,
      `${label(`spawn nvidia-smi -q -x each sample (n=${SPAWN_SAMPLES})`)} main thread ${us(spawned.busyUs)}, process CPU ${us(spawned.cpuUs)}, ${(spawn.window.wallMs / SPAWN_SAMPLES).toFixed(0)} ms wall each`,
      `ratio spawn / streaming: main thread ${ratio(spawned.busyUs, streamed.busyUs)}, process CPU ${ratio(spawned.cpuUs, streamed.cpuUs)}`,
    ];
    if (stream.childUs !== null && spawn.childUs !== null) {
      lines.push(`children's CPU per sample: streaming ${us(stream.childUs)}, spawning ${us(spawn.childUs)} (10 ms ticks; the stand-in's, not the driver's)`);
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Runs on its own too: `npx tsx test/bench/gpu-sampler.bench.ts`.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${(await benchGpuSampler()).join('\n')}\n`);
}
