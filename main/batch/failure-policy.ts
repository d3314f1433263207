import { LlmError } from '../engine/client/errors';

/**
 * What the queue does with an item whose call failed:
 * - requeue: not the item's fault (we cancelled it, the engine is out of memory, busy or away):
 *   back to pending with its attempt given back;
 * - retry: may succeed next time (invalid output, a cut stream): back to pending after a backoff,
 *   the attempt counted, dead-lettered once attempts run out;
 * - dead: cannot succeed as it is (no such model, input longer than the context).
 */
export type FailureAction = { action: 'requeue' | 'retry' | 'dead'; kind: string; message: string; engineWide: boolean };

export function classifyFailure(error: unknown): FailureAction {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof LlmError)) return { action: 'retry', kind: 'internal', message, engineWide: false };
  switch (error.kind) {
    case 'cancelled':
      return { action: 'requeue', kind: error.kind, message, engineWide: false };
    case 'out-of-memory':
    case 'engine-busy':
    case 'engine-unavailable':
    case 'circuit-open':
      return { action: 'requeue', kind: error.kind, message, engineWide: true };
    case 'model-not-found':
    case 'context-overflow':
      return { action: 'dead', kind: error.kind, message, engineWide: false };
    default:
      return { action: 'retry', kind: error.kind, message, engineWide: false };
  }
}

/** Exponential backoff with full jitter, capped. */
export const backoffMs = (attempt: number, random: () => number = Math.random, baseMs = 1000, capMs = 60_000): number =>
  Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1)));
