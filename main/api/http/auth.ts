import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Per port, because browsers share cookies across ports of one host. */
export const cookieNameFor = (port: number): string => `tw_token_${port}`;

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** A bearer header (scripts, the CLI) or the cookie set when the page was opened with ?token=. */
export function isAuthorized(request: IncomingMessage, token: string, port: number): boolean {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return sameSecret(header.slice('Bearer '.length).trim(), token);
  const cookie = cookieValue(request, cookieNameFor(port));
  return cookie !== undefined && sameSecret(cookie, token);
}

export function tokenMatches(candidate: string | null, token: string): boolean {
  return candidate !== null && sameSecret(candidate, token);
}

/**
 * Refuses requests whose Host is not this loopback server, so a web page on another origin cannot
 * reach the API through DNS rebinding.
 */
export function isLoopbackHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}
