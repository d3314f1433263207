import { parseArgs } from 'node:util';
import { createApp } from './app';
import { ApiError } from './api/errors';
import { commands } from './cli/commands';
import { resolveDataDir } from './config';

const commonOptions = `Options for every command:
  --data-dir DIR   folder of the database (default: TW_DATA_DIR, else the app's data folder)
  --json           print machine-readable JSON
  --help           show help for the command`;

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length)) + 2;
  const list = Object.entries(commands).map(([name, spec]) => `  ${name.padEnd(width)}${spec.summary}`);
  return `Usage: npm run cli -- <command> [options]\n\nCommands:\n${list.join('\n')}\n\n${commonOptions}`;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
      yes: { type: 'boolean' },
      wait: { type: 'boolean' },
      model: { type: 'string' },
      priority: { type: 'string' },
      template: { type: 'string' },
      out: { type: 'string' },
      'allow-duplicate': { type: 'boolean' },
      title: { type: 'string' },
      description: { type: 'string' },
      location: { type: 'string' },
      level: { type: 'string' },
      mapping: { type: 'string' },
      source: { type: 'string' },
      hourly: { type: 'boolean' },
      'allow-partial': { type: 'boolean' },
      replace: { type: 'boolean' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      min: { type: 'string' },
      cv: { type: 'string' },
      jd: { type: 'string' },
      language: { type: 'string' },
      reasoning: { type: 'string' },
      skill: { type: 'string' },
      activate: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  // "batch submit" and "batch:submit" name the same command.
  const [first, second, ...more] = positionals;
  const joined = first !== undefined && second !== undefined && commands[`${first}:${second}`] !== undefined;
  const name = joined ? `${first}:${second}` : first;
  const words = joined ? more : positionals.slice(1);
  if (name === undefined || name === 'help') {
    process.stdout.write(`${overview()}\n`);
    return name === undefined && !values.help ? 1 : 0;
  }
  const command = commands[name];
  if (command === undefined) throw new ApiError('invalid_input', `Unknown command "${name}". Run npm run cli -- --help for the list.`);
  if (values.help) {
    process.stdout.write(`Usage: npm run cli -- ${command.usage}\n\n${command.summary}\n\n${commonOptions}\n`);
    return 0;
  }
  const request = command.build(words, values);
  if ('text' in request) {
    process.stdout.write(`${request.text}\n`);
    return 0;
  }
  const app = createApp(
    { dataDir: resolveDataDir(values['data-dir']), ollamaHost: process.env.OLLAMA_HOST, monitor: false, manageEngine: false, runBatches: request.runsQueue === true },
    () => {},
  );
  try {
    const interrupted = new AbortController();
    process.once('SIGINT', () => interrupted.abort());
    // Following starts before the call, so no progress event is missed; it gets the answer as a promise.
    const answer = app.dispatch(request.method, request.input).then((result) => {
      if (!result.ok) throw ApiError.fromBody(result.error);
      return result.value;
    });
    const followed = request.follow?.(app.bus, interrupted.signal, answer);
    followed?.catch(() => {}); // Awaited below; this only keeps an early failure from going unhandled.
    // A failed call ends the wait at once; otherwise the follower gives the final value.
    const value = followed ? await Promise.race([followed, answer.then(() => followed)]) : await answer;
    process.stdout.write(`${values.json ? JSON.stringify(value, null, 2) : request.format(value)}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`talent-workstation: ${message}\n`);
    process.exit(error instanceof ApiError && error.code === 'invalid_input' ? 2 : 1);
  },
);
