import type { Settings } from '../../settings/schema';

export type OllamaEnv = Record<string, string>;

/** The analyst's settings as Ollama's own environment variables, for an `ollama serve` we start. */
export function ollamaEnvFor(settings: Settings, hostPort: string): OllamaEnv {
  return {
    OLLAMA_HOST: hostPort,
    OLLAMA_NUM_PARALLEL: String(settings.parallelSlots),
    OLLAMA_MAX_LOADED_MODELS: String(settings.maxLoadedModels),
    OLLAMA_KEEP_ALIVE: settings.keepAlive,
    OLLAMA_FLASH_ATTENTION: settings.flashAttention ? '1' : '0',
    // Quantised KV caches need flash attention; without it Ollama falls back to f16 anyway.
    OLLAMA_KV_CACHE_TYPE: settings.flashAttention ? settings.kvCacheType : 'f16',
    OLLAMA_CONTEXT_LENGTH: String(settings.contextLength),
    OLLAMA_MAX_QUEUE: String(settings.ollamaMaxQueue),
  };
}

/** Names of the variables whose value differs, i.e. what a restart would change. */
export function changedVariables(running: OllamaEnv, wanted: OllamaEnv): string[] {
  return Object.keys(wanted).filter((key) => running[key] !== wanted[key]);
}

/** An `ollama serve` can only be started for a host on this machine. */
export function isLocalHost(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

export const hostPortOf = (baseUrl: string): string => new URL(baseUrl).host;
