// Shapes shared by the Ollama stand-in's modules. Field names follow Ollama's REST API
// (docs/api.md) so that what a test sees is what the product would see from a real server.

/** One model the stand-in can install (pull) and serve. Sizes are real-world figures. */
export interface ModelSpec {
  /** Full name with tag, e.g. `llama3.1:8b`. A name without a tag means `:latest`. */
  name: string;
  /** Bytes on disk, as /api/tags reports. */
  size: number;
  family: string;
  parameterSize: string;
  quantization: string;
  /** Native context window, reported by /api/show as `<family>.context_length`. */
  contextLength: number;
  /** Width of the model's hidden state; also the dimension of its embeddings. */
  embeddingLength: number;
  /** KV-cache bytes per token of context at f16; drives the loaded size in /api/ps. */
  kvBytesPerToken: number;
  /** An embedding-only model refuses /api/chat and /api/generate, as real ones do. */
  embeddingOnly?: boolean;
}

/** Settings that tests may change while the server runs (POST /__standin/config). */
export interface RuntimeConfig {
  version: string;
  /** Delay before the first streamed chunk of an answer. */
  firstTokenMs: number;
  /** Delay between streamed chunks. */
  tokenLatencyMs: number;
  /** Delay when a model is not yet loaded (load_duration). */
  loadMs: number;
  /** Download speed of /api/pull. */
  pullBytesPerSec: number;
  /** OLLAMA_NUM_PARALLEL: requests answered at once. */
  numParallel: number;
  /** OLLAMA_MAX_QUEUE: requests that may wait for a slot before 503. */
  maxQueue: number;
  /** OLLAMA_MAX_LOADED_MODELS; 0 means Ollama's default of 3 per GPU. */
  maxLoadedModels: number;
  /** OLLAMA_KEEP_ALIVE: duration string or seconds; negative keeps models forever. */
  keepAlive: string | number;
  /** OLLAMA_CONTEXT_LENGTH: num_ctx when a request does not set it. */
  contextLength: number;
  /** OLLAMA_FLASH_ATTENTION: needed for a quantised KV cache to take effect. */
  flashAttention: boolean;
  /** OLLAMA_KV_CACHE_TYPE: f16, q8_0 or q4_0. */
  kvCacheType: string;
  /** GPU memory in bytes (16 GiB card by default). */
  vramBytes: number;
  /** GPU memory already taken by other programs (the desktop). */
  vramReservedBytes: number;
  /** Embedding dimension override for nomic-embed-text-like models (0 = model's own). */
  embeddingDim: number;
  /** While true, inference holds its slot before answering: lets tests fill the queue. */
  paused: boolean;
}

export interface StandinOptions extends Partial<RuntimeConfig> {
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Port; default 0 (any free port). */
  port?: number;
  /** Names installed at start (from the catalogue). */
  installed?: string[];
  /** Models that can be pulled; default includes the installed ones. */
  catalogue?: ModelSpec[];
  /** JSON file keeping installed models and partial pulls across restarts. */
  stateFile?: string;
  /** Where log lines go (the binary writes them to stderr); default: nowhere. */
  log?: (line: string) => void;
  /** What a `crash` fault does; default: close the server abruptly (in-process safe). */
  onCrash?: () => void;
}

export type FaultKind =
  | 'oom' // 500 CUDA error: out of memory
  | 'system-memory' // 500 model requires more system memory ... than is available
  | 'busy' // 503 server busy
  | 'cut' // socket destroyed after `afterChunks` streamed chunks
  | 'error-line' // an {"error"} NDJSON line after `afterChunks` chunks
  | 'crash'; // the server dies on the request

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it hits; default 1. */
  count?: number;
  /** For `cut` and `error-line`: chunks sent before the fault; default 2. */
  afterChunks?: number;
  /** Overrides the error text. */
  message?: string;
  /** Request paths it applies to; default the inference paths. `*` matches all. */
  paths?: string[];
}

export interface LoadedModelState {
  name: string;
  size: number;
  sizeVram: number;
  contextLength: number;
  /** ISO time, or null when kept forever. */
  expiresAt: string | null;
  /** Requests currently using it. */
  inUse: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  model?: string;
}

export interface StandinState {
  pid: number;
  config: RuntimeConfig;
  installed: string[];
  loaded: LoadedModelState[];
  /** Bytes downloaded of pulls not finished (in progress or interrupted), by model. */
  partialPulls: Record<string, number>;
  activeRequests: number;
  queuedRequests: number;
  /** ms since epoch of the last inference chunk, 0 if none; the GPU stand-in reads it. */
  lastActivityAt: number;
  requestCount: number;
  requests: RequestLogEntry[];
  pendingFaults: FaultSpec[];
}
