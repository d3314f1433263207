import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../event-bus';
import { securityHeaders } from './respond';

const heartbeatMs = 15_000;

/**
 * Server-sent events: one `event:` per contract event, starting with the latest of each so a page
 * that connects late still shows the current state.
 */
export function streamEvents(request: IncomingMessage, response: ServerResponse, bus: EventBus): void {
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    connection: 'keep-alive',
  });
  const write = (name: string, payload: unknown) => response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  response.write('retry: 2000\n\n');
  for (const [name, payload] of bus.snapshot()) write(name, payload);
  const unsubscribe = bus.subscribe(write);
  // Comments keep proxies and idle timeouts from closing a quiet stream.
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
