import { resolve } from 'node:path';
import type { EventBus } from '../api/event-bus';
import { ApiError } from '../api/errors';
import type { BatchProgress, BatchSummary } from '../batch/schema';
import type { CommandSpec } from './commands';

const finished = new Set(['completed', 'failed', 'cancelled', 'expired']);

export function formatBatch(batch: BatchSummary): string {
  const { counts } = batch;
  const lines = [
    `${batch.id}  ${batch.status}  ${batch.sourceName} (${batch.kind}${batch.model ? `, ${batch.model}` : ''})`,
    `  ${counts.done} done, ${counts.failed} failed, ${counts.pending + counts.running} to go, of ${counts.total}`,
  ];
  for (const problem of batch.problems.slice(0, 10)) {
    lines.push(`  ${problem.file || 'batch'}${problem.line > 0 ? `:${problem.line}` : ''}${problem.field ? ` [${problem.field}]` : ''}: ${problem.message}`);
  }
  if (batch.problems.length > 10) lines.push(`  … and ${batch.problems.length - 10} more problems (--json lists them all)`);
  return lines.join('\n');
}

function batchIdArgument(words: string[], usage: string): string {
  const id = words[0];
  if (id === undefined) throw new ApiError('invalid_input', `Name a batch: npm run cli -- ${usage}`);
  return id;
}

/** Runs the queue here until the batch finishes, with progress on stderr; Ctrl+C leaves it queued. */
async function waitForBatch(bus: EventBus, signal: AbortSignal, answer: Promise<unknown>): Promise<BatchSummary> {
  const submitted = (await answer) as BatchSummary;
  if (finished.has(submitted.status)) return submitted;
  return new Promise((resolvePromise, reject) => {
    const unsubscribe = bus.subscribe((name, payload) => {
      if (name !== 'batch.progress') return;
      const progress = payload as BatchProgress;
      if (progress.id !== submitted.id) return;
      const { counts, stats } = progress;
      const eta = stats.etaSeconds === null ? '' : `, about ${stats.etaSeconds} s left`;
      process.stderr.write(`\r${counts.done + counts.failed}/${counts.total} (${counts.failed} failed), ${stats.requestsPerSecond.toFixed(2)} req/s${eta}   `);
      if (!finished.has(progress.status)) return;
      unsubscribe();
      process.stderr.write('\n');
      resolvePromise({ ...submitted, status: progress.status, counts });
    });
    signal.addEventListener('abort', () => {
      unsubscribe();
      reject(new ApiError('cancelled', `Stopped waiting; ${submitted.id} stays queued and the app (or batch submit --wait) carries on with it`));
    });
  });
}

export const batchCommands: Record<string, CommandSpec> = {
  'batch:submit': {
    usage: 'batch submit FILE [--model M] [--template candidate-evaluation[@VERSION]] [--priority N] [--allow-duplicate] [--wait] [--json]',
    summary: 'Queue a file of candidates or OpenAI batch lines; --wait runs it here and shows progress',
    build: (words, flags) => {
      const file = words[0];
      if (file === undefined) throw new ApiError('invalid_input', 'Name a file: npm run cli -- batch submit FILE');
      // --template takes candidate-evaluation or one of its versions: candidate-evaluation@2.
      const [templateId, templateVersion] = (flags.template ?? 'candidate-evaluation').split('@');
      if (templateId !== 'candidate-evaluation') {
        throw new ApiError('invalid_input', `Unknown template "${flags.template ?? ''}": the one template is candidate-evaluation (or candidate-evaluation@VERSION)`, 'template');
      }
      const priority = flags.priority === undefined ? undefined : Number(flags.priority);
      return {
        method: 'batch.submit',
        input: {
          source: { path: resolve(file) },
          ...(flags.model ? { model: flags.model } : {}),
          ...(priority === undefined ? {} : { priority }),
          allowDuplicate: flags['allow-duplicate'] === true,
          ...(templateVersion ? { templateVersion } : {}),
        },
        format: (value) => formatBatch(value as BatchSummary),
        runsQueue: flags.wait === true,
        ...(flags.wait ? { follow: waitForBatch } : {}),
      };
    },
  },
  'batch:status': {
    usage: 'batch status ID [--json]',
    summary: "One batch's status, counts and problems",
    build: (words) => ({ method: 'batch.get', input: { id: batchIdArgument(words, 'batch status ID') }, format: (value) => formatBatch((value as { summary: BatchSummary }).summary) }),
  },
  'batch:list': {
    usage: 'batch list [--json]',
    summary: 'Batches, newest first',
    build: () => ({
      method: 'batch.list',
      input: {},
      format: (value) => ((value as BatchSummary[]).length === 0 ? 'No batches yet: npm run cli -- batch submit FILE' : (value as BatchSummary[]).map(formatBatch).join('\n')),
    }),
  },
  'batch:export': {
    usage: 'batch export ID --out DIR [--json]',
    summary: 'Write the output JSONL, errors JSONL and results CSV of a batch into a folder',
    build: (words, flags) => {
      if (flags.out === undefined) throw new ApiError('invalid_input', 'Name a folder: npm run cli -- batch export ID --out DIR', 'out');
      return {
        method: 'batch.export',
        input: { id: batchIdArgument(words, 'batch export ID --out DIR'), dir: resolve(flags.out) },
        format: (value) => (value as Array<{ kind: string; path: string; bytes: number }>).map((file) => `${file.kind.padEnd(8)} ${file.path} (${file.bytes} bytes)`).join('\n'),
      };
    },
  },
  'batch:cancel': {
    usage: 'batch cancel ID',
    summary: 'Cancel a batch; results already in are kept',
    build: (words) => ({ method: 'batch.cancel', input: { id: batchIdArgument(words, 'batch cancel ID') }, format: (value) => formatBatch(value as BatchSummary) }),
  },
};
