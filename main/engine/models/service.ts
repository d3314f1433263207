import { Ollama } from 'ollama';
import { ApiError } from '../../api/errors';
import type { Settings } from '../../settings/schema';
import type { EngineStatus } from '../../system/schema';
import { describeEngineFailure } from '../probe';
import { PullProgressTracker } from './pull-progress';
import type { FeatureModel, PullProgress } from './schema';

export interface ModelServiceOptions {
  host: () => string;
  settings: () => Settings;
  /** Fresh engine facts (installed, loaded); also refreshes the status bar. */
  refreshEngine: () => Promise<EngineStatus>;
  onPullProgress: (progress: PullProgress) => void;
  /** How often progress is pushed at most; Ollama sends many small updates. */
  progressEveryMs?: number;
  now?: () => number;
}

interface ActivePull {
  abort: () => void;
  tracker: PullProgressTracker;
  cancelled: boolean;
}

/** A model name as Ollama lists it: a bare name means its `latest` tag. */
const withTag = (name: string): string => (name.includes(':') ? name : `${name}:latest`);

/** Pull, delete, pin, unload and preload models on the engine; one pull per model at a time. */
export class ModelService {
  private readonly pulls = new Map<string, ActivePull>();
  private readonly finished = new Map<string, PullProgress>();

  constructor(private readonly options: ModelServiceOptions) {}

  private client(): Ollama {
    return new Ollama({ host: this.options.host() });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Runs an engine call, turning its failures into messages a person can act on. */
  private async engine<T>(action: (client: Ollama) => Promise<T>): Promise<T> {
    try {
      return await action(this.client());
    } catch (error) {
      const status = (error as { status_code?: number }).status_code;
      if (status === 404) throw new ApiError('not_found', (error as Error).message);
      throw new ApiError('engine_unavailable', describeEngineFailure(this.options.host(), error));
    }
  }

  async featureModels(): Promise<FeatureModel[]> {
    const engine = await this.options.refreshEngine();
    const installed = new Set(engine.installed.map((model) => withTag(model.name)));
    return Object.entries(this.options.settings().models).map(([feature, model]) => ({
      feature: feature as FeatureModel['feature'],
      model,
      installed: installed.has(withTag(model)),
    }));
  }

  pullsInProgress(): PullProgress[] {
    return [...[...this.pulls.values()].map((pull) => pull.tracker.snapshot('running')), ...this.finished.values()];
  }

  /** Starts a pull and returns at once; progress arrives as events. Pulling again resumes. */
  startPull(model: string): PullProgress {
    if (this.pulls.has(model)) throw new ApiError('conflict', `${model} is already being pulled`);
    const tracker = new PullProgressTracker(model, this.now());
    const pull: ActivePull = { abort: () => {}, tracker, cancelled: false };
    this.pulls.set(model, pull);
    this.finished.delete(model);
    void this.runPull(model, pull);
    return tracker.snapshot('running');
  }

  cancelPull(model: string): PullProgress {
    const pull = this.pulls.get(model);
    if (!pull) throw new ApiError('not_found', `No pull of ${model} is running`);
    pull.cancelled = true;
    pull.abort();
    return pull.tracker.snapshot('cancelled');
  }

  private async runPull(model: string, pull: ActivePull): Promise<void> {
    const every = this.options.progressEveryMs ?? 250;
    let lastPushed = 0;
    const finish = (progress: PullProgress) => {
      this.pulls.delete(model);
      this.finished.set(model, progress);
      this.options.onPullProgress(progress);
    };
    try {
      const stream = await this.client().pull({ model, stream: true });
      pull.abort = () => stream.abort();
      if (pull.cancelled) stream.abort();
      for await (const chunk of stream) {
        pull.tracker.update(chunk, this.now());
        if (this.now() - lastPushed >= every) {
          lastPushed = this.now();
          this.options.onPullProgress(pull.tracker.snapshot('running'));
        }
      }
      finish(pull.tracker.snapshot('done'));
      await this.options.refreshEngine();
    } catch (error) {
      if (pull.cancelled) {
        finish(pull.tracker.snapshot('cancelled'));
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const reason = /file does not exist|not found/i.test(message)
        ? `${model} is not in the Ollama library: check the name (for example llama3.1:8b)`
        : describeEngineFailure(this.options.host(), error);
      finish(pull.tracker.snapshot('failed', reason));
    }
  }

  async delete(model: string): Promise<EngineStatus> {
    if (this.pulls.has(model)) throw new ApiError('conflict', `${model} is being pulled: cancel the pull first`);
    await this.engine((client) => client.delete({ model }));
    return this.options.refreshEngine();
  }

  /**
   * keep_alive -1 keeps the model in memory until unloaded, 0 unloads it. A text model is loaded by
   * an empty generate request; an embedding model refuses generate, so it embeds one character.
   */
  async setResidency(model: string, keepAlive: string | number): Promise<EngineStatus> {
    await this.engine(async (client) => {
      const { capabilities } = await client.show({ model });
      if (capabilities?.includes('embedding') && !capabilities.includes('completion')) {
        await client.embed({ model, input: '.', keep_alive: keepAlive });
      } else {
        await client.generate({ model, prompt: '', keep_alive: keepAlive, stream: false });
      }
    });
    return this.options.refreshEngine();
  }

  stopAll(): void {
    for (const pull of this.pulls.values()) {
      pull.cancelled = true;
      pull.abort();
    }
  }
}
