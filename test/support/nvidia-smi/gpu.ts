// The GPU the nvidia-smi stand-in reports: an RTX 4080 (16 GB) whose used memory, load,
// temperature and power follow what the Ollama stand-in (or any Ollama) has loaded and is doing.
import { clientBaseUrl } from '../ollama/util.js';

const MIB = 1024 * 1024;

export interface GpuProcess {
  pid: number;
  /** C = compute (CUDA), G = graphics, as nvidia-smi marks them. */
  type: 'C' | 'G';
  name: string;
  usedMiB: number;
}

export interface GpuSnapshot {
  index: number;
  name: string;
  uuid: string;
  busId: string;
  serial: string;
  vbios: string;
  totalMiB: number;
  reservedMiB: number;
  usedMiB: number;
  freeMiB: number;
  utilGpu: number;
  utilMem: number;
  tempC: number;
  powerDraw: number;
  powerLimit: number;
  fanPct: number;
  pstate: string;
  clockGraphics: number;
  clockMem: number;
  processes: GpuProcess[];
}

export interface SmiSnapshot {
  timestamp: Date;
  driverVersion: string;
  cudaVersion: string;
  gpus: GpuSnapshot[];
}

/** What the stand-in learns from Ollama; all zero when nobody answers. */
export interface OllamaActivity {
  vramBytes: number;
  loadedModels: number;
  busy: boolean;
  pid: number | undefined;
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? await res.json() : undefined;
  } catch {
    return undefined; // Ollama not running: the card shows the desktop only
  }
}

/** Asks /api/ps (any Ollama) and /__standin/state (the stand-in only, for load and pid). */
export async function readOllamaActivity(env: NodeJS.ProcessEnv): Promise<OllamaActivity> {
  const base = (env.NVIDIA_SMI_STANDIN_OLLAMA || clientBaseUrl(env.OLLAMA_HOST)).replace(/\/+$/, '');
  const timeout = Number(env.NVIDIA_SMI_STANDIN_TIMEOUT_MS || 300);
  const [ps, state] = await Promise.all([getJson(`${base}/api/ps`, timeout), getJson(`${base}/__standin/state`, timeout)]);
  const models = (ps as { models?: Array<{ size_vram?: unknown }> } | undefined)?.models ?? [];
  const vramBytes = models.reduce((sum, m) => sum + (typeof m.size_vram === 'number' ? m.size_vram : 0), 0);
  const s = state as { activeRequests?: number; lastActivityAt?: number; pid?: number } | undefined;
  // "Busy" means answering now or within the last two seconds, as the card stays hot briefly.
  const busy = (s?.activeRequests ?? 0) > 0 || Date.now() - (s?.lastActivityAt ?? 0) < 2000;
  return { vramBytes, loadedModels: models.length, busy, pid: s?.pid };
}

function envNumber(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const value = Number(env[key]);
  return env[key] !== undefined && env[key] !== '' && Number.isFinite(value) ? value : fallback;
}

/** A small wobble that changes each second, so graphs move while tests stay predictable. */
function wobble(seed: number, span: number): number {
  return Math.floor(Date.now() / 1000 + seed) % (span + 1);
}

export function buildSnapshot(env: NodeJS.ProcessEnv, activity: OllamaActivity): SmiSnapshot {
  const count = Math.max(1, envNumber(env, 'NVIDIA_SMI_STANDIN_GPU_COUNT', 1));
  const totalMiB = envNumber(env, 'NVIDIA_SMI_STANDIN_TOTAL_MIB', 16376);
  const baseline = envNumber(env, 'NVIDIA_SMI_STANDIN_BASELINE_MIB', 600);
  const extra = envNumber(env, 'NVIDIA_SMI_STANDIN_EXTRA_MIB', 0);
  const name = env.NVIDIA_SMI_STANDIN_NAME || 'NVIDIA GeForce RTX 4080';
  const gpus: GpuSnapshot[] = [];
  for (let index = 0; index < count; index += 1) {
    const primary = index === 0; // the desktop and Ollama live on GPU 0
    const processes: GpuProcess[] = primary ? [
      { pid: 1875, type: 'G', name: '/usr/lib/xorg/Xorg', usedMiB: Math.round(baseline * 0.69) },
      { pid: 2210, type: 'G', name: '/usr/bin/gnome-shell', usedMiB: baseline - Math.round(baseline * 0.69) },
    ] : [];
    const ollamaMiB = primary ? Math.ceil(activity.vramBytes / MIB) : 0;
    if (ollamaMiB > 0) processes.push({ pid: activity.pid ?? 48213, type: 'C', name: '/usr/local/bin/ollama', usedMiB: ollamaMiB });
    if (primary && extra > 0) processes.push({ pid: 51002, type: 'C', name: 'python3', usedMiB: extra });
    const reservedMiB = 307;
    const usedMiB = Math.min(totalMiB - reservedMiB, processes.reduce((sum, p) => sum + p.usedMiB, 0) + (primary ? 0 : 1));
    const busy = primary && activity.busy;
    const loaded = ollamaMiB > 0;
    gpus.push({
      index, name,
      uuid: `GPU-5e6f3c2a-8d4b-4f1e-9a7c-${(0x1b2c3d4e5f60 + index).toString(16).padStart(12, '0')}`,
      busId: `00000000:${(1 + index).toString(16).padStart(2, '0').toUpperCase()}:00.0`,
      serial: 'N/A', vbios: '95.03.1C.00.8E', totalMiB, reservedMiB, usedMiB,
      freeMiB: totalMiB - reservedMiB - usedMiB,
      utilGpu: busy ? 92 + wobble(index, 7) : loaded ? wobble(index, 2) : wobble(index, 1),
      utilMem: busy ? 41 + wobble(index + 3, 9) : loaded ? 1 : 0,
      tempC: busy ? 68 + wobble(index, 4) : loaded ? 42 : 36 + (primary ? 1 : 0),
      powerDraw: busy ? 271.5 + wobble(index, 20) : loaded ? 24.31 : 11.87 + (primary ? 2 : 0),
      powerLimit: 320,
      fanPct: busy ? 54 : loaded ? 30 : 0,
      pstate: busy ? 'P2' : 'P8',
      clockGraphics: busy ? 2715 : 210,
      clockMem: busy ? 11201 : 405,
      processes,
    });
  }
  return {
    timestamp: new Date(),
    driverVersion: env.NVIDIA_SMI_STANDIN_DRIVER || '550.54.14',
    cudaVersion: env.NVIDIA_SMI_STANDIN_CUDA || '12.4',
    gpus,
  };
}
