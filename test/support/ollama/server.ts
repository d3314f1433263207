// The Ollama stand-in's HTTP server: routes, body parsing, fault dispatch, Gin-style access
// log, and the programmatic API `startOllamaStandin` for in-process use in tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { StandinContext } from './context.js';
import { CONTROL_PREFIX, handleControl } from './control.js';
import type { ArmedFault } from './faults.js';
import { handleEmbed, handleEmbeddings } from './embed-routes.js';
import { handleInference } from './inference.js';
import { handleDelete, handlePs, handleShow, handleTags, handleVersion } from './model-routes.js';
import { handlePull } from './pull.js';
import type { FaultSpec, RuntimeConfig, StandinOptions, StandinState } from './types.js';
import { isObject, readBody, sendError, type JsonObject } from './util.js';

type Handler = (ctx: StandinContext, res: ServerResponse, body: JsonObject, fault: ArmedFault | undefined) => Promise<void> | void;

/** Route table: `METHOD path` → handler. GET routes also answer HEAD, as Gin's do in Ollama. */
const ROUTES: Record<string, Handler> = {
  'GET /api/version': (ctx, res) => handleVersion(ctx, res),
  'GET /api/tags': (ctx, res) => handleTags(ctx, res),
  'GET /api/ps': (ctx, res) => handlePs(ctx, res),
  'POST /api/show': (ctx, res, body) => handleShow(ctx, res, body),
  'DELETE /api/delete': (ctx, res, body) => handleDelete(ctx, res, body),
  'POST /api/pull': handlePull,
  'POST /api/chat': (ctx, res, body, fault) => handleInference(ctx, res, body, 'chat', fault),
  'POST /api/generate': (ctx, res, body, fault) => handleInference(ctx, res, body, 'generate', fault),
  'POST /api/embed': handleEmbed,
  'POST /api/embeddings': handleEmbeddings,
};

export interface OllamaStandin {
  /** Base URL, e.g. http://127.0.0.1:41234 — what OLLAMA_HOST should be set to. */
  url: string;
  host: string;
  port: number;
  close: () => Promise<void>;
  setFault: (fault: FaultSpec) => void;
  clearFaults: () => void;
  configure: (patch: Partial<RuntimeConfig>) => RuntimeConfig;
  state: () => StandinState;
  reset: () => void;
}

function ginLine(status: number, ms: number, remote: string, method: string, path: string): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}/${pad(now.getMonth() + 1)}/${pad(now.getDate())} - ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  return `[GIN] ${stamp} | ${status} | ${ms.toFixed(3).padStart(12)}ms | ${remote.padStart(15)} | ${method.padEnd(7)} "${path}"`;
}

async function parseBody(req: IncomingMessage, res: ServerResponse): Promise<JsonObject | undefined> {
  const text = await readBody(req);
  if (req.method === 'GET' || req.method === 'HEAD') return {};
  if (text.trim() === '') {
    sendError(res, 400, 'missing request body');
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
    sendError(res, 400, 'json: cannot unmarshal into Go value of type api.Request');
  } catch (error) {
    sendError(res, 400, error instanceof Error ? error.message : 'invalid JSON');
  }
  return undefined;
}

/** Faults that answer before any handler runs; true when the request is dealt with. */
function applyEarlyFault(ctx: StandinContext, res: ServerResponse, fault: ArmedFault | undefined, crash: () => void): boolean {
  if (!fault) return false;
  if (fault.kind === 'crash') {
    ctx.log('level=ERROR source=server.go:1 msg="runner terminated" error="signal: segmentation fault (core dumped)"');
    crash();
    return true;
  }
  if (fault.kind === 'oom' || fault.kind === 'system-memory') sendError(res, 500, fault.message);
  else if (fault.kind === 'busy') sendError(res, 503, fault.message);
  else return false;
  return true;
}

export function createStandinServer(ctx: StandinContext, crash: () => void): Server {
  return createServer((req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const isControl = path.startsWith(CONTROL_PREFIX);
    let model: string | undefined;
    res.on('close', () => {
      const status = res.headersSent ? res.statusCode : 0; // 0: the connection died unanswered
      if (!isControl) ctx.record({ method, path, status, ...(model ? { model } : {}) });
      ctx.log(ginLine(status, performance.now() - started, req.socket.remoteAddress ?? '', method, path));
    });
    const run = async (): Promise<void> => {
      if (isControl) {
        const text = await readBody(req);
        let body: unknown = {};
        try { body = text.trim() === '' ? {} : JSON.parse(text); } catch { return sendError(res, 400, 'invalid JSON'); }
        return handleControl(ctx, res, method, path, body);
      }
      if (path === '/' && (method === 'GET' || method === 'HEAD')) {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        return void res.end(method === 'HEAD' ? undefined : 'Ollama is running');
      }
      const handler = ROUTES[`${method === 'HEAD' ? 'GET' : method} ${path}`];
      if (!handler) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return void res.end('404 page not found');
      }
      const fault = ctx.faults.take(path);
      if (applyEarlyFault(ctx, res, fault, crash)) return;
      const body = await parseBody(req, res);
      if (!body) return;
      if (typeof body.model === 'string') model = body.model;
      await handler(ctx, res, body, fault);
      // Handlers without streams ignore cut/error-line: apply them here if still pending.
      if (fault && !res.headersSent) sendError(res, 500, fault.message);
    };
    run().catch((error: unknown) => {
      ctx.log(`level=ERROR msg="handler failed" error="${String(error)}"`);
      if (!res.headersSent) sendError(res, 500, String(error));
      else res.destroy();
    });
  });
}

/** Starts a stand-in on `options.port` (default: any free port) and resolves once listening. */
export async function startOllamaStandin(options: StandinOptions = {}): Promise<OllamaStandin> {
  const log = options.log ?? (() => undefined);
  const ctx = new StandinContext(options, log);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const hardStop = (): void => {
    server?.close();
    for (const socket of sockets) socket.destroy();
    ctx.residency.unloadAll();
  };
  // In process, a "crash" must not kill the test runner: the server dies abruptly instead.
  const crash = options.onCrash ?? hardStop;
  server = createStandinServer(ctx, crash);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  const listening = server;
  await new Promise<void>((resolve, reject) => {
    listening.once('error', reject);
    listening.listen(options.port ?? 0, host, () => {
      listening.off('error', reject);
      resolve();
    });
  });
  const address = listening.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${port}`,
    host,
    port,
    close: () => new Promise<void>((resolve) => {
      ctx.configure({ paused: false });
      if (listening.listening) listening.close(() => resolve());
      else resolve();
      hardStop();
    }),
    setFault: (fault) => ctx.faults.arm(fault),
    clearFaults: () => ctx.faults.clear(),
    configure: (patch) => ctx.configure(patch),
    state: () => ctx.state(),
    reset: () => ctx.reset(),
  };
}
