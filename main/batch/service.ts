import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import type { LlmClient } from '../engine/client/index';
import type { StoredRequest } from './execute';
import { newOwnerId, retireOwner } from './owner';
import { OomRecovery, type RecoveryActions } from './recovery';
import { BatchRunner } from './runner';
import type { z } from 'zod';
import type { BatchEvent, BatchKind, BatchProgress, BatchStatus, BatchSummary, ingestProblemSchema, ItemCounts } from './schema';
import { BatchStore, type NewItem } from './store';
import { Throughput } from './throughput';

/** What a source (an ingested file) yields: items to queue, problems to report, and its checksum at the end. */
export type SourceRecord =
  | { kind: 'item'; customId: string; sourceLine: number; request: StoredRequest }
  | { kind: 'problem'; problem: z.output<typeof ingestProblemSchema> }
  | { kind: 'end'; sha256: string };

export interface SubmitOptions {
  kind: BatchKind;
  endpoint: string;
  sourceName: string;
  model?: string | null;
  template?: { id: string; version: string } | null;
  priority?: number;
  inputFileId?: string | null;
  metadata?: Record<string, string> | null;
  /** Queue the same file again even though it was queued before. */
  allowDuplicate?: boolean;
}

export interface BatchServiceOptions {
  db: Database;
  llm: LlmClient;
  slots: () => number;
  recoveryActions: RecoveryActions;
  onProgress: (progress: BatchProgress) => void;
  onEvent: (event: BatchEvent) => void;
  now?: () => number;
  leaseMs?: number;
  maxAttempts?: () => number;
  /** How often a long batch unloads and reloads its model to free the runner's leaked memory; 0 never. */
  recycleEveryMs?: () => number;
  unload?: (model: string) => Promise<void>;
}

interface BatchRow {
  id: string;
  kind: BatchKind;
  status: BatchStatus;
  priority: number;
  endpoint: string;
  source_name: string;
  source_sha256: string | null;
  model: string | null;
  template_id: string | null;
  template_version: string | null;
  problems_json: string;
  created_at: number;
  in_progress_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  cancelled_at: number | null;
}

