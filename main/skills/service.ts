import type { Database } from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { exportAssessments } from './export';
import { extractFeatures } from './features/extract';
import { WeightStore, type SkillWeights } from './fusion/weights';
import { inferAssessment, type InferDeps } from './infer';
import { SkillJobs, type JobSource } from './jobs';
import { importModel, textFrom, trainModels, type ActivatePolicy } from './model/manage';
import { ModelRegistry } from './model/registry';
import type { TrainOptions } from './model/train';
import { usableModel } from '../interviews/llm';
import type { SkillLlm } from './reasoning/prompt';
import type { ReasoningMode } from './reasoning/write';
import type { FeatureSet, SkillId, SkillReportFile, TranscriptInput } from './schema';
import type { Assessment, JobProgress, ModelEntry } from './schema-results';
import { answersOf, fromExitInterview, fromTranscriptInput, type NewTranscript, type StoredTranscript } from './sources';
import { SkillStore } from './store';

export interface SkillServiceOptions {
  db: Database;
  llm?: SkillLlm;
  /** The engine's parallel slots: people whose reasoning the model writes at once in a job. */
  slots?: () => number;
  onProgress?: (progress: JobProgress) => void;
  now?: () => number;
  log?: (level: 'info' | 'warn', message: string) => void;
}

export interface SourceInput {
  interviewId?: string;
  transcriptId?: string;
  transcript?: TranscriptInput;
}

/**
 * Soft skills from interview evidence: features, the active model per skill, fusion with
 * confidence and evidence, reasoning by the local model (or the template), the analyst's
 * ratings, the model registry and training, fusion weights, and jobs over many people.
 */
export class SkillService {
  readonly store: SkillStore;
  readonly registry: ModelRegistry;
  readonly weights: WeightStore;
  readonly jobs: SkillJobs;
  private readonly now: () => number;

  constructor(private readonly options: SkillServiceOptions) {
    this.store = new SkillStore(options.db);
    this.registry = new ModelRegistry(options.db);
    this.weights = new WeightStore(options.db);
    this.now = options.now ?? Date.now;
    this.jobs = new SkillJobs({
      db: options.db,
      run: async (source, settings, signal, jobId) => (await this.inferStored(this.storedSource(source), settings.reasoning, signal, jobId)).id,
      onProgress: (progress) => options.onProgress?.(progress),
      now: this.now,
    });
  }

  private get deps(): InferDeps {
    return { store: this.store, registry: this.registry, weights: this.weights, llm: this.options.llm, now: this.now, log: (message) => this.options.log?.('warn', message) };
  }

  /** The transcript a source names, read but not stored. */
  private transcriptOf(source: SourceInput): NewTranscript | StoredTranscript {
    if (source.interviewId !== undefined) return fromExitInterview(this.options.db, source.interviewId);
    if (source.transcriptId !== undefined) return this.store.transcript(source.transcriptId);
    if (source.transcript !== undefined) return fromTranscriptInput(source.transcript);
    throw new ApiError('invalid_input', 'Give exactly one of interviewId, transcriptId or transcript');
  }

  private storedSource(source: SourceInput): StoredTranscript {
    const transcript = this.transcriptOf(source);
    return 'id' in transcript ? transcript : this.store.saveTranscript(transcript, this.now());
  }

  features(source: SourceInput): FeatureSet {
    const transcript = this.transcriptOf(source);
    return extractFeatures(answersOf(transcript), transcript.source);
  }

  async infer(source: SourceInput, mode: ReasoningMode): Promise<Assessment> {
    return this.inferStored(this.storedSource(source), mode);
  }

  private inferStored(transcript: StoredTranscript, mode: ReasoningMode, signal?: AbortSignal, jobId: string | null = null): Promise<Assessment> {
    return inferAssessment(this.deps, transcript, mode, signal, jobId);
  }

  saveTranscript(input: TranscriptInput): StoredTranscript {
    return this.store.saveTranscript(fromTranscriptInput(input), this.now());
  }

  rate(id: string, skill: SkillId, rating: number | null, note: string | undefined, by: string | undefined) {
    return this.store.rate(id, skill, rating, note?.trim() || null, by?.trim() || null, this.now());
  }

  importModel(input: { skill: SkillId; path?: string; json?: string; note?: string; activate: boolean }): ModelEntry {
    const json = textFrom({ path: input.path, text: input.json }, input.json === undefined ? 'path' : 'json');
    return importModel(this.registry, input.skill, json, input.note?.trim() || null, input.activate, this.now());
  }

  trainModel(input: { csvPath?: string; csv?: string; skills?: SkillId[]; options: Partial<TrainOptions>; activate: ActivatePolicy; note?: string }): Promise<ModelEntry[]> {
    const csv = textFrom({ path: input.csvPath, text: input.csv }, input.csv === undefined ? 'csvPath' : 'csv');
    return trainModels(this.registry, csv, input.skills, input.options, input.activate, input.note?.trim() || null, this.now);
  }

  setWeights(changes: Partial<Record<SkillId, SkillWeights>>, note: string | undefined) {
    return this.weights.update(changes, note?.trim() || null, this.now());
  }

  /**
   * Starts a job over many people: exit interviews and stored transcripts by id, and transcripts
   * given now (stored first, so the job names each by id). Reasoning by the model when it is
   * there, several people at once up to the engine's slots; otherwise one at a time.
   */
  async inferMany(input: { interviewIds: string[]; transcriptIds: string[]; transcripts: TranscriptInput[]; reasoning: ReasoningMode; wait: boolean }): Promise<JobProgress> {
    for (const id of input.transcriptIds) this.store.transcript(id);
    const sources: JobSource[] = [
      ...input.interviewIds.map((interviewId) => ({ interviewId })),
      ...input.transcriptIds.map((transcriptId) => ({ transcriptId })),
      ...input.transcripts.map((transcript) => ({ transcriptId: this.saveTranscript(transcript).id })),
    ];
    if (sources.length === 0) throw new ApiError('invalid_input', 'Name at least one person: interviewIds, transcriptIds or transcripts', 'interviewIds');
    const withModel = input.reasoning === 'auto' && (await usableModel(this.options.llm)) !== null;
    const started = this.jobs.start(sources, withModel ? (this.options.slots?.() ?? 1) : 1, { reasoning: input.reasoning });
    return input.wait ? this.jobs.wait(started.jobId) : started;
  }

  export(personId: string, format: 'csv' | 'json'): SkillReportFile {
    const assessments = this.store.assessmentsOf(personId).map((summary) => this.store.assessment(summary.id));
    if (assessments.length === 0) throw new ApiError('not_found', `No skills assessments for ${personId}`, 'personId');
    return exportAssessments(personId, assessments, format);
  }

  /** Stops running jobs; the people done are kept. */
  close(): Promise<void> {
    return this.jobs.close();
  }
}
