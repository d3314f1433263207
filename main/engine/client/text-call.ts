import { CallScope, recorded, type ClientDeps } from './call-scope';
import { cacheKeyOf } from './cache';
import { throwIfAborted } from './clock';
import { estimateMessagesTokens, estimatePromptTokens, fitMessages, fitPrompt, promptBudget, type Fitted } from './context-budget';
import { StructuredOutputError } from './errors';
import { streamAnswer, type StreamedAnswer, type WireTarget } from './ollama-http';
import { withRetries } from './resilience';
import { checkStructured, formatFor, repairMessages, repairPrompt } from './structured';
import type { ChatRequest, GenerateRequest, ModelOptions, OutputSchema, TextResult, ValueOf } from './types';

type Json = Record<string, unknown>;

interface TextPlan {
  path: '/api/chat' | '/api/generate';
  body: Json;
  fitted: Fitted<unknown>;
  /** The repair round's body, or null when it would not fit the context. */
  repairBody: (answer: string, problems: readonly string[]) => Json | null;
}

interface CachedText {
  text: string;
  doneReason: string | null;
}

interface Answer {
  text: string;
  value: unknown;
  doneReason: string | null;
}

export type TextRequest = { operation: 'chat'; request: ChatRequest<OutputSchema | undefined> }
  | { operation: 'generate'; request: GenerateRequest<OutputSchema | undefined> };

/** The options as sent: the caller's, with num_ctx always set, and the prompt's token budget. */
export interface SentOptions {
  options: ModelOptions;
  numCtx: number;
  budget: number;
}

export function sentOptions(deps: ClientDeps, options: ModelOptions | undefined): SentOptions {
  const defaults = deps.defaults();
  const numCtx = options?.num_ctx ?? defaults.numCtx;
  return { options: { ...options, num_ctx: numCtx }, numCtx, budget: promptBudget(numCtx, options?.num_predict, defaults.outputReserve) };
}

function planOf(call: TextRequest, sent: SentOptions, keepAlive: string | number): TextPlan {
  const { request } = call;
  const { options, numCtx, budget } = sent;
  const common: Json = {
    model: request.model,
    options,
    keep_alive: keepAlive,
    ...(request.format ? { format: formatFor(request.format) } : {}),
  };
  if (call.operation === 'chat') {
    const fitted = fitMessages(call.request.messages, budget, numCtx, request.trim);
    const body = { ...common, messages: fitted.value };
    return {
      path: '/api/chat', body, fitted,
      repairBody: (answer, problems) => {
        const messages = repairMessages(fitted.value, answer, problems);
        return estimateMessagesTokens(messages) > budget ? null : { ...body, messages };
      },
    };
  }
  const { prompt, system } = call.request;
  const fitted = fitPrompt(prompt, system, budget, numCtx, request.trim);
  const body = { ...common, prompt: fitted.value, ...(system === undefined ? {} : { system }) };
  return {
    path: '/api/generate', body, fitted,
    repairBody: (answer, problems) => {
      const repaired = repairPrompt(fitted.value, answer, problems);
      return estimatePromptTokens(repaired, system) > budget ? null : { ...body, prompt: repaired };
    },
  };
}

/** chat and generate: budget, cache, rate limit, breaker and retries, stream, validate, repair. */
export function runTextCall<S extends OutputSchema | undefined>(deps: ClientDeps, call: TextRequest): Promise<TextResult<ValueOf<S>>> {
  const { request, operation } = call;
  const scope = new CallScope(deps, { feature: request.feature, operation, model: request.model, template: request.template });
  return recorded(scope, () => answer(deps, call, scope), (result, meta) => ({
    ...meta, text: result.text, value: result.value as ValueOf<S>, doneReason: result.doneReason,
  }));
}

async function answer(deps: ClientDeps, call: TextRequest, scope: CallScope): Promise<Answer> {
  const { request, operation } = call;
  const { signal, onToken, onRetry, format } = request;
  throwIfAborted(signal);
  const sent = sentOptions(deps, request.options);
  const keepAlive = request.keepAlive ?? deps.defaults().keepAlive;
  scope.options = { ...sent.options, keep_alive: keepAlive };
  const plan = planOf(call, sent, keepAlive);
  scope.estimatedTokensIn = plan.fitted.estimate;
  scope.trimmed = plan.fitted.trimmed;

  const key = request.cache ? cacheKeyOf(operation, plan.body) : null;
  if (key) {
    const hit = cachedAnswer(deps, key, format);
    if (hit) {
      scope.cacheHit = true;
      if (hit.text !== '') onToken?.(hit.text);
      return hit;
    }
  }

  const target: WireTarget = { host: deps.host(), model: request.model, signal };
  const forward = (piece: string): void => {
    if (!onToken) return;
    scope.tally.delivered += 1;
    onToken(piece);
  };
  const send = async (body: Json, onPiece: (piece: string) => void): Promise<StreamedAnswer> => {
    scope.waitMs += await deps.limiter.acquire(request.feature, signal);
    const streamed = await withRetries(deps, { model: request.model, signal, onRetry }, scope.tally, () => streamAnswer(target, plan.path, body, onPiece));
    scope.addStats(streamed.stats);
    scope.firstTokenAt(streamed.firstPieceAt);
    return streamed;
  };

  let streamed = await send(plan.body, forward);
  let value: unknown;
  if (format) {
    const first = checkStructured(streamed.text, format);
    if (first.ok) {
      value = first.value;
    } else {
      const repairBody = plan.repairBody(streamed.text, first.problems);
      if (!repairBody) throw new StructuredOutputError(request.model, [...first.problems, 'no room left in the context for a repair round'], streamed.text);
      // The repair round streams to the caller only if it can be told to discard the first answer.
      onRetry?.({ attempt: scope.tally.retries + 1, reason: 'repair', delayMs: 0, discardDelivered: scope.tally.delivered > 0, error: null });
      scope.tally.delivered = 0;
      scope.repaired = true;
      streamed = await send(repairBody, onRetry ? forward : () => undefined);
      const second = checkStructured(streamed.text, format);
      if (!second.ok) throw new StructuredOutputError(request.model, second.problems, streamed.text);
      value = second.value;
    }
  }
  if (key && request.cache) {
    const cached: CachedText = { text: streamed.text, doneReason: streamed.doneReason };
    deps.cache.set(key, operation, request.model, cached, request.cache.ttlMs, deps.clock.now());
  }
  return { text: streamed.text, value, doneReason: streamed.doneReason };
}

/** A cached answer, still valid for the caller's schema (refinements may have changed). */
function cachedAnswer(deps: ClientDeps, key: string, format: OutputSchema | undefined): Answer | null {
  const hit = deps.cache.get<CachedText>(key, deps.clock.now());
  if (!hit) return null;
  if (!format) return { text: hit.text, value: undefined, doneReason: hit.doneReason };
  const checked = checkStructured(hit.text, format);
  return checked.ok ? { text: hit.text, value: checked.value, doneReason: hit.doneReason } : null;
}
