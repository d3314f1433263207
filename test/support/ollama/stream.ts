// Response writing that honours the armed fault: a stream can be cut (socket destroyed) or
// end with an {"error"} line after a given number of chunks; a single JSON answer can be cut.
import type { ServerResponse } from 'node:http';
import type { ArmedFault } from './faults.js';
import { sendError, sendJson, writeLine } from './util.js';

export class NdjsonWriter {
  private sent = 0;
  private stopped = false;

  constructor(private readonly res: ServerResponse, private readonly fault: ArmedFault | undefined,
    private readonly onChunk: () => void = () => undefined) {}

  /** False once the client is gone or a fault ended the stream: the caller stops. */
  get alive(): boolean {
    return !this.stopped && !this.res.destroyed;
  }

  /** Sends one line; returns false when the stream is over (client gone or fault fired). */
  async send(value: unknown): Promise<boolean> {
    if (!this.alive) return false;
    if (!this.res.headersSent) {
      this.res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Transfer-Encoding': 'chunked' });
    }
    if (this.fault && (this.fault.kind === 'cut' || this.fault.kind === 'error-line') && this.sent >= this.fault.afterChunks) {
      this.stopped = true;
      if (this.fault.kind === 'cut') {
        // Flush what was sent, then drop the connection without the chunked terminator.
        this.res.socket?.destroy();
      } else {
        await writeLine(this.res, { error: this.fault.message });
        this.res.end();
      }
      return false;
    }
    await writeLine(this.res, value);
    this.sent += 1;
    this.onChunk();
    return this.alive;
  }

  end(): void {
    if (!this.res.writableEnded && !this.res.destroyed) this.res.end();
  }
}

/** A non-streamed answer, unless a fault says the connection dies or the model errors. */
export function sendFinal(res: ServerResponse, fault: ArmedFault | undefined, body: unknown): void {
  if (fault?.kind === 'cut') {
    res.socket?.destroy();
    return;
  }
  if (fault?.kind === 'error-line') {
    sendError(res, 500, fault.message);
    return;
  }
  sendJson(res, 200, body);
}

/** An AbortSignal that fires when the client disconnects before the answer is complete. */
export function clientGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
