import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../main/db/open';
import { useTempDirs } from '../support/temp-dir';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs serve from source until it exits or `untilMs` passes, then stops it. */
function runServe(args: string[], untilMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--no-warnings', '--import', `file://${root}node_modules/tsx/dist/esm/index.mjs`, `${root}main/serve.ts`, ...args],
      { timeout: untilMs, env: { ...process.env, OLLAMA_HOST: '127.0.0.1:9' } },
      (error, stdout, stderr) => resolve({ code: child.exitCode ?? (error ? 1 : 0), stdout, stderr }),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('?token=')) child.kill('SIGTERM');
    });
  });
}

describe('serve', () => {
  const tempDir = useTempDirs();
  let blocker: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

  it('prints one ready line with the URL and token, and stops cleanly on SIGTERM', async () => {
    const result = await runServe(['--port', '0', '--data-dir', tempDir(), '--token', 'fixed-token-123']);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^Talent Workstation is ready at http:\/\/127\.0\.0\.1:\d+\/\?token=fixed-token-123\n$/);
    expect(result.code).toBe(0);
  });

  it('says plainly that the port is taken', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as { port: number }).port)));
    const result = await runServe(['--port', String(port), '--data-dir', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${port} is already in use on 127.0.0.1`);
  });

  it('refuses a corrupt database with a message that names the file', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, databaseFileName), Buffer.alloc(4096, 7));
    const result = await runServe(['--port', '0', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dataDir, databaseFileName)} is not a SQLite database`);
  });

  it('refuses a bad port and a short token', async () => {
    expect((await runServe(['--port', 'http'])).stderr).toMatch(/--port: "http" is not a port number/);
    expect((await runServe(['--port', '0', '--token', 'short', '--data-dir', tempDir()])).stderr).toMatch(/--token: use at least 8/);
  });
});
