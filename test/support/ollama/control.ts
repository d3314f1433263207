// The side door tests use to steer a running stand-in over HTTP (real Ollama has no such
// paths): arm faults, change config, read state, reset.
import type { ServerResponse } from 'node:http';
import type { StandinContext } from './context.js';
import { parseConfigPatch } from './context.js';
import { parseFaultSpec } from './faults.js';
import { sendError, sendJson } from './util.js';

export const CONTROL_PREFIX = '/__standin/';

export function handleControl(ctx: StandinContext, res: ServerResponse, method: string, path: string,
  body: unknown): void {
  try {
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /__standin/state':
        return sendJson(res, 200, ctx.state());
      case 'POST /__standin/fault':
        ctx.faults.arm(parseFaultSpec(body));
        return sendJson(res, 200, { pendingFaults: ctx.faults.list() });
      case 'DELETE /__standin/fault':
        ctx.faults.clear();
        return sendJson(res, 200, { pendingFaults: [] });
      case 'POST /__standin/config':
        return sendJson(res, 200, ctx.configure(parseConfigPatch(body)));
      case 'POST /__standin/reset':
        ctx.reset();
        return sendJson(res, 200, ctx.state());
      default:
        return sendError(res, 404, `no stand-in control at ${route}`);
    }
  } catch (error) {
    sendError(res, 400, error instanceof Error ? error.message : String(error));
  }
}
