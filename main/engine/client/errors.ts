import type { ErrorCode } from '../../api/errors';

/**
 * What went wrong with a model call, one class per way a caller may react. `kind` is what the
 * call log records as the outcome; `apiCode` is how the error crosses the contract's doors;
 * `retryable` says whether the client itself may try again after a backoff.
 */
export type LlmErrorKind =
  | 'engine-unavailable'
  | 'engine-busy'
  | 'out-of-memory'
  | 'model-not-found'
  | 'circuit-open'
  | 'cancelled'
  | 'stream-cut'
  | 'invalid-output'
  | 'context-overflow'
  | 'engine-error';

export abstract class LlmError extends Error {
  abstract readonly kind: LlmErrorKind;
  abstract readonly apiCode: ErrorCode;
  readonly retryable: boolean = false;
}

/** Nothing listens at the host (connection refused, unknown host). */
export class EngineUnavailableError extends LlmError {
  override readonly name = 'EngineUnavailableError';
  readonly kind = 'engine-unavailable';
  readonly apiCode = 'engine_unavailable';
  override readonly retryable = true;
  constructor(readonly host: string, options?: ErrorOptions) {
    super(`Ollama is not running at ${host}: start it (ollama serve), or set OLLAMA_HOST or the Ollama host in Settings.`, options);
  }
}

/** 503: Ollama's queue is full (OLLAMA_MAX_QUEUE); raised to the caller once retries are spent. */
export class EngineBusyError extends LlmError {
  override readonly name = 'EngineBusyError';
  readonly kind = 'engine-busy';
  readonly apiCode = 'engine_unavailable';
  override readonly retryable = true;
  constructor(readonly host: string, readonly detail: string) {
    super(`Ollama at ${host} is busy (${detail}): try again shortly, or run fewer requests at once.`);
  }
}

/**
 * The GPU or system ran out of memory loading or running the model. Not retried here: the
 * caller decides (fewer parallel slots, a smaller context, unload other models, restart Ollama).
 */
export class EngineOutOfMemoryError extends LlmError {
  override readonly name = 'EngineOutOfMemoryError';
  readonly kind = 'out-of-memory';
  readonly apiCode = 'engine_unavailable';
  constructor(readonly model: string, readonly detail: string) {
    super(`Ollama ran out of memory with ${model} (${detail}): use a smaller context or model, fewer parallel requests, or unload other models.`);
  }
}

export class ModelNotFoundError extends LlmError {
  override readonly name = 'ModelNotFoundError';
  readonly kind = 'model-not-found';
  readonly apiCode = 'not_found';
  constructor(readonly model: string, readonly host: string) {
    super(`The model ${model} is not installed in Ollama at ${host}: try pulling it first (Models page, or ollama pull ${model}).`);
  }
}

/** The model's breaker is open after repeated failures; nothing was sent. */
export class CircuitOpenError extends LlmError {
  override readonly name = 'CircuitOpenError';
  readonly kind = 'circuit-open';
  readonly apiCode = 'engine_unavailable';
  constructor(readonly model: string, readonly retryAfterMs: number, options?: ErrorOptions) {
    const last = options?.cause instanceof Error ? ` Last failure: ${options.cause.message}` : '';
    super(`Calls to ${model} are paused for ${Math.ceil(retryAfterMs / 1000)} s after repeated failures.${last}`, options);
  }
}

export class CallCancelledError extends LlmError {
  override readonly name = 'CallCancelledError';
  readonly kind = 'cancelled';
  readonly apiCode = 'cancelled';
  constructor(reason?: unknown) {
    const why = reason instanceof Error && reason.name === 'TimeoutError' ? ' (timed out)' : '';
    super(`The model call was cancelled${why}.`);
  }
}

/**
 * The connection dropped before the answer was complete. Retried when nothing had reached the
 * caller yet, or when the caller accepts a restart (onRetry); otherwise raised.
 */
export class StreamCutError extends LlmError {
  override readonly name = 'StreamCutError';
  readonly kind = 'stream-cut';
  readonly apiCode = 'engine_unavailable';
  override readonly retryable = true;
  constructor(readonly host: string, readonly tokensDelivered: number, options?: ErrorOptions) {
    super(`The connection to Ollama at ${host} dropped before the answer was complete: try again; if it keeps happening, check Ollama's log.`, options);
  }
}

/** The model's answer was not valid for the caller's schema, even after one repair round. */
export class StructuredOutputError extends LlmError {
  override readonly name = 'StructuredOutputError';
  readonly kind = 'invalid-output';
  readonly apiCode = 'internal';
  constructor(readonly model: string, readonly problems: readonly string[], readonly rawText: string) {
    super(`${model} did not return valid structured output after a repair round: ${problems.slice(0, 5).join('; ')}`);
  }
}

/** The prompt does not fit num_ctx minus the output reserve, and the caller set no trim rule. */
export class ContextOverflowError extends LlmError {
  override readonly name = 'ContextOverflowError';
  readonly kind = 'context-overflow';
  readonly apiCode = 'invalid_input';
  constructor(readonly estimatedTokens: number, readonly budgetTokens: number, readonly numCtx: number, detail = '') {
    super(`The input is about ${estimatedTokens} tokens, over the ${budgetTokens} that fit a ${numCtx}-token context${detail}: shorten it, raise the context length, or choose a trim rule.`);
  }
}

/** Any other answer Ollama gave with an error (a 4xx/5xx or an error line mid-stream). */
export class EngineError extends LlmError {
  override readonly name = 'EngineError';
  readonly kind = 'engine-error';
  readonly apiCode = 'internal';
  constructor(readonly host: string, readonly status: number | null, readonly detail: string) {
    super(`Ollama at ${host} answered with an error${status === null ? '' : ` (HTTP ${status})`}: ${detail}`);
  }
}

/** The phrases by which Ollama (and llama.cpp under it) says memory ran out. */
const outOfMemoryPatterns = [
  /CUDA error: out of memory/i,
  /model requires more system memory/i,
  /llama runner process has terminated/i,
  /out of memory/i,
  /cudaMalloc failed/i,
  /failed to allocate .*buffer/i,
];

export function isOutOfMemoryMessage(message: string): boolean {
  return outOfMemoryPatterns.some((pattern) => pattern.test(message));
}

/** The outcome the call log records: 'ok', a kind, or 'internal' for a bug of ours. */
export function outcomeOf(error: unknown): LlmErrorKind | 'internal' {
  return error instanceof LlmError ? error.kind : 'internal';
}
