// Public surface of the Ollama stand-in for tests: start one in process, or read its types.
export { startOllamaStandin, type OllamaStandin } from './server.js';
export { DEFAULT_CATALOGUE, DEFAULT_INSTALLED, normalizeName } from './models.js';
export { defaultConfig } from './context.js';
export { BUSY_MESSAGE, FAULT_KINDS, INFERENCE_PATHS } from './faults.js';
export { MANIFEST_MISSING } from './pull.js';
export { optionsFromEnv } from './env.js';
export { cosine } from './embed.js';
export { valueForSchema } from './schema-output.js';
export { parseKeepAlive, parseOllamaHost, clientBaseUrl } from './util.js';
export type {
  FaultKind, FaultSpec, LoadedModelState, ModelSpec, RequestLogEntry, RuntimeConfig, StandinOptions, StandinState,
} from './types.js';
