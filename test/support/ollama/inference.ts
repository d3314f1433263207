// POST /api/chat and /api/generate: deterministic answers, streamed as NDJSON by default,
// structured output for `format`, load/unload requests, and Ollama's timing fields in ns.
import type { ServerResponse } from 'node:http';
import type { StandinContext } from './context.js';
import type { ArmedFault } from './faults.js';
import { plainJsonFor, valueForSchema } from './schema-output.js';
import { readSession, startRunning, type Session } from './session.js';
import { NdjsonWriter, sendFinal } from './stream.js';
import { answerFor, sizedChunks, wordChunks } from './text.js';
import { NS_PER_MS, hash32, isObject, sendError, sleep, tokenCount, type JsonObject } from './util.js';

type Kind = 'chat' | 'generate';

interface Prompt {
  /** Everything the model reads (drives prompt_eval_count). */
  fullText: string;
  /** What the answer is derived from: the last user turn, or the prompt. */
  seedText: string;
  empty: boolean;
}

function readPrompt(kind: Kind, body: JsonObject): Prompt | string {
  if (kind === 'generate') {
    if (body.prompt !== undefined && typeof body.prompt !== 'string') return 'prompt must be a string';
    const prompt = typeof body.prompt === 'string' ? body.prompt : '';
    const system = typeof body.system === 'string' ? body.system : '';
    return { fullText: system + prompt, seedText: prompt, empty: prompt === '' };
  }
  if (body.messages !== undefined && !Array.isArray(body.messages)) return 'messages must be an array';
  const messages = (Array.isArray(body.messages) ? body.messages : []).filter(isObject);
  const text = (m: JsonObject): string => (typeof m.content === 'string' ? m.content : '');
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  return {
    fullText: messages.map(text).join('\n'),
    seedText: lastUser ? text(lastUser) : messages.map(text).join('\n'),
    empty: messages.length === 0,
  };
}

/** The answer's pieces: JSON text for `format`, words otherwise. */
function answerChunks(body: JsonObject, seed: string): string[] {
  if (body.format === 'json') return sizedChunks(JSON.stringify(plainJsonFor(seed)));
  if (isObject(body.format)) return sizedChunks(JSON.stringify(valueForSchema(body.format, seed)));
  return wordChunks(answerFor(seed));
}

export async function handleInference(ctx: StandinContext, res: ServerResponse, body: JsonObject,
  kind: Kind, fault: ArmedFault | undefined): Promise<void> {
  const prompt = readPrompt(kind, body);
  if (typeof prompt === 'string') return sendError(res, 400, prompt);
  const session = readSession(ctx, res, body, kind);
  if (!session) return;
  const stream = body.stream !== false;
  const base = (): JsonObject => ({ model: session.requested, created_at: new Date().toISOString() });
  const piece = (content: string): JsonObject =>
    kind === 'chat' ? { message: { role: 'assistant', content } } : { response: content };

  if (prompt.empty) return loadOrUnload(ctx, res, session, base, piece, fault);

  const running = await startRunning(ctx, res, session);
  if (!running) return;
  const started = Date.now();
  try {
    const seed = `${session.spec.name}\n${prompt.seedText}\n${JSON.stringify(body.format ?? null)}`;
    let chunks = answerChunks(body, seed);
    const options = isObject(body.options) ? body.options : {};
    const limit = typeof options.num_predict === 'number' && options.num_predict > 0 ? options.num_predict : 0;
    const doneReason = limit > 0 && chunks.length > limit ? 'length' : 'stop';
    if (doneReason === 'length') chunks = chunks.slice(0, limit);
    const out = new NdjsonWriter(res, fault, () => { ctx.lastActivityAt = Date.now(); });
    if (ctx.config.firstTokenMs > 0) await sleep(ctx.config.firstTokenMs);
    for (const [index, chunk] of chunks.entries()) {
      if (session.gone.aborted) return;
      if (index > 0 && ctx.config.tokenLatencyMs > 0) await sleep(ctx.config.tokenLatencyMs);
      else if (index > 0) await new Promise<void>((resolve) => setImmediate(resolve)); // let aborts land
      if (stream && !(await out.send({ ...base(), ...piece(chunk), done: false }))) return;
    }
    ctx.lastActivityAt = Date.now();
    const text = chunks.join('');
    const evalCount = tokenCount(text);
    const promptEvalCount = Math.max(1, tokenCount(prompt.fullText));
    const loadNs = running.lease.loadDurationNs;
    // Nominal speeds of an 8B model on an RTX 4080 when the configured latency is zero,
    // so tokens-per-second figures computed from these look like a real card's.
    const promptNs = Math.max(ctx.config.firstTokenMs * NS_PER_MS, promptEvalCount * 50_000);
    const evalNs = Math.max((Date.now() - started) * NS_PER_MS, evalCount * 10 * NS_PER_MS);
    const stats: JsonObject = {
      done: true,
      done_reason: doneReason,
      ...(kind === 'generate' ? { context: contextTokens(seed, promptEvalCount + evalCount) } : {}),
      total_duration: loadNs + promptNs + evalNs,
      load_duration: loadNs,
      prompt_eval_count: promptEvalCount,
      prompt_eval_duration: promptNs,
      eval_count: evalCount,
      eval_duration: evalNs,
    };
    if (!stream) return sendFinal(res, fault, { ...base(), ...piece(text), ...stats });
    if (await out.send({ ...base(), ...piece(''), ...stats })) out.end();
  } finally {
    running.finish(session.keepAliveMs);
  }
}

/** An empty prompt or message list loads the model (or unloads it with keep_alive 0). */
async function loadOrUnload(ctx: StandinContext, res: ServerResponse, session: Session,
  base: () => JsonObject, piece: (content: string) => JsonObject, fault: ArmedFault | undefined): Promise<void> {
  if (session.keepAliveMs === 0) {
    ctx.residency.unloadIfIdle(session.spec.name);
    return sendFinal(res, fault, { ...base(), ...piece(''), done: true, done_reason: 'unload' });
  }
  const running = await startRunning(ctx, res, session);
  if (!running) return;
  running.finish(session.keepAliveMs);
  sendFinal(res, fault, { ...base(), ...piece(''), done: true, done_reason: 'load' });
}

/** /api/generate's `context`: token ids, deterministic, one per token. */
function contextTokens(seed: string, count: number): number[] {
  return Array.from({ length: Math.min(count, 256) }, (_, i) => hash32(`${seed}#tok${i}`) % 128_000);
}
