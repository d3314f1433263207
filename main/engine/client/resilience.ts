import { backoffDelayMs } from './backoff';
import type { BreakerTicket, CircuitBreakers } from './breaker';
import { throwIfAborted } from './clock';
import { CallCancelledError, CircuitOpenError, EngineBusyError, EngineError, EngineOutOfMemoryError, EngineUnavailableError, LlmError, StreamCutError } from './errors';
import type { Clock, RetryNotice, RetryPolicy, RetryReason } from './types';

export interface Resilience {
  breakers: CircuitBreakers;
  retry: RetryPolicy;
  random: () => number;
  clock: Clock;
}

/** What one call has been through so far; read when the call is recorded, failed or not. */
export interface Tally {
  retries: number;
  /** Tokens of the current attempt already handed to the caller's onToken. */
  delivered: number;
}

export interface AttemptTarget {
  model: string;
  signal: AbortSignal | undefined;
  onRetry: ((notice: RetryNotice) => void) | undefined;
}

/** Whether an error says the engine is in trouble (counts against the model's breaker). */
function isEngineFailure(error: unknown): boolean {
  if (error instanceof EngineError) return error.status === null || error.status >= 500;
  return error instanceof EngineUnavailableError || error instanceof EngineBusyError
    || error instanceof EngineOutOfMemoryError || error instanceof StreamCutError;
}

function settleBreaker(breakers: CircuitBreakers, model: string, ticket: BreakerTicket, error: unknown): void {
  if (isEngineFailure(error)) breakers.failed(model, ticket, error as Error);
  else if (error instanceof CallCancelledError || error instanceof CircuitOpenError || !(error instanceof LlmError)) breakers.released(model, ticket);
  else breakers.succeeded(model, ticket); // the engine answered (a missing model, a bad request): it is up
}

/**
 * Runs `attempt` through the model's breaker, retrying busy, unreachable and cut-stream failures
 * with backoff and full jitter; the breaker hears the call's outcome once, after its retries. A
 * stream cut after tokens reached the caller is restarted only when the caller passed onRetry
 * (and is told to discard what it got); otherwise the cut is raised.
 */
export async function withRetries<T>(resilience: Resilience, target: AttemptTarget, tally: Tally, attempt: () => Promise<T>): Promise<T> {
  const { breakers } = resilience;
  const ticket: BreakerTicket = { probing: false };
  try {
    const value = await retrying(resilience, target, tally, ticket, attempt);
    breakers.succeeded(target.model, ticket);
    return value;
  } catch (error) {
    settleBreaker(breakers, target.model, ticket, error);
    throw error;
  }
}

async function retrying<T>(resilience: Resilience, target: AttemptTarget, tally: Tally, ticket: BreakerTicket,
  attempt: () => Promise<T>): Promise<T> {
  const { breakers, retry, random, clock } = resilience;
  for (let retryIndex = 0; ; retryIndex += 1) {
    throwIfAborted(target.signal);
    breakers.enter(target.model, ticket);
    try {
      return await attempt();
    } catch (failure) {
      if (!(failure instanceof LlmError) || !failure.retryable || retryIndex >= retry.maxRetries) throw failure;
      const discardDelivered = tally.delivered > 0;
      if (discardDelivered && !target.onRetry) throw failure;
      const delayMs = backoffDelayMs(retryIndex, retry, random);
      target.onRetry?.({ attempt: tally.retries + 1, reason: failure.kind as RetryReason, delayMs, discardDelivered, error: failure });
      await clock.sleep(delayMs, target.signal);
      tally.retries += 1;
      tally.delivered = 0;
    }
  }
}
