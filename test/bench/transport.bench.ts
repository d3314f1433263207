import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../main/app';
import { createHttpServer, listen } from '../../main/api/http/server';
import { formatTiming, measure } from './measure';

/** What a door costs: the same settings.get in process (CLI, IPC handler) and over HTTP (serve). */
export async function benchTransport(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tw-bench-'));
  const app = createApp({ dataDir, monitor: false, manageEngine: false }, () => {});
  const token = 'bench-token-123456';
  const server = createHttpServer({ dispatch: app.dispatch, bus: app.bus, token, rendererDir: null });
  const port = await listen(server, 0);
  try {
    const inProcess = await measure(() => app.dispatch('settings.get', {}), 2000);
    const overHttp = await measure(
      () =>
        fetch(`http://127.0.0.1:${port}/api/settings.get`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        }).then((response) => response.json()),
      1000,
    );
    return [
      'Transport overhead (settings.get: one SQLite read, zod in and out)',
      formatTiming('in process (dispatch)', inProcess),
      formatTiming('over HTTP (serve, keep-alive)', overHttp),
      `ratio HTTP / in-process (p50): ${(overHttp.p50Ms / inProcess.p50Ms).toFixed(1)}x`,
    ];
  } finally {
    server.closeAllConnections();
    server.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
