import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../api/errors';
import type { ReportFile } from '../schema';
import { KitConfigStore, type KitConfigPatch } from './config';
import type { DocumentInput } from './documents/input';
import { readDocument, type UploadedFileResolver } from './documents/read';
import { runGeneration, stopSignalReason, type StopReason } from './generation';
import type { KitLlm } from './llm';
import { QuestionStore, type RatingChange } from './question-store';
import { Semaphore } from './questions/semaphore';
import { exportKit } from './report/export';
import type { KitConfig, KitDetail, KitExportFormat, KitLanguage, KitProgress, KitQuestion, KitSummary } from './schema';
import { analysisOf, dayMs, KitStore, summaryOf, type KitListRow, type KitRow } from './store';

export interface KitServiceOptions {
  db: Database;
  llm?: KitLlm;
  /** The engine's parallel slots (settings.parallelSlots): questions written at once, across all kits. */
  slots?: () => number;
  onProgress?: (progress: KitProgress) => void;
  now?: () => number;
  log?: (level: 'info' | 'warn', message: string) => void;
  /** Files uploaded to /v1/files, for documents given by fileId. */
  uploaded?: UploadedFileResolver;
}

export interface NewKit {
  title?: string;
  language: KitLanguage;
  cv: DocumentInput;
  jd: DocumentInput;
  /** Return once the kit is ready (or stopped) rather than as soon as it is saved. */
  wait: boolean;
}

interface Job {
  controller: AbortController;
  done: Promise<void>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A title from the job description's first line when the analyst gave none. */
const titleFrom = (jdText: string): string => (jdText.split('\n').find((line) => line.trim() !== '') ?? 'Interview kit').trim().slice(0, 120);

/**
 * Adaptive interview kits: documents in, gaps and questions generated in the background with
 * progress and cancel, the interviewer's ratings, exports, and expiry of kits left untouched.
 */
export class KitService {
  readonly store: KitStore;
  readonly questions: QuestionStore;
  readonly config: KitConfigStore;
  private readonly now: () => number;
  private readonly semaphore: Semaphore;
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly options: KitServiceOptions) {
    this.store = new KitStore(options.db);
    this.questions = new QuestionStore(options.db);
    this.config = new KitConfigStore(options.db);
    this.now = options.now ?? Date.now;
    this.semaphore = new Semaphore(options.slots ?? (() => 1));
    this.purgeExpired();
  }

  async create(input: NewKit): Promise<KitDetail> {
    const [cv, jd] = await Promise.all([readDocument('cv', input.cv, this.options.uploaded), readDocument('jd', input.jd, this.options.uploaded)]);
    const id = randomUUID();
    const title = input.title?.trim() || titleFrom(jd.text);
    this.store.insert(id, title, input.language, cv, jd, this.now());
    const job = this.start(id);
    if (input.wait) await job.done;
    return this.detail(id);
  }

  list(search: string | undefined, offset: number, limit: number): { total: number; items: KitSummary[] } {
    this.purgeExpired();
    const { total, rows } = this.store.list(search, offset, limit);
    return { total, items: rows.map((row) => this.summary(row)) };
  }

  detail(id: string): KitDetail {
    const row = this.live(id);
    return {
      ...this.summary(this.store.listRow(id)),
      cv: { name: row.cv_name, kind: row.cv_kind, text: row.cv_text },
      jd: { name: row.jd_name, kind: row.jd_kind, text: row.jd_text },
      gapAnalysis: analysisOf(row),
      gapList: this.store.gaps(id),
      // A question left 'generating' by a process that died is waiting, not being written.
      questions: this.questions.questions(id, row.language).map((question) =>
        question.status === 'generating' && !this.jobs.has(id) ? { ...question, status: 'pending' as const } : question,
      ),
      error: row.error,
    };
  }

