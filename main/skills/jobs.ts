import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { ApiError } from '../api/errors';
import { isOwnerGone, newOwnerId, retireOwner } from '../batch/owner';
import type { ReasoningMode } from './reasoning/write';
import type { JobProgress } from './schema-results';

/** One person of a job: an exit interview or a stored transcript. */
export type JobSource = { interviewId: string } | { transcriptId: string };

export interface JobSettings {
  reasoning: ReasoningMode;
}

export interface JobItem {
  seq: number;
  source: JobSource;
  status: 'pending' | 'done' | 'failed' | 'cancelled';
  assessmentId: string | null;
  error: string | null;
}

export interface SkillJobsOptions {
  db: Database;
  /** Infers one person and stores the assessment; returns its id. */
  run: (source: JobSource, settings: JobSettings, signal: AbortSignal, jobId: string) => Promise<string>;
  onProgress: (progress: JobProgress) => void;
  now: () => number;
}

interface Running {
  controller: AbortController;
  progress: JobProgress;
  finished: Promise<JobProgress>;
}

/**
 * Skills for many people at once, as a bounded job in this process (like bulk pricing), not
 * through the batch queue: the queue leases and retries single model requests, while a person's
 * inference is mostly our own CPU work (features, trees, fusion) with at most one model call for
 * the reasoning. People run `concurrency` at a time (the engine's parallel slots when the model
 * writes reasoning, one otherwise); each result is committed as it is made, progress (done, rate,
 * ETA) is sent at most every 250 ms, and cancel stops between people and aborts calls in flight.
 * A job whose process died is marked interrupted; the assessments it made stay.
 */
export class SkillJobs {
  private readonly running = new Map<string, Running>();
  /** This process's mark on the jobs it runs: the app and the CLI may share a data folder. */
  private readonly owner = newOwnerId();

  constructor(private readonly options: SkillJobsOptions) {
    this.markInterrupted();
  }

  /** Jobs left running by a process that is gone were cut off; their assessments stay. */
  private markInterrupted(): void {
    const running = this.options.db.prepare(`SELECT id, owner FROM skill_jobs WHERE status = 'running'`).all() as Array<{ id: string; owner: string }>;
    const mark = this.options.db.prepare(`UPDATE skill_jobs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'`);
    for (const job of running) if (!this.running.has(job.id) && isOwnerGone(job.owner)) mark.run(this.options.now(), job.id);
  }

  start(sources: readonly JobSource[], concurrency: number, settings: JobSettings): JobProgress {
    const jobId = randomUUID();
    const db = this.options.db;
    const insertItem = db.prepare(`INSERT INTO skill_job_items (job_id, seq, source_json, status) VALUES (?, ?, ?, 'pending')`);
    db.transaction(() => {
      db.prepare(`INSERT INTO skill_jobs (id, status, total, options_json, owner, created_at) VALUES (?, 'running', ?, ?, ?, ?)`).run(jobId, sources.length, JSON.stringify(settings), this.owner, this.options.now());
      sources.forEach((source, index) => insertItem.run(jobId, index + 1, JSON.stringify(source)));
    })();
    const progress: JobProgress = { jobId, status: 'running', done: 0, failed: 0, total: sources.length, perSecond: 0, etaSeconds: null, lastError: null };
    const controller = new AbortController();
    const finished = this.execute(progress, sources, settings, Math.max(1, concurrency), controller.signal).finally(() => this.running.delete(jobId));
    this.running.set(jobId, { controller, progress, finished });
    return { ...progress };
  }

  async wait(jobId: string): Promise<JobProgress> {
    const running = this.running.get(jobId);
    return running === undefined ? this.status(jobId).progress : running.finished;
  }

