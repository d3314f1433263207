import type { EventBus } from '../api/event-bus';
import { ApiError } from '../api/errors';
import type { PullProgress } from '../engine/models/schema';
import type { MetricsSummary } from '../metrics/schema';
import type { EngineStatus } from '../system/schema';
import type { CommandSpec } from './commands';

const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

function formatInstalled(status: EngineStatus): string {
  if (!status.reachable) return status.problem ?? 'Ollama is not reachable';
  const loaded = new Map(status.loaded.map((model) => [model.name, model]));
  const rows = status.installed.map((model) => {
    const resident = loaded.get(model.name);
    const memory = resident ? `loaded, ${Math.round((100 * resident.vramBytes) / Math.max(1, resident.sizeBytes))}% in VRAM` : '';
    return `${model.name.padEnd(28)} ${gib(model.sizeBytes).padStart(10)}  ${(model.parameterSize ?? '').padEnd(6)} ${(model.quantization ?? '').padEnd(8)} ${memory}`;
  });
  return rows.length === 0 ? 'No models installed: npm run cli -- models:pull llama3.1:8b' : rows.join('\n');
}

function formatProgress(progress: PullProgress): string {
  const percent = progress.totalBytes > 0 ? Math.floor((100 * progress.completedBytes) / progress.totalBytes) : 0;
  const eta = progress.etaSeconds === null ? '' : `, ${progress.etaSeconds} s left`;
  return `${progress.model}: ${progress.status} ${percent}% (${gib(progress.completedBytes)} of ${gib(progress.totalBytes)}, ${(progress.bytesPerSecond / 1e6).toFixed(1)} MB/s${eta})`;
}

/** Waits for the pull's last event, printing progress on stderr so stdout keeps only the result. */
export function followPull(bus: EventBus, model: string, signal: AbortSignal): Promise<PullProgress> {
  return new Promise((resolve, reject) => {
    const unsubscribe = bus.subscribe((name, payload) => {
      if (name !== 'models.pull') return;
      const progress = payload as PullProgress;
      if (progress.model !== model) return;
      if (progress.state === 'running') {
        process.stderr.write(`\r${formatProgress(progress)}   `);
        return;
      }
      unsubscribe();
      process.stderr.write('\n');
      if (progress.state === 'done') resolve(progress);
      else reject(new ApiError('internal', progress.error ?? `The pull of ${model} was ${progress.state}`));
    });
    signal.addEventListener('abort', () => {
      unsubscribe();
      reject(new ApiError('cancelled', `Pull of ${model} cancelled; pulling again resumes it`));
    });
  });
}

function formatMetrics(summary: MetricsSummary): string {
  const header = `${'group'.padEnd(12)} ${'model'.padEnd(24)} ${'calls'.padStart(7)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'tok/s'.padStart(7)} ${'errors'.padStart(7)} ${'Wh'.padStart(8)}`;
  const line = (row: MetricsSummary['total']) =>
    `${row.group.padEnd(12)} ${row.model.padEnd(24)} ${String(row.count).padStart(7)} ${(row.p50Ms?.toFixed(0) ?? '-').padStart(9)} ` +
    `${(row.p95Ms?.toFixed(0) ?? '-').padStart(9)} ${(row.tokensPerSecond?.toFixed(1) ?? '-').padStart(7)} ` +
    `${`${(row.errorRate * 100).toFixed(1)}%`.padStart(7)} ${(row.energyWh?.toFixed(2) ?? '-').padStart(8)}`;
  if (summary.total.count === 0) return `No model calls recorded between ${summary.from} and ${summary.to}.`;
  return [header, ...summary.rows.map(line), line(summary.total)].join('\n');
}

function modelArgument(words: string[], usage: string): string {
  const model = words[0];
  if (model === undefined) throw new ApiError('invalid_input', `Name a model: npm run cli -- ${usage}`);
  return model;
}

export const modelCommands: Record<string, CommandSpec> = {
  'models:list': {
    usage: 'models:list [--json]',
    summary: 'Installed models, and which are loaded and how much sits in VRAM',
    build: () => ({ method: 'system.status', input: {}, format: (value) => formatInstalled((value as { engine: EngineStatus }).engine) }),
  },
  'models:pull': {
    usage: 'models:pull MODEL   e.g. models:pull llama3.1:8b (Ctrl+C cancels; pulling again resumes)',
    summary: 'Download a model with progress',
    build: (words) => {
      const model = modelArgument(words, 'models:pull MODEL');
      return {
        method: 'models.pull',
        input: { model },
        format: (value) => `${(value as PullProgress).model} is installed.`,
        follow: (bus, signal) => followPull(bus, model, signal),
      };
    },
  },
  'models:delete': {
    usage: 'models:delete MODEL --yes',
    summary: 'Delete an installed model (asks for --yes)',
    build: (words, flags) => ({
      method: 'models.delete',
      input: { model: modelArgument(words, 'models:delete MODEL --yes'), confirm: flags.yes === true },
      format: (value) => formatInstalled(value as EngineStatus),
    }),
  },
  metrics: {
    usage: 'metrics [MINUTES] [--json]   default: the last 24 hours',
    summary: 'LLM calls per operation and model: latency percentiles, tokens/s, errors, energy',
    build: (words) => {
      const minutes = words[0] === undefined ? undefined : Number(words[0]);
      return { method: 'metrics.summary', input: minutes === undefined ? {} : { minutes }, format: (value) => formatMetrics(value as MetricsSummary) };
    },
  },
};
