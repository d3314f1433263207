import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { STANDIN_BIN } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsxLoader = `file://${root}node_modules/tsx/dist/esm/index.mjs`;
const cliEntry = `${root}main/cli.ts`;
/** A PATH with no nvidia-smi on it: the stand-ins' folder is left out and nothing else has one here. */
export const pathWithoutGpu = (process.env.PATH ?? '').split(':').filter((dir) => dir !== STANDIN_BIN.replace(/\/$/, '')).join(':');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a person would (`npm run cli -- ...`), as a real child process. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--no-warnings', '--import', tsxLoader, cliEntry, ...args],
      { env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
