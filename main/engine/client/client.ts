import { defaultRetryPolicy } from './backoff';
import { CircuitBreakers, defaultBreakerPolicy } from './breaker';
import { defaultCachePolicy, ResponseCache } from './cache';
import type { ClientDeps } from './call-scope';
import { systemClock } from './clock';
import { runEmbedCall } from './embed-call';
import { RateLimiter } from './rate-limit';
import { CallRecorder, deleteCallsOlderThan } from './recorder';
import { runTextCall } from './text-call';
import type {
  BreakerChange, BreakerState, CallRecord, ChatRequest, EmbedRequest, EmbedResult, GenerateRequest, LlmClientOptions,
  OutputSchema, RateLimit, TextResult, ValueOf,
} from './types';

/** The one way features reach the model. */
export interface LlmClient {
  chat<S extends OutputSchema | undefined = undefined>(request: ChatRequest<S>): Promise<TextResult<ValueOf<S>>>;
  generate<S extends OutputSchema | undefined = undefined>(request: GenerateRequest<S>): Promise<TextResult<ValueOf<S>>>;
  embed(request: EmbedRequest): Promise<EmbedResult>;
  /** The model's breaker as a status page would show it. */
  breakerState(model: string): BreakerState;
  /** Every recorded call, as it is written (the lead forwards these to the UI). Returns unsubscribe. */
  onCallRecorded(listener: (record: CallRecord) => void): () => void;
  onBreakerChange(listener: (change: BreakerChange) => void): () => void;
  /** Retention: deletes recorded calls older than `days`; returns how many went. */
  pruneCalls(days: number): number;
  /** Empties the response cache; returns how many entries went. */
  clearCache(): number;
}

function limitsOf(option: LlmClientOptions['rateLimits']): (feature: string) => RateLimit | undefined {
  if (option === undefined) return () => undefined;
  if (typeof option === 'function') return option;
  return (feature) => (Object.prototype.hasOwnProperty.call(option, feature) ? option[feature] : undefined);
}

/**
 * Builds the client over an open database (migrated to 003 or later) and a host read at each
 * call, so a settings change applies to the next call without rebuilding anything.
 */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const clock = options.clock ?? systemClock;
  const breakerListeners = new Set<(change: BreakerChange) => void>();
  const breakers = new CircuitBreakers({ ...defaultBreakerPolicy, ...options.breaker }, () => clock.now(), (change) => {
    for (const listener of breakerListeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure is its own; the breaker has moved regardless.
      }
    }
  });
  const recorder = new CallRecorder(options.db);
  const log = options.log ?? (() => undefined);
  const deps: ClientDeps = {
    clock,
    random: options.random ?? Math.random,
    retry: { ...defaultRetryPolicy, ...options.retry },
    breakers,
    limiter: new RateLimiter(limitsOf(options.rateLimits), clock),
    cache: new ResponseCache(options.db, { ...defaultCachePolicy, ...options.cache }, (message) => log('warn', message)),
    recorder,
    host: options.host,
    defaults: options.defaults,
    log,
  };

  return {
    chat: <S extends OutputSchema | undefined = undefined>(request: ChatRequest<S>) =>
      runTextCall<S>(deps, { operation: 'chat', request }),
    generate: <S extends OutputSchema | undefined = undefined>(request: GenerateRequest<S>) =>
      runTextCall<S>(deps, { operation: 'generate', request }),
    embed: (request) => runEmbedCall(deps, request),
    breakerState: (model) => breakers.state(model),
    onCallRecorded: (listener) => recorder.subscribe(listener),
    onBreakerChange: (listener) => {
      breakerListeners.add(listener);
      return () => breakerListeners.delete(listener);
    },
    pruneCalls: (days) => deleteCallsOlderThan(options.db, days, clock.now()),
    clearCache: () => deps.cache.clear(),
  };
}
