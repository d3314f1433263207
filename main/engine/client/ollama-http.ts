/**
 * The wire to Ollama: plain fetch and NDJSON, not the `ollama` package. The package folds every
 * failure into one ResponseError or a bare TypeError and aborts all of a client's streams
 * together; the resilient client needs more than that: the HTTP status before any body (503
 * busy vs 404 missing model vs 500 out of memory), a cut stream told apart from an `{"error"}`
 * line mid-stream and from a refused connection, the first token's arrival time, and one
 * AbortSignal per call. Each of those is a few lines here.
 */
import { performance } from 'node:perf_hooks';
import {
  CallCancelledError, EngineBusyError, EngineError, EngineOutOfMemoryError, EngineUnavailableError, LlmError,
  ModelNotFoundError, StreamCutError, isOutOfMemoryMessage,
} from './errors';

export interface EngineStats {
  promptEvalCount: number;
  evalCount: number;
  evalDurationNs: number | null;
  promptEvalDurationNs: number | null;
  loadDurationNs: number | null;
  totalDurationNs: number | null;
}

export interface StreamedAnswer {
  text: string;
  doneReason: string | null;
  stats: EngineStats;
  /** performance.now() when the first non-empty piece arrived. */
  firstPieceAt: number | null;
}

export interface WireTarget {
  host: string;
  model: string;
  signal: AbortSignal | undefined;
}

type Json = Record<string, unknown>;

const numberOr = (value: unknown, fallback: number | null): number | null => (typeof value === 'number' ? value : fallback);

export function statsOf(line: Json): EngineStats {
  return {
    promptEvalCount: numberOr(line.prompt_eval_count, 0) ?? 0,
    evalCount: numberOr(line.eval_count, 0) ?? 0,
    evalDurationNs: numberOr(line.eval_duration, null),
    promptEvalDurationNs: numberOr(line.prompt_eval_duration, null),
    loadDurationNs: numberOr(line.load_duration, null),
    totalDurationNs: numberOr(line.total_duration, null),
  };
}

/** An error text Ollama sent (HTTP body or NDJSON line), as the error class a caller can act on. */
export function errorFromEngine(target: WireTarget, status: number | null, message: string): LlmError {
  if (status === 404 && /not found/i.test(message) && !/page not found/i.test(message)) {
    return new ModelNotFoundError(target.model, target.host);
  }
  if (status === 503) return new EngineBusyError(target.host, message.trim() || 'HTTP 503');
  if (isOutOfMemoryMessage(message)) return new EngineOutOfMemoryError(target.model, message.trim());
  return new EngineError(target.host, status, message.trim() || 'no details given');
}

function codesOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(current.message, typeof code === 'string' ? code : '');
    current = current.cause;
  }
  return parts.join(' ');
}

/** A thrown fetch failure, as the error class the retry logic and the caller understand. */
export function classifyFailure(error: unknown, target: WireTarget, piecesReceived: number): LlmError | unknown {
  if (error instanceof LlmError) return error;
  if (target.signal?.aborted) return new CallCancelledError(target.signal.reason);
  if (error instanceof Error && error.name === 'AbortError') return new CallCancelledError(error);
  const text = codesOf(error);
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL/.test(text)) {
    return new EngineUnavailableError(target.host, { cause: error });
  }
  if (/ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|other side closed|terminated|socket hang up|fetch failed/i.test(text)) {
    return new StreamCutError(target.host, piecesReceived, { cause: error });
  }
  return error;
}

async function errorFromResponse(response: Response, target: WireTarget): Promise<LlmError> {
  const body = await response.text().catch(() => '');
  let message = body;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as Json).error === 'string') message = (parsed as Json).error as string;
  } catch {
    // Not JSON (a proxy's page, Gin's "404 page not found"): the text itself is the message.
  }
  return errorFromEngine(target, response.status, message);
}

function post(target: WireTarget, path: string, body: Json): Promise<Response> {
  return fetch(`${target.host.replace(/\/+$/, '')}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: target.signal ?? null,
  });
}

/** POSTs and reads one JSON answer (embeddings). */
export async function postJson(target: WireTarget, path: string, body: Json): Promise<Json> {
  try {
    const response = await post(target, path, body);
    if (!response.ok) throw await errorFromResponse(response, target);
    const parsed: unknown = await response.json();
    if (typeof parsed !== 'object' || parsed === null) throw new EngineError(target.host, response.status, 'the answer was not a JSON object');
    return parsed as Json;
  } catch (error) {
    throw classifyFailure(error, target, 0);
  }
}

/**
 * POSTs with `stream: true` and reads NDJSON, handing each piece of text to `onPiece` as it
 * arrives. The answer is whole only once a line with `done: true` came; a body that ends before
 * it is a cut stream.
 */
export async function streamAnswer(target: WireTarget, path: '/api/chat' | '/api/generate', body: Json,
  onPiece: (piece: string) => void): Promise<StreamedAnswer> {
  let pieces = 0;
  try {
    const response = await post(target, path, { ...body, stream: true });
    if (!response.ok) throw await errorFromResponse(response, target);
    if (!response.body) throw new StreamCutError(target.host, 0);
    let text = '';
    let firstPieceAt: number | null = null;
    let final: Json | null = null;
    for await (const line of ndjsonLines(response.body, target)) {
      // Lines already buffered must not reach a caller that has just cancelled.
      if (target.signal?.aborted) throw new CallCancelledError(target.signal.reason);
      if (typeof line.error === 'string') throw errorFromEngine(target, null, line.error);
      const message = line.message as Json | undefined;
      const piece = path === '/api/chat' ? message?.content : line.response;
      if (typeof piece === 'string' && piece !== '') {
        firstPieceAt ??= performance.now();
        text += piece;
        pieces += 1;
        onPiece(piece);
      }
      if (line.done === true) final = line;
    }
    if (!final) throw new StreamCutError(target.host, pieces);
    return { text, doneReason: typeof final.done_reason === 'string' ? final.done_reason : null, stats: statsOf(final), firstPieceAt };
  } catch (error) {
    throw classifyFailure(error, target, pieces);
  }
}

async function* ndjsonLines(body: ReadableStream<Uint8Array>, target: WireTarget): AsyncGenerator<Json> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0 || (done && buffer.trim() !== '')) {
        const end = newline >= 0 ? newline : buffer.length;
        const line = buffer.slice(0, end).trim();
        buffer = buffer.slice(end + 1);
        if (line !== '') yield parseLine(line, target);
        newline = buffer.indexOf('\n');
      }
      if (done) return;
    }
  } finally {
    // Leaving early (an error line, the caller's abort) must release the socket.
    reader.cancel().catch(() => undefined);
  }
}

function parseLine(line: string, target: WireTarget): Json {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Json;
  } catch {
    // fall through: a line that is not an object is as bad as one that does not parse
  }
  throw new EngineError(target.host, null, `a malformed line in the answer stream: ${line.slice(0, 120)}`);
}
