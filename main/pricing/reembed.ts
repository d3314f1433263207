import { randomUUID } from 'node:crypto';
import { ApiError } from '../api/errors';
import { availableModel, type PricingLlm } from './llm-engine';
import type { PricingService } from './service';
import { occupationEmbeddingTexts, unitVector, writeModelVectors, type ModelVectorsInfo } from './store/model-vectors';

export interface EmbedProgress {
  jobId: string;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  model: string;
  done: number;
  total: number;
  dims: number | null;
  error: string | null;
}

export const embedBatchSize = 64;

/**
 * Re-embeds the catalogue's occupation titles with the configured Ollama embedding model, in
 * batches, with progress and cancel. Nothing is stored until every batch is in: a cancelled or
 * failed run leaves the previous vectors (or the hashed ones) in use.
 */
export class CatalogueReembedder {
  private readonly runs = new Map<string, { progress: EmbedProgress; abort: AbortController }>();

  constructor(
    private readonly service: PricingService,
    private readonly llm: PricingLlm | undefined,
    private readonly emit: (progress: EmbedProgress) => void,
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<{ jobId: string; total: number; model: string; finished: Promise<EmbedProgress> }> {
    const model = await availableModel(this.llm, 'embedding');
    if (this.llm === undefined || model === null) {
      const wanted = this.llm?.models().embedding ?? 'an embedding model';
      throw new ApiError('engine_unavailable', `Re-embedding needs the engine running with ${wanted} installed; the built-in embeddings stay in use.`);
    }
    if ([...this.runs.values()].some((run) => run.progress.status === 'running')) throw new ApiError('conflict', 'The catalogue is already being re-embedded');
    const { status } = this.service.ready();
    const texts = occupationEmbeddingTexts(this.service.db);
    const jobId = randomUUID();
    const progress: EmbedProgress = { jobId, status: 'running', model, done: 0, total: texts.length, dims: null, error: null };
    const abort = new AbortController();
    this.runs.set(jobId, { progress, abort });
    const llm = this.llm;
    const finished = (async (): Promise<EmbedProgress> => {
      const vectors: Array<{ id: number; vector: Float32Array }> = [];
      try {
        for (let start = 0; start < texts.length; start += embedBatchSize) {
          if (abort.signal.aborted) break;
          const batch = texts.slice(start, start + embedBatchSize);
          const answer = await llm.client.embed({ feature: 'pricing', model, input: batch.map((item) => item.text), signal: abort.signal });
          if (answer.embeddings.length !== batch.length) throw new Error(`${model} returned ${answer.embeddings.length} vectors for ${batch.length} texts`);
          answer.embeddings.forEach((values, index) => {
            if (progress.dims === null) progress.dims = values.length;
            if (values.length !== progress.dims) throw new Error(`${model} returned vectors of ${values.length} and ${progress.dims} floats`);
            vectors.push({ id: batch[index]!.id, vector: unitVector(values) });
          });
          progress.done = vectors.length;
          if (!abort.signal.aborted) this.emit({ ...progress });
        }
        if (abort.signal.aborted) {
          progress.status = 'cancelled';
        } else {
          const info: ModelVectorsInfo = { model, dims: progress.dims ?? 0, count: vectors.length, builtAt: this.now(), catalogue: status.dataVersion, catalogueBuiltAt: status.builtAt };
          writeModelVectors(this.service.db, info, vectors);
          this.service.refresh();
          progress.status = 'completed';
        }
      } catch (error) {
        progress.status = abort.signal.aborted ? 'cancelled' : 'failed';
        progress.error = abort.signal.aborted ? null : error instanceof Error ? error.message : String(error);
      }
      this.emit({ ...progress });
      return { ...progress };
    })();
    return { jobId, total: texts.length, model, finished };
  }

  status(jobId: string): EmbedProgress {
    const run = this.runs.get(jobId);
    if (run === undefined) throw new ApiError('not_found', `No re-embedding run ${jobId}`, 'jobId');
    return { ...run.progress };
  }

  cancel(jobId: string): boolean {
    const run = this.runs.get(jobId);
    if (run === undefined || run.progress.status !== 'running') return false;
    run.abort.abort();
    return true;
  }
}
