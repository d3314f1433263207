// Small pure helpers of the Ollama stand-in: hashing for determinism, Go-style durations,
// OLLAMA_HOST parsing (shared with the nvidia-smi stand-in) and HTTP body plumbing.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A 32-bit unsigned number from a string: the seed of every "random" choice. */
export function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** Tokens are approximated as a quarter of the characters, as the product estimates them. */
export function tokenCount(text: string): number {
  return Math.ceil(text.length / 4);
}

export const NS_PER_MS = 1_000_000;
/** keep_alive meaning "never unload" (a negative duration in Ollama). */
export const FOREVER = Number.POSITIVE_INFINITY;

const UNIT_MS: Record<string, number> = {
  ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000,
};

/**
 * keep_alive as Ollama reads it: a number is seconds, a string is a Go duration ("5m",
 * "1h30m", "300ms"); a bare numeric string is taken as seconds like OLLAMA_KEEP_ALIVE.
 * Negative means forever. Returns milliseconds or undefined when unparseable.
 */
export function parseKeepAlive(value: string | number): number | undefined {
  if (typeof value === 'number') return value < 0 ? FOREVER : value * 1000;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return parseKeepAlive(Number(text));
  const match = /^(-?)((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$/.exec(text);
  if (!match) return undefined;
  let ms = 0;
  for (const part of (match[2] ?? '').matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) {
    ms += Number(part[1]) * (UNIT_MS[part[2] ?? 's'] ?? 1000);
  }
  return match[1] === '-' ? FOREVER : ms;
}

export interface OllamaHost {
  scheme: string;
  host: string;
  port: number;
}

/**
 * OLLAMA_HOST the way Ollama's envconfig reads it: scheme optional (http), port defaults to
 * 11434 without a scheme and to 80/443 with one; an empty host means 127.0.0.1.
 */
export function parseOllamaHost(value: string | undefined): OllamaHost {
  let text = (value ?? '').trim();
  let scheme = 'http';
  let defaultPort = 11434;
  const cut = text.indexOf('://');
  if (cut >= 0) {
    scheme = text.slice(0, cut);
    text = text.slice(cut + 3);
    defaultPort = scheme === 'https' ? 443 : scheme === 'http' ? 80 : defaultPort;
  }
  text = text.split('/')[0] ?? '';
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  let host = text;
  let port = defaultPort;
  if (bracketed) {
    host = bracketed[1] ?? '';
    if (bracketed[2]) port = Number(bracketed[2]);
  } else if (text.includes(':')) {
    const idx = text.lastIndexOf(':');
    host = text.slice(0, idx);
    port = Number(text.slice(idx + 1));
  }
  return { scheme, host: host === '' ? '127.0.0.1' : host, port };
}

/** The address a client should dial for a server bound to `host` (0.0.0.0 → loopback). */
export function clientBaseUrl(value: string | undefined): string {
  const parsed = parseOllamaHost(value);
  const host = parsed.host === '0.0.0.0' || parsed.host === '::' ? '127.0.0.1' : parsed.host;
  const shown = host.includes(':') ? `[${host}]` : host;
  return `${parsed.scheme}://${shown}:${parsed.port}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message });
}

/** Writes one NDJSON line and resolves once it is handed to the kernel (or the peer is gone). */
export function writeLine(res: ServerResponse, value: unknown): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || res.writableEnded) return resolve();
    // A write pending when the client drops may never call back: the close settles it too, so
    // the request ends and frees its slot, as a real Ollama does when a client goes away.
    const done = (): void => {
      res.off('close', done);
      resolve();
    };
    res.once('close', done);
    res.write(`${JSON.stringify(value)}\n`, done);
  });
}

/** RFC3339 with a local offset like Go's time.Time JSON, e.g. 2025-08-06T14:23:28.748+02:00. */
export function rfc3339(ms: number): string {
  const date = new Date(ms);
  const offsetMin = -date.getTimezoneOffset();
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, -1);
  if (offsetMin === 0) return `${local}Z`;
  const sign = offsetMin > 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${local}${sign}${hh}:${String(abs % 60).padStart(2, '0')}`;
}
