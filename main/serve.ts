import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app';
import { ApiError } from './api/errors';
import { createHttpServer, listen } from './api/http/server';
import { createOpenAiDoor } from './batch/openai-api/index';
import { resolveDataDir } from './config';

const usage = `Usage: npm run serve -- [--port N] [--data-dir DIR] [--token T]

Serves Talent Workstation on http://127.0.0.1 for a browser or scripts.
  --port N         port to listen on (default 5730, or TW_PORT; 0 picks a free one)
  --data-dir DIR   folder of the database (default: TW_DATA_DIR, else the app's data folder)
  --token T        access token (default: TW_TOKEN, else a new random one each launch)
  --help           show this help`;

/** The built renderer sits beside the built main (out/renderer) or under out/ when run from source. */
function findRendererDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', 'out', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

function parsePort(value: string | undefined): number {
  const port = Number(value ?? '5730');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${value}" is not a port number (0-65535)`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const port = parsePort(values.port ?? process.env.TW_PORT);
  const token = values.token ?? process.env.TW_TOKEN ?? randomBytes(24).toString('base64url');
  if (token.length < 8) throw new Error('--token: use at least 8 characters');
  const rendererDir = findRendererDir();
  if (rendererDir === null) process.stderr.write('[warn] The renderer is not built (run npm run build): serving the API only.\n');

  const app = createApp({ dataDir: resolveDataDir(values['data-dir']), ollamaHost: process.env.OLLAMA_HOST, prepare: true });
  const server = createHttpServer({ dispatch: app.dispatch, bus: app.bus, token, rendererDir, v1: createOpenAiDoor(app) });
  // Installed before listening, so a signal during start-up still closes the database cleanly.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close(() => void app.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let boundPort: number;
  try {
    boundPort = await listen(server, port);
  } catch (error) {
    await app.close();
    throw error;
  }
  process.stdout.write(`Talent Workstation is ready at http://127.0.0.1:${boundPort}/?token=${encodeURIComponent(token)}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`talent-workstation serve: ${message}\n`);
  process.exit(1);
});
