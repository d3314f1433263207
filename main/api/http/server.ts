import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Dispatch } from '../dispatch';
import type { EventBus } from '../event-bus';
import { ApiError } from '../errors';
import { cookieNameFor, isAuthorized, isLoopbackHost, tokenMatches } from './auth';
import { streamEvents } from './events-stream';
import { BodyTooLargeError, readBody, sendError, sendJson } from './respond';
import { serveStatic } from './static-files';

export interface HttpServerOptions {
  dispatch: Dispatch;
  bus: EventBus;
  token: string;
  /** The built renderer (out/renderer); null serves the API alone. */
  rendererDir: string | null;
  maxBodyBytes?: number;
  /** OpenAI's API under /v1 (files, batches): it reads its own bodies (uploads pass the JSON limit) and answers in OpenAI's shape. */
  v1?: V1Door;
}

export interface V1Door {
  /** Called for /v1/ paths once the request is authorised; false when nothing there answers. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
  /** Answers a /v1/ request without the right key, in the door's own error shape. */
  unauthorized(response: ServerResponse): void;
}

export const defaultMaxBodyBytes = 1024 * 1024;

const unauthorizedPage = `<!doctype html><meta charset="utf-8"><title>Talent Workstation</title>
<body style="font:16px system-ui;margin:3rem;max-width:40rem">
<h1>Open the link with its token</h1>
<p>This workstation only answers the link that <code>npm run serve</code> printed when it started
(it ends in <code>?token=…</code>). Copy that whole link into the address bar.</p></body>`;

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use on 127.0.0.1: stop what holds it, or choose another with --port N (0 picks a free one).`);
  }
}

async function handleApiCall(method: string, request: IncomingMessage, response: ServerResponse, options: HttpServerOptions): Promise<void> {
  if (request.method !== 'POST') return sendError(response, { code: 'not_found', message: `Use POST for /api/${method}` });
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? 'application/json')) {
    return sendError(response, { code: 'invalid_input', message: 'Send the input as application/json' });
  }
  let body: Buffer;
  try {
    body = await readBody(request, options.maxBodyBytes ?? defaultMaxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return sendError(response, { code: 'payload_too_large', message: `The request body is larger than ${options.maxBodyBytes ?? defaultMaxBodyBytes} bytes` });
    }
    throw error;
  }
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return sendError(response, new ApiError('invalid_input', `The body is not valid JSON: ${detail}`).toBody());
    }
  }
  const result = await options.dispatch(method, input);
  if (result.ok) sendJson(response, 200, result);
  else sendError(response, result.error);
}

/** Opening the page with ?token= trades the token for a cookie and drops it from the address bar. */
function redeemPageToken(url: URL, response: ServerResponse, token: string, port: number): boolean {
  if (!tokenMatches(url.searchParams.get('token'), token)) return false;
  url.searchParams.delete('token');
  response.writeHead(303, {
    location: url.pathname + url.search,
    'set-cookie': `${cookieNameFor(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
    'cache-control': 'no-store',
  });
  response.end();
  return true;
}

export function createHttpServer(options: HttpServerOptions): Server {
  const server = createServer((request, response) => {
    const port = (server.address() as { port: number } | null)?.port ?? 0;
    void route(request, response, port).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) sendError(response, { code: 'internal', message });
      else response.destroy();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse, port: number): Promise<void> {
    if (!isLoopbackHost(request, port)) return sendError(response, { code: 'unauthorized', message: 'Unexpected Host header' });
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/health') return sendJson(response, 200, { ok: true });
    if (redeemPageToken(url, response, options.token, port)) return;
    const isV1 = url.pathname.startsWith('/v1/');
    if (!isAuthorized(request, options.token, port)) {
      if (isV1 && options.v1) return options.v1.unauthorized(response);
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/v1/')) {
        return sendError(response, { code: 'unauthorized', message: 'Missing or wrong token: send Authorization: Bearer <token>' });
      }
      response.writeHead(401, { 'content-type': 'text/html; charset=utf-8' });
      response.end(unauthorizedPage);
      return;
    }
    if (isV1 && options.v1 && (await options.v1.handle(request, response, url))) return;
    if (url.pathname === '/api/events') return streamEvents(request, response, options.bus);
    if (url.pathname.startsWith('/api/')) return handleApiCall(url.pathname.slice('/api/'.length), request, response, options);
    if (request.method === 'GET' && options.rendererDir !== null && serveStatic(options.rendererDir, url.pathname, response)) return;
    sendError(response, { code: 'not_found', message: `Nothing at ${url.pathname}` });
  }

  return server;
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    });
  });
}