const insertChunk = 1000;
const storedProblemsCap = 1000;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The batch queue as the contract sees it: submit, watch, pause, resume, cancel, retry. */
export class BatchService {
  readonly store: BatchStore;
  readonly runner: BatchRunner;
  private readonly owner = newOwnerId();
  private readonly throughput = new Throughput();
  private readonly progressTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: BatchServiceOptions) {
    this.store = new BatchStore(options.db);
    const recovery = new OomRecovery(options.recoveryActions);
    this.runner = new BatchRunner({
      store: this.store,
      llm: options.llm,
      owner: this.owner,
      slots: options.slots,
      recovery,
      leaseMs: options.leaseMs,
      maxAttempts: options.maxAttempts,
      onItemDone: (item, result) => {
        this.throughput.record(item.batchId, this.now(), result ? result.tokensIn + result.tokensOut : 0);
        this.scheduleProgress(item.batchId);
      },
      onEvent: (batchId, kind, detail) => this.recordEvent(batchId, kind, detail),
      onBatchDrained: (batchId) => this.finalise(batchId),
    });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private recycleTimer: NodeJS.Timeout | null = null;
  private busySince: number | null = null;

  start(): void {
    this.runner.start();
    this.recycleTimer = setInterval(() => void this.recycleIfDue(), 60_000);
    this.recycleTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.recycleTimer) clearInterval(this.recycleTimer);
    await this.runner.stop();
    for (const timer of this.progressTimers.values()) clearTimeout(timer);
    retireOwner(this.owner);
  }

  /**
   * Queues a source as one batch: items go in in transactions of a thousand as they stream;
   * problems are kept with the batch; a file queued before is refused unless allowed.
   */
  async submit(options: SubmitOptions, source: AsyncIterable<SourceRecord>): Promise<BatchSummary> {
    const id = this.store.createBatch(
      {
        kind: options.kind,
        endpoint: options.endpoint,
        sourceName: options.sourceName,
        sourceSha256: null,
        inputFileId: options.inputFileId ?? null,
        model: options.model ?? null,
        templateId: options.template?.id ?? null,
        templateVersion: options.template?.version ?? null,
        priority: options.priority ?? 0,
        metadata: options.metadata ?? null,
      },
      this.now(),
    );
    const problems: Array<Extract<SourceRecord, { kind: 'problem' }>['problem']> = [];
    let chunk: NewItem[] = [];
    let queued = 0;
    let sha256: string | null = null;
    try {
      for await (const record of source) {
        if (record.kind === 'item') {
          chunk.push({ customId: record.customId, sourceLine: record.sourceLine, request: record.request });
          if (chunk.length >= insertChunk) {
            this.store.insertItems(id, chunk, queued);
            queued += chunk.length;
            chunk = [];
          }
        } else if (record.kind === 'problem') {
          if (problems.length < storedProblemsCap) problems.push(record.problem);
        } else sha256 = record.sha256;
      }
      this.store.insertItems(id, chunk, queued);
      queued += chunk.length;
    } catch (error) {
      this.deleteBatch(id);
      throw error;
    }
    if (sha256 !== null && !options.allowDuplicate) {
      const earlier = this.options.db
        .prepare(`SELECT id FROM batches WHERE source_sha256 = ? AND id != ? AND status NOT IN ('cancelled', 'failed') LIMIT 1`)
        .pluck()
        .get(sha256, id) as string | undefined;
      if (earlier !== undefined) {
        this.deleteBatch(id);
        throw new ApiError('conflict', `${options.sourceName} was already queued as ${earlier}: nothing was queued again. Submit it with "queue again" to run it twice.`);
      }
    }
    const status: BatchStatus = queued === 0 ? 'failed' : 'in_progress';
    this.store.setStatus(id, status, this.now(), { problems_json: JSON.stringify(problems), total: queued, source_sha256: sha256 });
    this.recordEvent(id, 'queued', `${queued} items from ${options.sourceName}${problems.length > 0 ? `, ${problems.length} problems` : ''}`);
    this.emitProgress(id);
    this.runner.poke();
    return this.summary(id);
  }

  /** Models the queue has sent work to in the last few minutes. */
  activeModels(): string[] {
    return this.runner.recentModels();
  }

  /**
   * Ollama's runners are known to leak host memory over hours: after `recycleEveryMs` of
   * continuous work, drain, unload the batch's models (their runners exit) and carry on.
   */
  async recycleIfDue(): Promise<boolean> {
    const every = this.options.recycleEveryMs?.() ?? 0;
    const busy = this.runner.inFlightCount() > 0;
    if (!busy) this.busySince = null;
    else this.busySince ??= this.now();
    if (every <= 0 || this.busySince === null || this.now() - this.busySince < every || !this.options.unload) return false;
    const models = this.activeModels();
    await this.runner.whileDrained(async () => {
      for (const model of models) await this.options.unload!(model);
    });
    this.busySince = this.now();
    this.recordEvent(null, 'recycle-runner', `unloaded ${models.join(', ') || 'no model'} after ${Math.round(every / 60_000)} min of work`);
    return true;
  }

  /** Problems found after queueing (a model that is not installed), added to the file's own. */
  addProblems(id: string, problems: Array<z.output<typeof ingestProblemSchema>>): void {
    const current = this.summary(id).problems;
    this.options.db.prepare('UPDATE batches SET problems_json = ? WHERE id = ?').run(JSON.stringify([...problems, ...current]), id);
  }

  private deleteBatch(id: string): void {
    this.options.db.prepare('DELETE FROM batches WHERE id = ?').run(id);
  }

  summary(id: string): BatchSummary {
    const row = this.options.db.prepare('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow | undefined;
    if (!row) throw new ApiError('not_found', `No batch ${id}`);
    return this.summaryOf(row);
  }

  list(limit = 100): BatchSummary[] {
    const rows = this.options.db.prepare('SELECT * FROM batches ORDER BY created_at DESC LIMIT ?').all(limit) as BatchRow[];
    return rows.map((row) => this.summaryOf(row));
  }

  progress(id: string): BatchProgress {
    const summary = this.summary(id);
    return { id, status: summary.status, counts: summary.counts, stats: this.throughput.stats(id, summary.counts, this.now(), this.runner.inFlightCount()) };
  }

  pause(id: string): BatchSummary {
    this.transition(id, ['in_progress'], 'paused');
    this.runner.abortBatch(id);
    this.recordEvent(id, 'paused', 'paused by the analyst; items in flight went back to the queue');
    return this.summary(id);
  }

  resume(id: string): BatchSummary {
    this.transition(id, ['paused'], 'in_progress');
    this.recordEvent(id, 'resumed', 'resumed by the analyst');
    this.runner.poke();
    return this.summary(id);
  }

  /** Stops a batch; results already committed are kept, items not yet run stay unrun. */
  cancel(id: string): BatchSummary {
    this.transition(id, ['validating', 'in_progress', 'paused'], 'cancelling');
    this.recordEvent(id, 'cancelled', 'cancelled by the analyst; results already in are kept');
    this.runner.abortBatch(id);
    this.finalise(id);
    return this.summary(id);
  }

  retryFailed(id: string): BatchSummary {
    const summary = this.summary(id);
    if (!['completed', 'in_progress', 'paused', 'cancelled'].includes(summary.status)) {
      throw new ApiError('conflict', `Batch ${id} is ${summary.status}: its failed items cannot be retried now`);
    }
    const count = this.store.retryFailed(id);
    if (count > 0 && summary.status !== 'paused') this.store.setStatus(id, 'in_progress', this.now(), { completed_at: null });
    this.recordEvent(id, 'retry-failed', `${count} failed items queued again`);
    this.runner.poke();
    return this.summary(id);
  }

  setPriority(id: string, priority: number): BatchSummary {
    this.summary(id);
    this.options.db.prepare('UPDATE batches SET priority = ? WHERE id = ?').run(priority, id);
    this.runner.poke();
    return this.summary(id);
  }

  private transition(id: string, from: BatchStatus[], to: BatchStatus): void {
    const status = this.summary(id).status;
    if (!from.includes(status)) throw new ApiError('conflict', `Batch ${id} is ${status}: it cannot become ${to}`);
    this.store.setStatus(id, to, this.now());
    this.emitProgress(id);
  }

  /** A batch with nothing pending or running is completed (or cancelled, when it was cancelling). */
  private finalise(id: string): void {
    const summary = this.summary(id);
    if (summary.counts.running > 0) return;
    if (summary.status === 'cancelling') this.store.setStatus(id, 'cancelled', this.now());
    else if (summary.status === 'in_progress' && summary.counts.pending === 0) {
      this.store.setStatus(id, 'completed', this.now());
      this.recordEvent(id, 'completed', `${summary.counts.done} done, ${summary.counts.failed} failed`);
    } else return;
    this.throughput.forget(id);
    this.emitProgress(id);
  }

  private recordEvent(batchId: string | null, kind: string, detail: string): void {
    const at = this.now();
    if (batchId !== null) this.store.addEvent(batchId, kind, detail, at);
    this.options.onEvent({ batchId, at, kind, detail });
  }

  /** At most one progress event per batch per second, however fast items finish. */
  private scheduleProgress(id: string): void {
    if (this.progressTimers.has(id)) return;
    const timer = setTimeout(() => {
      this.progressTimers.delete(id);
      this.emitProgress(id);
    }, 1000);
    timer.unref();
    this.progressTimers.set(id, timer);
  }

  private emitProgress(id: string): void {
    try {
      this.options.onProgress(this.progress(id));
    } catch {
      // The batch was deleted meanwhile: nothing to report.
    }
  }

  private summaryOf(row: BatchRow): BatchSummary {
    const counts: ItemCounts = this.store.counts(row.id);
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      priority: row.priority,
      endpoint: row.endpoint,
      sourceName: row.source_name,
      model: row.model,
      template: row.template_id && row.template_version ? { id: row.template_id, version: row.template_version } : null,
      counts,
      problems: JSON.parse(row.problems_json) as BatchSummary['problems'],
      createdAt: iso(row.created_at)!,
      startedAt: iso(row.in_progress_at),
      finishedAt: iso(row.completed_at ?? row.cancelled_at ?? row.failed_at),
    };
  }
}