  status(jobId: string): { progress: JobProgress; items: JobItem[] } {
    const items = (this.options.db.prepare('SELECT seq, source_json, status, assessment_id, error FROM skill_job_items WHERE job_id = ? ORDER BY seq').all(jobId) as Array<{
      seq: number; source_json: string; status: JobItem['status']; assessment_id: string | null; error: string | null;
    }>).map((row) => ({ seq: row.seq, source: JSON.parse(row.source_json) as JobSource, status: row.status, assessmentId: row.assessment_id, error: row.error }));
    const live = this.running.get(jobId)?.progress;
    if (live !== undefined) return { progress: { ...live }, items };
    this.markInterrupted();
    const row = this.options.db.prepare('SELECT status, total, done, failed, error, created_at, finished_at FROM skill_jobs WHERE id = ?').get(jobId) as
      | { status: JobProgress['status']; total: number; done: number; failed: number; error: string | null; created_at: number; finished_at: number | null }
      | undefined;
    if (row === undefined) throw new ApiError('not_found', `No skills job ${jobId}`, 'jobId');
    const seconds = ((row.finished_at ?? row.created_at) - row.created_at) / 1000;
    const perSecond = seconds > 0 ? Math.round((row.done / seconds) * 100) / 100 : 0;
    return { progress: { jobId, status: row.status, done: row.done, failed: row.failed, total: row.total, perSecond, etaSeconds: row.status === 'completed' ? 0 : null, lastError: row.error }, items };
  }

  async cancel(jobId: string): Promise<JobProgress> {
    const running = this.running.get(jobId);
    if (running === undefined) return this.status(jobId).progress;
    running.controller.abort(new ApiError('cancelled', 'The job was cancelled'));
    return running.finished;
  }

  /** Stops every job (the app is closing) and waits for them to record where they stopped. */
  async close(): Promise<void> {
    const jobs = [...this.running.values()];
    for (const job of jobs) job.controller.abort(new ApiError('cancelled', 'The app is closing'));
    await Promise.allSettled(jobs.map((job) => job.finished));
    retireOwner(this.owner);
  }

  private async execute(progress: JobProgress, sources: readonly JobSource[], settings: JobSettings, concurrency: number, signal: AbortSignal): Promise<JobProgress> {
    const db = this.options.db;
    const started = this.options.now();
    const finishItem = db.prepare('UPDATE skill_job_items SET status = ?, assessment_id = ?, error = ? WHERE job_id = ? AND seq = ?');
    const countJob = db.prepare('UPDATE skill_jobs SET done = ?, failed = ?, error = ? WHERE id = ?');
    let next = 0;
    let lastReport = 0;
    const report = (): void => {
      // Rate and ETA over the whole run so far: people vary, a window this short would jump.
      const elapsed = (this.options.now() - started) / 1000;
      progress.perSecond = elapsed > 0 ? Math.round((progress.done / elapsed) * 100) / 100 : 0;
      progress.etaSeconds = progress.perSecond > 0 ? Math.round((progress.total - progress.done) / progress.perSecond) : null;
      if (this.options.now() - lastReport >= 250) {
        lastReport = this.options.now();
        this.options.onProgress({ ...progress });
      }
    };
    const worker = async (): Promise<void> => {
      while (!signal.aborted && next < sources.length) {
        const index = next;
        next += 1;
        try {
          const assessmentId = await this.options.run(sources[index]!, settings, signal, progress.jobId);
          finishItem.run('done', assessmentId, null, progress.jobId, index + 1);
        } catch (error) {
          if (signal.aborted) break; // the person cut off is left pending, then marked cancelled
          progress.failed += 1;
          progress.lastError = `Person ${index + 1}: ${error instanceof Error ? error.message : String(error)}`;
          finishItem.run('failed', null, progress.lastError, progress.jobId, index + 1);
        }
        progress.done += 1;
        countJob.run(progress.done, progress.failed, progress.lastError, progress.jobId);
        report();
        await yieldToEvents(); // lets progress events, other calls and a cancel through between people
      }
    };
    await yieldToEvents(); // the caller has the job id before the first progress event
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, sources.length)) }, worker));
    progress.status = signal.aborted ? 'cancelled' : 'completed';
    db.prepare(`UPDATE skill_job_items SET status = 'cancelled' WHERE job_id = ? AND status = 'pending'`).run(progress.jobId);
    db.prepare('UPDATE skill_jobs SET status = ?, done = ?, failed = ?, error = ?, finished_at = ? WHERE id = ?').run(progress.status, progress.done, progress.failed, progress.lastError, this.options.now(), progress.jobId);
    report();
    progress.etaSeconds = progress.status === 'completed' ? 0 : null;
    this.options.onProgress({ ...progress });
    return { ...progress };
  }
}
