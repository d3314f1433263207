import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STANDIN_BIN } from '../../support/harness';

const builtServe = fileURLToPath(new URL('../../../out/main/serve.js', import.meta.url));

export interface ServeProcess {
  /** The URL serve printed, with ?token=. */
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the built `serve` as a person would, with the stand-ins first on PATH, and resolves
 * with the URL from its one ready line.
 */
export function startServe(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<ServeProcess> {
  if (!existsSync(builtServe)) throw new Error('out/main/serve.js is missing: run npm run build first');
  const child = spawn(process.execPath, [builtServe, ...args], {
    env: { ...process.env, PATH: `${STANDIN_BIN}:${process.env.PATH ?? ''}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not become ready in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`serve exited early (code ${String(child.exitCode)}):\n${stdout}\n${stderr}`));
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1]!, child, output: () => stdout + stderr, stop });
    });
  });
}
