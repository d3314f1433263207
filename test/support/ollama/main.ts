// `ollama` executable of the stand-in: `ollama serve` runs the server configured from the
// environment and logs like the real one to stderr; `ollama --version` prints the version.
// Other subcommands are not stood in for: the product only starts `serve`.
import { startOllamaStandin } from './server.js';
import { optionsFromEnv } from './env.js';
import { defaultConfig } from './context.js';

function slogLine(level: string, source: string, msg: string, attrs = ''): string {
  return `time=${new Date().toISOString()} level=${level} source=${source} msg="${msg}"${attrs ? ` ${attrs}` : ''}`;
}

async function serve(): Promise<void> {
  const log = (line: string): void => {
    process.stderr.write(`${line.startsWith('[GIN]') || line.startsWith('time=') ? line : `time=${new Date().toISOString()} ${line}`}\n`);
  };
  const options = { ...optionsFromEnv(process.env), log };
  const version = options.version ?? defaultConfig().version;
  // A crash fault ends the process like a dying server would (Go panics exit with 2).
  const standin = await startOllamaStandin({ ...options, onCrash: () => process.exit(2) }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${options.host}:${options.port ?? 11434}`;
    const reason = code === 'EADDRINUSE' ? 'bind: address already in use'
      : code === 'EACCES' ? 'bind: permission denied' : String(error);
    process.stderr.write(`Error: listen tcp ${where}: ${reason}\n`);
    return process.exit(1);
  });
  const env = Object.entries(process.env).filter(([k]) => k.startsWith('OLLAMA_')).map(([k, v]) => `${k}:${v ?? ''}`);
  log(slogLine('INFO', 'routes.go:1332', 'server config', `env="map[${env.join(' ')}]"`));
  log(slogLine('INFO', 'routes.go:1475', `Listening on ${standin.host}:${standin.port} (version ${version})`));
  log(slogLine('INFO', 'types.go:131', 'inference compute',
    'id=GPU-5e6f3c2a library=cuda variant=v12 compute=8.9 driver=12.4 name="NVIDIA GeForce RTX 4080" total="16.0 GiB" available="15.5 GiB"'));
  const stop = (): void => {
    void standin.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const [command] = process.argv.slice(2);
if (command === '--version' || command === '-v' || command === 'version') {
  const version = process.env.OLLAMA_STANDIN_VERSION || defaultConfig().version;
  process.stdout.write(`ollama version is ${version}\n`);
} else if (command === 'serve') {
  try {
    await serve();
  } catch (error) {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
} else {
  process.stderr.write(command === undefined
    ? 'Usage:\n  ollama [command]\n\nAvailable Commands:\n  serve       Start ollama\n'
    : `Error: unknown command "${command}" for "ollama" (the test stand-in only implements serve and --version)\n`);
  process.exit(command === undefined ? 0 : 1);
}
