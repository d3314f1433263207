// What every inference request does before answering: find the model, read keep_alive and
// num_ctx, wait for a slot (503 when the queue is full), wait while paused, load the model.
import type { ServerResponse } from 'node:http';
import type { StandinContext } from './context.js';
import { BUSY_MESSAGE } from './faults.js';
import { QueueFullError, type ModelLease } from './scheduler.js';
import type { ModelSpec } from './types.js';
import { clientGone } from './stream.js';
import { isObject, parseKeepAlive, sendError, type JsonObject } from './util.js';

export type Capability = 'chat' | 'generate' | 'embed';

export interface Session {
  /** The name as the client wrote it: Ollama echoes it back in `model`. */
  requested: string;
  spec: ModelSpec;
  keepAliveMs: number;
  numCtx: number | undefined;
  /** Fires when the client disconnects early. */
  gone: AbortSignal;
}

/** Validates the request; on failure it has answered and returns undefined. */
export function readSession(ctx: StandinContext, res: ServerResponse, body: JsonObject,
  capability: Capability): Session | undefined {
  const requested = typeof body.model === 'string' ? body.model : '';
  if (requested === '') {
    sendError(res, 400, 'model is required');
    return undefined;
  }
  const spec = ctx.findInstalled(requested);
  if (!spec) {
    sendError(res, 404, `model "${requested}" not found, try pulling it first`);
    return undefined;
  }
  if (spec.embeddingOnly && capability !== 'embed') {
    sendError(res, 400, `"${requested}" does not support ${capability}`);
    return undefined;
  }
  const rawKeepAlive = body.keep_alive;
  const keepAlive = typeof rawKeepAlive === 'string' || typeof rawKeepAlive === 'number' ? rawKeepAlive : ctx.config.keepAlive;
  const keepAliveMs = parseKeepAlive(keepAlive);
  if (keepAliveMs === undefined) {
    sendError(res, 400, `time: invalid duration "${String(keepAlive)}"`);
    return undefined;
  }
  const options = isObject(body.options) ? body.options : {};
  const numCtx = typeof options.num_ctx === 'number' && options.num_ctx > 0 ? options.num_ctx : undefined;
  return { requested, spec, keepAliveMs, numCtx, gone: clientGone(res) };
}

export interface Running {
  lease: ModelLease;
  /** Releases slot and model; safe to call more than once. */
  finish: (keepAliveMs: number) => void;
}

/** Takes a slot and the model. Undefined when it answered 503 or the client left while queued. */
export async function startRunning(ctx: StandinContext, res: ServerResponse, session: Session): Promise<Running | undefined> {
  let releaseSlot: () => void;
  try {
    releaseSlot = await ctx.slots.acquire(session.gone);
  } catch (error) {
    if (error instanceof QueueFullError) sendError(res, 503, BUSY_MESSAGE);
    return undefined;
  }
  try {
    await ctx.whenUnpaused();
    const lease = await ctx.residency.use(session.spec, session.numCtx, session.keepAliveMs);
    return {
      lease,
      finish: (keepAliveMs: number) => {
        lease.release(keepAliveMs);
        releaseSlot();
      },
    };
  } catch (error) {
    releaseSlot();
    throw error;
  }
}
