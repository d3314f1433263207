// POST /api/embed (batch, current) and POST /api/embeddings (single, legacy).
import type { ServerResponse } from 'node:http';
import type { StandinContext } from './context.js';
import type { ArmedFault } from './faults.js';
import { embedText, normalize } from './embed.js';
import { readSession, startRunning, type Session } from './session.js';
import { sendFinal } from './stream.js';
import { NS_PER_MS, sendError, tokenCount, type JsonObject } from './util.js';

function dimensionOf(ctx: StandinContext, session: Session): number {
  const override = ctx.config.embeddingDim;
  return session.spec.embeddingOnly && override > 0 ? override : session.spec.embeddingLength;
}

export async function handleEmbed(ctx: StandinContext, res: ServerResponse, body: JsonObject,
  fault: ArmedFault | undefined): Promise<void> {
  const input = body.input;
  const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input : input === undefined ? [] : null;
  if (texts === null || !texts.every((t): t is string => typeof t === 'string')) {
    return sendError(res, 400, 'invalid input type');
  }
  const session = readSession(ctx, res, body, 'embed');
  if (!session) return;
  const dims = dimensionOf(ctx, session);
  const wanted = typeof body.dimensions === 'number' ? body.dimensions : dims;
  if (!Number.isInteger(wanted) || wanted <= 0 || wanted > dims) {
    return sendError(res, 400, `dimensions must be between 1 and ${dims}`);
  }
  const numCtx = Math.min(session.numCtx ?? ctx.config.contextLength, session.spec.contextLength);
  if (body.truncate === false && texts.some((t) => tokenCount(t) > numCtx)) {
    return sendError(res, 400, 'the input length exceeds the context length');
  }
  const running = await startRunning(ctx, res, session);
  if (!running) return;
  try {
    const started = Date.now();
    const embeddings = texts.map((t) => {
      const full = embedText(t, dims);
      return wanted < dims ? normalize(full.slice(0, wanted)) : full;
    });
    ctx.lastActivityAt = Date.now();
    const load = running.lease.loadDurationNs;
    const promptEvalCount = texts.reduce((sum, t) => sum + tokenCount(t), 0);
    const total = load + Math.max((Date.now() - started) * NS_PER_MS, promptEvalCount * 20_000);
    sendFinal(res, fault, {
      model: session.requested, embeddings, total_duration: total, load_duration: load, prompt_eval_count: promptEvalCount,
    });
  } finally {
    running.finish(session.keepAliveMs);
  }
}

export async function handleEmbeddings(ctx: StandinContext, res: ServerResponse, body: JsonObject,
  fault: ArmedFault | undefined): Promise<void> {
  if (body.prompt !== undefined && typeof body.prompt !== 'string') return sendError(res, 400, 'prompt must be a string');
  const session = readSession(ctx, res, body, 'embed');
  if (!session) return;
  const prompt = typeof body.prompt === 'string' ? body.prompt : '';
  if (prompt === '') return sendFinal(res, fault, { embedding: [] }); // what Ollama answers
  const running = await startRunning(ctx, res, session);
  if (!running) return;
  try {
    ctx.lastActivityAt = Date.now();
    sendFinal(res, fault, { embedding: embedText(prompt, dimensionOf(ctx, session)) });
  } finally {
    running.finish(session.keepAliveMs);
  }
}