  /** Carries on where the kit stopped: the gaps if not found, then every question not done. */
  async resume(id: string, wait: boolean): Promise<KitDetail> {
    const row = this.live(id);
    if (this.jobs.has(id)) throw new ApiError('conflict', 'This kit is being generated right now', 'id');
    if (row.status === 'ready') return this.detail(id);
    const job = this.start(id);
    if (wait) await job.done;
    return this.detail(id);
  }

  async cancel(id: string): Promise<KitDetail> {
    this.live(id);
    await this.stop(id, 'cancel');
    return this.detail(id);
  }

  /** Writes one question again (a new draft and its reviews); the earlier versions stay in its history. */
  async regenerate(id: string, seq: number): Promise<KitDetail> {
    const row = this.live(id);
    const question = this.questions.get(id, seq);
    if (this.jobs.has(id) || row.status !== 'ready') throw new ApiError('conflict', 'Finish (or resume) the kit before writing a question again', 'id');
    if (question.rating !== null) throw new ApiError('conflict', 'This question has a rating: clear it before writing the question again', 'seq');
    this.questions.setStatus(id, [seq], 'pending', this.now());
    await this.start(id).done;
    return this.detail(id);
  }

  rate(id: string, seq: number, change: RatingChange): KitQuestion {
    const row = this.live(id);
    const question = this.questions.get(id, seq);
    if (question.status !== 'done' && change.rating !== undefined && change.rating !== null) throw new ApiError('conflict', 'This question is not written yet: rate it once it is', 'seq');
    this.questions.rate(id, seq, change, this.now());
    return this.questions.questions(id, row.language).find((entry) => entry.seq === seq) as KitQuestion;
  }

  async export(id: string, format: KitExportFormat): Promise<ReportFile> {
    return exportKit(this.detail(id), format, new Date(this.now()));
  }

  async delete(id: string): Promise<{ deleted: boolean }> {
    await this.stop(id, 'delete');
    return { deleted: this.store.delete(id) };
  }

  getConfig(): KitConfig {
    return this.config.get();
  }

  setConfig(patch: KitConfigPatch): KitConfig {
    return this.config.set(patch);
  }

  /** Stops every generation as a process exit would: rows stay as they are, and kits.resume picks them up later. */
  async close(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.stop(id, 'close')));
  }

  summary(row: KitListRow): KitSummary {
    return summaryOf(row, this.jobs.has(row.id), this.config.get().expiryDays);
  }

  private start(id: string): Job {
    const controller = new AbortController();
    const deps = {
      store: this.store,
      questions: this.questions,
      llm: this.options.llm,
      semaphore: this.semaphore,
      threshold: () => this.config.get().threshold,
      now: this.now,
      onProgress: (progress: KitProgress) => this.options.onProgress?.(progress),
      log: (level: 'info' | 'warn', message: string) => this.options.log?.(level, message),
    };
    const job: Job = { controller, done: runGeneration(deps, id, controller.signal).finally(() => this.jobs.delete(id)) };
    this.jobs.set(id, job);
    return job;
  }

  private async stop(id: string, reason: StopReason): Promise<void> {
    const job = this.jobs.get(id);
    if (job === undefined) return;
    job.controller.abort(stopSignalReason(reason));
    await job.done;
  }

  /** The kit, unless it has expired: then it is deleted, and the caller told why. */
  private live(id: string): KitRow {
    const row = this.store.get(id);
    const { expiryDays } = this.config.get();
    const expiresAt = row.updated_at + expiryDays * dayMs;
    if (expiresAt > this.now() || this.jobs.has(id)) return row;
    this.store.delete(id);
    throw new ApiError('not_found', `The kit "${row.title}" expired on ${iso(expiresAt).slice(0, 10)}: kits are kept ${expiryDays} days after their last change, so it has been deleted`, 'id');
  }

  private purgeExpired(): void {
    const cutoff = this.now() - this.config.get().expiryDays * dayMs;
    for (const id of this.store.untouchedSince(cutoff)) if (!this.jobs.has(id)) this.store.delete(id);
  }
}
