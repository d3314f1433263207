import { performance } from 'node:perf_hooks';
import type { ResponseCache } from './cache';
import type { CircuitBreakers } from './breaker';
import { ContextOverflowError, outcomeOf } from './errors';
import type { EngineStats } from './ollama-http';
import type { RateLimiter } from './rate-limit';
import type { CallRecorder } from './recorder';
import type { Resilience, Tally } from './resilience';
import type { CallMeta, EngineDefaults, LogLevel, Operation, TemplateRef, TrimReport } from './types';

/** What every call needs from the client; built once by createLlmClient. */
export interface ClientDeps extends Resilience {
  breakers: CircuitBreakers;
  limiter: RateLimiter;
  cache: ResponseCache;
  recorder: CallRecorder;
  host: () => string;
  defaults: () => EngineDefaults;
  log: (level: LogLevel, message: string) => void;
}

export interface CallIdentity {
  feature: string;
  operation: Operation;
  model: string;
  template: TemplateRef | undefined;
}

/**
 * One call's measurements, from its start to its record in llm_calls. Wall time comes from the
 * injected clock (so retention and TTL tests control it); durations from the monotonic clock.
 */
export class CallScope {
  readonly startedAt: number;
  private readonly startedMono = performance.now();
  readonly tally: Tally = { retries: 0, delivered: 0 };
  options: Record<string, unknown> = {};
  estimatedTokensIn = 0;
  trimmed: TrimReport | null = null;
  cacheHit = false;
  repaired = false;
  waitMs = 0;
  ttftMs: number | null = null;
  private stats: EngineStats = { promptEvalCount: 0, evalCount: 0, evalDurationNs: null, promptEvalDurationNs: null, loadDurationNs: null, totalDurationNs: null };
  private latencyMs = 0;
  private callId: number | null = null;

  constructor(private readonly deps: ClientDeps, readonly identity: CallIdentity) {
    this.startedAt = deps.clock.now();
  }

  /** Adds one engine answer's counts (the repair round adds a second). */
  addStats(stats: EngineStats): void {
    const sum = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
    this.stats = {
      promptEvalCount: this.stats.promptEvalCount + stats.promptEvalCount,
      evalCount: this.stats.evalCount + stats.evalCount,
      evalDurationNs: sum(this.stats.evalDurationNs, stats.evalDurationNs),
      promptEvalDurationNs: sum(this.stats.promptEvalDurationNs, stats.promptEvalDurationNs),
      loadDurationNs: sum(this.stats.loadDurationNs, stats.loadDurationNs),
      totalDurationNs: sum(this.stats.totalDurationNs, stats.totalDurationNs),
    };
  }

  /** Marks the first token of the answer being kept, given as a performance.now() reading. */
  firstTokenAt(at: number | null): void {
    this.ttftMs = at === null ? null : Math.max(0, at - this.startedMono);
  }

  /** Records the call; never throws (a full disk must not turn a good answer into a failure). */
  finish(error?: unknown): void {
    this.latencyMs = performance.now() - this.startedMono;
    if (error instanceof ContextOverflowError) this.estimatedTokensIn = error.estimatedTokens;
    const { feature, operation, model, template } = this.identity;
    try {
      const record = this.deps.recorder.record({
        startedAt: this.startedAt, feature, operation, model,
        templateId: template?.id ?? null,
        templateVersion: template === undefined ? null : String(template.version),
        options: this.options,
        estimatedTokensIn: this.estimatedTokensIn,
        tokensIn: this.stats.promptEvalCount,
        tokensOut: this.stats.evalCount,
        latencyMs: this.latencyMs,
        ttftMs: this.ttftMs,
        waitMs: this.waitMs,
        cacheHit: this.cacheHit,
        retries: this.tally.retries,
        repaired: this.repaired,
        trimRule: this.trimmed?.rule ?? null,
        outcome: error === undefined ? 'ok' : outcomeOf(error),
        errorMessage: error === undefined ? null : error instanceof Error ? error.message : String(error),
        evalDurationNs: this.stats.evalDurationNs,
        promptEvalDurationNs: this.stats.promptEvalDurationNs,
        loadDurationNs: this.stats.loadDurationNs,
        totalDurationNs: this.stats.totalDurationNs,
      });
      this.callId = record.id;
    } catch (recordError) {
      this.deps.log('warn', `Could not record an LLM call of ${feature}: ${recordError instanceof Error ? recordError.message : String(recordError)}`);
    }
  }

  meta(): CallMeta {
    return {
      callId: this.callId,
      model: this.identity.model,
      cacheHit: this.cacheHit,
      retries: this.tally.retries,
      repaired: this.repaired,
      trimmed: this.trimmed,
      stats: {
        tokensIn: this.stats.promptEvalCount,
        tokensOut: this.stats.evalCount,
        estimatedTokensIn: this.estimatedTokensIn,
        evalDurationNs: this.stats.evalDurationNs,
        promptEvalDurationNs: this.stats.promptEvalDurationNs,
        loadDurationNs: this.stats.loadDurationNs,
        totalDurationNs: this.stats.totalDurationNs,
        latencyMs: this.latencyMs,
        ttftMs: this.ttftMs,
        waitMs: this.waitMs,
      },
    };
  }
}

/**
 * Runs a call's body inside its scope, records it once whichever way it ends, and shapes the
 * result with the call's final measurements (latency, row id).
 */
export async function recorded<T, R>(scope: CallScope, body: () => Promise<T>, shape: (value: T, meta: CallMeta) => R): Promise<R> {
  let value: T;
  try {
    value = await body();
  } catch (error) {
    scope.finish(error);
    throw error;
  }
  scope.finish();
  return shape(value, scope.meta());
}
