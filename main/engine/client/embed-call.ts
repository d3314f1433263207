import { CallScope, recorded, type ClientDeps } from './call-scope';
import { cacheKeyOf } from './cache';
import { throwIfAborted } from './clock';
import { fitInputs } from './context-budget';
import { EngineError } from './errors';
import { postJson, statsOf, type WireTarget } from './ollama-http';
import { withRetries } from './resilience';
import { sentOptions } from './text-call';
import type { EmbedRequest, EmbedResult } from './types';

interface CachedEmbeddings {
  embeddings: number[][];
}

function embeddingsOf(answer: Record<string, unknown>, expected: number, target: WireTarget): number[][] {
  const embeddings = answer.embeddings;
  const valid = Array.isArray(embeddings) && embeddings.length === expected
    && embeddings.every((row) => Array.isArray(row) && row.every((x) => typeof x === 'number'));
  if (!valid) throw new EngineError(target.host, 200, `expected ${expected} embeddings in the answer`);
  return embeddings as number[][];
}

/**
 * embed: each input checked against num_ctx (trimmed only by the caller's rule), sent with
 * `truncate: false` so Ollama refuses, rather than silently cuts, what the estimate let through.
 */
export function runEmbedCall(deps: ClientDeps, request: EmbedRequest): Promise<EmbedResult> {
  const scope = new CallScope(deps, { feature: request.feature, operation: 'embed', model: request.model, template: request.template });
  return recorded(scope, async () => {
    throwIfAborted(request.signal);
    const { options, numCtx } = sentOptions(deps, request.options);
    const inputs = typeof request.input === 'string' ? [request.input] : [...request.input];
    const keepAlive = request.keepAlive ?? deps.defaults().keepAlive;
    scope.options = { ...options, keep_alive: keepAlive };
    const fitted = fitInputs(inputs, numCtx, request.trim);
    scope.estimatedTokensIn = fitted.estimate;
    scope.trimmed = fitted.trimmed;
    const body = { model: request.model, input: fitted.value, truncate: false, options, keep_alive: keepAlive };

    const key = request.cache ? cacheKeyOf('embed', body) : null;
    const hit = key ? deps.cache.get<CachedEmbeddings>(key, deps.clock.now()) : undefined;
    if (hit) {
      scope.cacheHit = true;
      return hit.embeddings;
    }
    scope.waitMs += await deps.limiter.acquire(request.feature, request.signal);
    const target: WireTarget = { host: deps.host(), model: request.model, signal: request.signal };
    const answer = await withRetries(deps, { model: request.model, signal: request.signal, onRetry: request.onRetry }, scope.tally,
      () => postJson(target, '/api/embed', body));
    const embeddings = embeddingsOf(answer, inputs.length, target);
    scope.addStats(statsOf(answer));
    if (key && request.cache) {
      const cached: CachedEmbeddings = { embeddings };
      deps.cache.set(key, 'embed', request.model, cached, request.cache.ttlMs, deps.clock.now());
    }
    return embeddings;
  }, (embeddings, meta) => ({ ...meta, embeddings }));
}
