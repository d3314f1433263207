// Helpers for tests that use the stand-ins as real processes: where the executables are, a
// free port, starting `ollama serve` and waiting for its "Listening on" line, running
// nvidia-smi, and reading NDJSON streams.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Folder holding the `ollama` and `nvidia-smi` stand-ins; prepend it to PATH to shadow real ones. */
export const STANDIN_BIN = fileURLToPath(new URL('./bin/', import.meta.url));
export const OLLAMA_BIN = `${STANDIN_BIN}ollama`;
export const NVIDIA_SMI_BIN = `${STANDIN_BIN}nvidia-smi`;

/** A port free right now (the OS picks it); for executables that must be told a port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface SpawnedOllama {
  url: string;
  child: ChildProcess;
  /** Everything written to stderr so far (the server's log). */
  log: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM and wait for exit. */
  stop: () => Promise<number | null>;
}

/**
 * Runs `ollama serve` from the stand-in with OLLAMA_HOST on 127.0.0.1:0 unless `env` sets it,
 * and resolves once it logs "Listening on"; rejects if it exits first.
 */
export function spawnOllama(env: NodeJS.ProcessEnv = {}, timeoutMs = 15_000): Promise<SpawnedOllama> {
  const child = spawn(OLLAMA_BIN, ['serve'], {
    env: { ...process.env, OLLAMA_HOST: '127.0.0.1:0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ollama stand-in did not start in ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`ollama stand-in exited with ${String(code)}:\n${stderr}`));
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /Listening on (\S+):(\d+) /.exec(stderr);
      if (!match) return;
      clearTimeout(timer);
      const host = match[1] === '0.0.0.0' ? '127.0.0.1' : match[1];
      resolve({
        url: `http://${host}:${match[2]}`, child, log: () => stderr, exited,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the nvidia-smi stand-in to completion. */
export function runNvidiaSmi(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(NVIDIA_SMI_BIN, args, { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Parses an NDJSON body line by line (Ollama's streaming format). */
export async function readNdjson(res: Response): Promise<Array<Record<string, unknown>>> {
  const text = await res.text();
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** POSTs JSON (or sends `method`) to an Ollama URL. */
export function call(base: string, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
}

/** Yields NDJSON objects as they arrive, for tests that act mid-stream (abort, count). */
export async function* ndjsonLines(res: Response): AsyncGenerator<Record<string, unknown>> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line !== '') yield JSON.parse(line) as Record<string, unknown>;
      newline = buffer.indexOf('\n');
    }
  }
}
