import type { LlmClient } from '../engine/client/index';

/**
 * What pricing needs from the local engine, all optional: the one LLM client, the configured
 * models (settings.models.pricing / .embedding) and which models are installed (null while the
 * engine cannot be reached). Pricing never requires it: every use falls back silently.
 */
export interface PricingLlm {
  client: Pick<LlmClient, 'chat' | 'embed'>;
  models: () => { pricing: string; embedding: string };
  installed: () => Promise<readonly string[] | null>;
  /** Cap on one explanation or re-rank call; 8 s by default. */
  timeoutMs?: number;
}

export const defaultLlmTimeoutMs = 8_000;

/** Ollama's naming rule: no tag means `:latest`. */
export function modelKey(name: string): string {
  const trimmed = name.trim().toLowerCase();
  const slash = trimmed.lastIndexOf('/');
  return trimmed.slice(slash + 1).includes(':') ? trimmed : `${trimmed}:latest`;
}

/** The configured model for `use` when the engine is up and has it installed; null otherwise. */
export async function availableModel(llm: PricingLlm | undefined, use: 'pricing' | 'embedding'): Promise<string | null> {
  if (llm === undefined) return null;
  const wanted = llm.models()[use];
  const installed = await llm.installed().catch(() => null);
  if (installed === null) return null;
  return installed.some((name) => modelKey(name) === modelKey(wanted)) ? wanted : null;
}

/**
 * Installed model names from Ollama's /api/tags (null when unreachable), remembered for `ttlMs`.
 * For doors without the status monitor (the CLI, tests); the app uses the monitor's status.
 */
export function installedFromTags(host: () => string, ttlMs = 5_000, timeoutMs = 1_500): () => Promise<string[] | null> {
  let cached: { at: number; names: string[] | null } | null = null;
  return async () => {
    if (cached !== null && Date.now() - cached.at < ttlMs) return cached.names;
    let names: string[] | null = null;
    try {
      const response = await fetch(new URL('/api/tags', host()), { signal: AbortSignal.timeout(timeoutMs) });
      if (response.ok) {
        const body = (await response.json()) as { models?: Array<{ name?: unknown }> };
        names = (body.models ?? []).map((model) => model.name).filter((name): name is string => typeof name === 'string');
      }
    } catch {
      names = null;
    }
    cached = { at: Date.now(), names };
    return names;
  };
}
