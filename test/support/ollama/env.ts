// Reads the stand-in's options from the environment the way `ollama serve` reads its own
// (OLLAMA_*), plus OLLAMA_STANDIN_* for what only the stand-in has.
import type { StandinOptions } from './types.js';
import { parseKeepAlive, parseOllamaHost } from './util.js';

const MIB = 1024 * 1024;

function num(env: NodeJS.ProcessEnv, key: string): number | undefined {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${key} must be a number, got "${raw}"`);
  return value;
}

function list(env: NodeJS.ProcessEnv, key: string): string[] | undefined {
  const raw = env[key];
  if (raw === undefined) return undefined;
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Copies into `target` only the values that are set, so defaults stay defaults. */
function assign<K extends keyof StandinOptions>(target: StandinOptions, key: K, value: StandinOptions[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): StandinOptions {
  const host = parseOllamaHost(env.OLLAMA_HOST);
  const options: StandinOptions = { host: host.host, port: host.port };
  assign(options, 'numParallel', num(env, 'OLLAMA_NUM_PARALLEL'));
  assign(options, 'maxQueue', num(env, 'OLLAMA_MAX_QUEUE'));
  assign(options, 'maxLoadedModels', num(env, 'OLLAMA_MAX_LOADED_MODELS'));
  assign(options, 'contextLength', num(env, 'OLLAMA_CONTEXT_LENGTH'));
  const keepAlive = env.OLLAMA_KEEP_ALIVE;
  if (keepAlive !== undefined && keepAlive !== '') {
    if (parseKeepAlive(keepAlive) === undefined) throw new Error(`invalid OLLAMA_KEEP_ALIVE "${keepAlive}"`);
    options.keepAlive = keepAlive;
  }
  const flash = env.OLLAMA_FLASH_ATTENTION;
  if (flash !== undefined && flash !== '') options.flashAttention = ['1', 'true', 'yes', 'on'].includes(flash.toLowerCase());
  assign(options, 'kvCacheType', env.OLLAMA_KV_CACHE_TYPE || undefined);

  assign(options, 'version', env.OLLAMA_STANDIN_VERSION || undefined);
  assign(options, 'firstTokenMs', num(env, 'OLLAMA_STANDIN_FIRST_TOKEN_MS'));
  assign(options, 'tokenLatencyMs', num(env, 'OLLAMA_STANDIN_LATENCY_MS'));
  assign(options, 'loadMs', num(env, 'OLLAMA_STANDIN_LOAD_MS'));
  assign(options, 'pullBytesPerSec', num(env, 'OLLAMA_STANDIN_PULL_BPS'));
  const vramMiB = num(env, 'OLLAMA_STANDIN_VRAM_MIB');
  if (vramMiB !== undefined) options.vramBytes = vramMiB * MIB;
  const reservedMiB = num(env, 'OLLAMA_STANDIN_VRAM_RESERVED_MIB');
  if (reservedMiB !== undefined) options.vramReservedBytes = reservedMiB * MIB;
  assign(options, 'embeddingDim', num(env, 'OLLAMA_STANDIN_EMBED_DIM'));
  assign(options, 'installed', list(env, 'OLLAMA_STANDIN_INSTALLED'));
  assign(options, 'stateFile', env.OLLAMA_STANDIN_STATE_FILE || undefined);
  return options;
}
