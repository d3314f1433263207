import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { LlmError } from './errors';

export type Operation = 'chat' | 'generate' | 'embed';

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** Which versioned prompt template produced the input, so any result can be traced and re-run. */
export interface TemplateRef {
  id: string;
  version: string | number;
}

/** Ollama's model options, sent verbatim (snake case, as Ollama names them). */
export interface ModelOptions {
  /** Defaults to the client's `defaults().numCtx`; always sent. */
  num_ctx?: number;
  /** Output tokens to allow; reserved out of num_ctx when checking the prompt's size. */
  num_predict?: number;
  temperature?: number;
  top_k?: number;
  top_p?: number;
  min_p?: number;
  seed?: number;
  stop?: string[];
  repeat_penalty?: number;
  repeat_last_n?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
}

/**
 * What to do when the input does not fit the context. Without a rule, the call fails with
 * ContextOverflowError; the input is never cut silently.
 * - drop-oldest-turns: chat only; drops the oldest non-system messages, keeping every system
 *   message and the last user message (and what follows it).
 * - truncate-middle: cuts the middle out of the longest message (or the prompt, or each input).
 * - truncate-end: cuts the end off the longest message (or the prompt, or each input).
 */
export type TrimRule = 'drop-oldest-turns' | 'truncate-middle' | 'truncate-end';

export interface TrimReport {
  rule: TrimRule;
  droppedMessages: number;
  removedChars: number;
}

export interface CacheOption {
  ttlMs: number;
}

/** A zod schema the answer must satisfy; sent to Ollama as a JSON schema in `format`. */
export type OutputSchema = z.ZodType;
export type ValueOf<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RetryReason = 'engine-busy' | 'engine-unavailable' | 'stream-cut' | 'repair';

export interface RetryNotice {
  /** 1 for the first retry. */
  attempt: number;
  reason: RetryReason;
  delayMs: number;
  /** True when tokens already passed to onToken belong to an answer that is being replaced. */
  discardDelivered: boolean;
  error: LlmError | null;
}

interface CallBase {
  /** Which feature calls (batch, interviews, pricing...): the rate-limit bucket and the log's key. */
  feature: string;
  model: string;
  options?: ModelOptions;
  signal?: AbortSignal;
  /** Opt into the response cache for this call. */
  cache?: CacheOption;
  trim?: TrimRule;
  /** Overrides the client's default keep_alive. */
  keepAlive?: string | number;
}

interface TextCallBase<S extends OutputSchema | undefined> extends CallBase {
  template: TemplateRef;
  format?: S;
  /** Each piece of the answer as it arrives, in order. */
  onToken?: (token: string) => void;
  /**
   * Called before each retry. Passing it also lets the client restart a stream that was cut
   * after tokens reached onToken (discardDelivered tells the caller to clear them); without it,
   * such a cut fails the call with StreamCutError.
   */
  onRetry?: (notice: RetryNotice) => void;
}

export interface ChatRequest<S extends OutputSchema | undefined = undefined> extends TextCallBase<S> {
  messages: readonly ChatMessage[];
}

export interface GenerateRequest<S extends OutputSchema | undefined = undefined> extends TextCallBase<S> {
  prompt: string;
  system?: string;
}

export interface EmbedRequest extends CallBase {
  input: string | readonly string[];
  template?: TemplateRef;
  onRetry?: (notice: RetryNotice) => void;
}

export interface CallStats {
  /** Ollama's prompt_eval_count (summed over the repair round); 0 on a cache hit. */
  tokensIn: number;
  /** Ollama's eval_count; 0 on a cache hit and for embeddings. */
  tokensOut: number;
  /** The client's own estimate, made before sending. */
  estimatedTokensIn: number;
  evalDurationNs: number | null;
  promptEvalDurationNs: number | null;
  loadDurationNs: number | null;
  totalDurationNs: number | null;
  /** From the call's start to its end, as the caller saw it. */
  latencyMs: number;
  /** From the call's start to the first token of the answer that was kept. */
  ttftMs: number | null;
  /** Time spent waiting for the feature's rate limit. */
  waitMs: number;
}

export interface CallMeta {
  /** Row id in llm_calls, or null when recording failed. */
  callId: number | null;
  model: string;
  cacheHit: boolean;
  retries: number;
  repaired: boolean;
  trimmed: TrimReport | null;
  stats: CallStats;
}

export interface TextResult<V> extends CallMeta {
  text: string;
  /** The validated value when a format schema was given. */
  value: V;
  doneReason: string | null;
}

export interface EmbedResult extends CallMeta {
  embeddings: number[][];
}

export interface CallRecord {
  id: number;
  startedAt: number;
  feature: string;
  operation: Operation;
  model: string;
  templateId: string | null;
  templateVersion: string | null;
  options: Record<string, unknown>;
  estimatedTokensIn: number;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  ttftMs: number | null;
  waitMs: number;
  cacheHit: boolean;
  retries: number;
  repaired: boolean;
  trimRule: TrimRule | null;
  outcome: 'ok' | LlmError['kind'] | 'internal';
  errorMessage: string | null;
  evalDurationNs: number | null;
  promptEvalDurationNs: number | null;
  loadDurationNs: number | null;
  totalDurationNs: number | null;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerChange {
  model: string;
  from: BreakerState;
  to: BreakerState;
}

/** Wall time and waiting; injected so tests control TTLs, cool-downs, backoff and rate limits. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with CallCancelledError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface BreakerPolicy {
  /** Consecutive failed attempts that open a model's breaker. */
  failureThreshold: number;
  /** How long it stays open before one probe is let through. */
  cooldownMs: number;
}

export interface RateLimit {
  /** Tokens added per second: the sustained calls per second. */
  ratePerSec: number;
  /** Bucket size: calls that may start at once after a quiet spell. */
  burst: number;
}

export interface CachePolicy {
  maxEntries: number;
  maxBytes: number;
}

export interface EngineDefaults {
  /** settings.contextLength (8192 by default). */
  numCtx: number;
  keepAlive: string | number;
  /** Output tokens reserved when the call sets no num_predict; default 1024. */
  outputReserve?: number;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface LlmClientOptions {
  db: Database;
  /** Base URL of Ollama, e.g. http://127.0.0.1:11434; read at each call. */
  host: () => string;
  defaults: () => EngineDefaults;
  clock?: Clock;
  /** In [0, 1); the jitter of backoff delays. */
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  breaker?: Partial<BreakerPolicy>;
  /** Per feature; features without a limit are not limited. */
  rateLimits?: Readonly<Record<string, RateLimit>> | ((feature: string) => RateLimit | undefined);
  cache?: Partial<CachePolicy>;
  log?: (level: LogLevel, message: string) => void;
}
