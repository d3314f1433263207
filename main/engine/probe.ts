import { Ollama } from 'ollama';
import type { EngineStatus } from '../system/schema';

/** Why a request to Ollama failed, in words an analyst can act on. */
export function describeEngineFailure(host: string, error: unknown): string {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error);
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|fetch failed/i.test(text)) {
    return `Ollama is not running at ${host}: start it (ollama serve), or set OLLAMA_HOST or the Ollama host in Settings.`;
  }
  if (/timeout|aborted/i.test(text)) {
    return `Ollama at ${host} did not answer in time: it may be busy loading a model; try again shortly.`;
  }
  return `Ollama at ${host} answered with an error: ${text.trim()}`;
}

/** A fetch that gives up, so a hung server never hangs the status bar or the doctor. */
const fetchWithTimeout =
  (timeoutMs: number): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });

export async function probeEngine(host: string, timeoutMs = 3000): Promise<EngineStatus> {
  const client = new Ollama({ host, fetch: fetchWithTimeout(timeoutMs) });
  const checkedAt = new Date().toISOString();
  try {
    const [version, tags, ps] = await Promise.all([client.version(), client.list(), client.ps()]);
    return {
      host,
      reachable: true,
      version: version.version,
      installed: tags.models.map((model) => ({
        name: model.name,
        sizeBytes: model.size,
        family: model.details?.family || null,
        parameterSize: model.details?.parameter_size || null,
        quantization: model.details?.quantization_level || null,
      })),
      loaded: ps.models.map((model) => ({
        name: model.name,
        sizeBytes: model.size,
        vramBytes: model.size_vram,
        expiresAt: model.expires_at ? new Date(model.expires_at).toISOString() : null,
      })),
      problem: null,
      checkedAt,
    };
  } catch (error) {
    return {
      host,
      reachable: false,
      version: null,
      installed: [],
      loaded: [],
      problem: describeEngineFailure(host, error),
      checkedAt,
    };
  }
}
