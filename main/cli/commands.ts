import type { MethodName } from '../api/contract';
import type { EventBus } from '../api/event-bus';
import { contract, methodNames } from '../api/contract';
import { ApiError } from '../api/errors';
import type { DoctorReport } from '../system/schema';
import { formatDoctor } from './format-doctor';
import { batchCommands } from './batch-commands';
import { modelCommands } from './model-commands';
import { pricingCommands } from '../pricing/cli-commands';
import { interviewCommands } from '../interviews/cli-commands';
import { kitCommands } from '../interviews/kits/cli-commands';
import { skillCommands } from '../skills/cli-commands';

export interface CommandRequest {
  method: MethodName;
  input: unknown;
  /** How to print the answer when --json is not given. */
  format: (value: unknown) => string;
  /** For work that goes on after the call answers (a pull): waits for it and gives the final value. */
  follow?: (bus: EventBus, signal: AbortSignal, answer: Promise<unknown>) => Promise<unknown>;
  /** Run the batch queue in this process while the command waits (batch submit --wait). */
  runsQueue?: boolean;
}

/** The options the command line accepts; each command reads those it needs. */
export interface CliFlags {
  yes?: boolean;
  wait?: boolean;
  model?: string;
  priority?: string;
  template?: string;
  out?: string;
  'allow-duplicate'?: boolean;
  title?: string;
  description?: string;
  location?: string;
  level?: string;
  mapping?: string;
  source?: string;
  hourly?: boolean;
  'allow-partial'?: boolean;
  replace?: boolean;
  format?: string;
  from?: string;
  to?: string;
  min?: string;
  cv?: string;
  jd?: string;
  language?: string;
  reasoning?: string;
  skill?: string;
  activate?: string;
}

export interface CommandSpec {
  usage: string;
  summary: string;
  /** Turns the positional words after the command into a contract call, or an answer of its own. */
  build(words: string[], flags: CliFlags): CommandRequest | { text: string };
}

const asJson = (value: unknown): string => JSON.stringify(value, null, 2);

/** `models.batch=qwen2.5:7b` or `parallelSlots=2`: JSON values where they parse, text otherwise. */
export function parseAssignments(words: string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const word of words) {
    const index = word.indexOf('=');
    if (index <= 0) throw new ApiError('invalid_input', `"${word}" is not key=value`);
    const path = word.slice(0, index).split('.');
    const raw = word.slice(index + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Plain text, such as a model name or a host.
    }
    let target = patch;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]!] = value;
  }
  return patch;
}

function parseJsonArgument(text: string | undefined, what: string): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_input', `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const commands: Record<string, CommandSpec> = {
  doctor: {
    usage: 'doctor [--json]',
    summary: 'Check Ollama, the GPU and the database, and say what was found',
    build: () => ({ method: 'system.doctor', input: {}, format: (value) => formatDoctor(value as DoctorReport) }),
  },
  'settings:get': {
    usage: 'settings:get [--json]',
    summary: 'Print every setting',
    build: () => ({ method: 'settings.get', input: {}, format: asJson }),
  },
  'settings:set': {
    usage: 'settings:set KEY=VALUE [KEY=VALUE ...] [--json]   e.g. parallelSlots=2 models.batch=qwen2.5:7b',
    summary: 'Change settings; the others keep their values',
    build: (words) => {
      if (words.length === 0) throw new ApiError('invalid_input', 'Name at least one KEY=VALUE to set');
      return { method: 'settings.update', input: parseAssignments(words), format: asJson };
    },
  },
  'settings:reset': {
    usage: 'settings:reset --yes',
    summary: 'Put every setting back to its default (asks for --yes)',
    build: (_words, flags) => ({ method: 'settings.reset', input: { confirm: flags.yes === true }, format: asJson }),
  },
  ...modelCommands,
  ...batchCommands,
  ...pricingCommands,
  ...interviewCommands,
  ...kitCommands,
  ...skillCommands,
  call: {
    usage: `call METHOD ['JSON input']   METHOD is one of: ${methodNames.join(', ')}`,
    summary: 'Call any method of the core with a JSON input',
    build: (words) => {
      const [method, input] = words;
      if (method === undefined || !(methodNames as string[]).includes(method)) {
        throw new ApiError('invalid_input', `Name a method: ${methodNames.join(', ')}`);
      }
      return { method: method as MethodName, input: parseJsonArgument(input, 'The input'), format: asJson };
    },
  },
  methods: {
    usage: 'methods',
    summary: 'List the methods of the core with what each does',
    build: () => ({ text: methodNames.map((name) => `${name.padEnd(20)} ${contract[name].summary}`).join('\n') }),
  },
};
