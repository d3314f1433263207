/**
 * Out-of-memory recovery in steps, each tried once before the next: fewer requests at once, a
 * smaller context, other models unloaded, Ollama restarted. What was done is recorded.
 */
export interface RecoveryActions {
  /** Models loaded now, besides the batch's own. */
  otherLoadedModels: () => Promise<string[]>;
  unload: (model: string) => Promise<void>;
  /** Restarts Ollama if the app started it; false when it cannot. */
  restartEngine: () => Promise<boolean>;
  contextLength: () => number;
}

export interface RecoveryStep {
  step: 'fewer-slots' | 'smaller-context' | 'unload-others' | 'restart-ollama' | 'exhausted';
  detail: string;
}

export const minimumContext = 2048;

export class OomRecovery {
  private nextStep = 0;
  /** The concurrency cap set by recovery; null leaves it to the parallel-slots setting. */
  maxConcurrency: number | null = null;
  /** The context set by recovery; null leaves it to the settings. */
  numCtx: number | null = null;

  constructor(private readonly actions: RecoveryActions) {}

  async recover(currentConcurrency: number): Promise<RecoveryStep> {
    // Each pass tries the next step that can still change something.
    while (this.nextStep < 4) {
      const step = this.nextStep++;
      if (step === 0 && currentConcurrency > 1) {
        this.maxConcurrency = Math.max(1, Math.floor(currentConcurrency / 2));
        return { step: 'fewer-slots', detail: `requests at once ${currentConcurrency} → ${this.maxConcurrency}` };
      }
      const context = this.numCtx ?? this.actions.contextLength();
      if (step === 1 && context > minimumContext) {
        this.numCtx = Math.max(minimumContext, Math.floor(context / 2));
        return { step: 'smaller-context', detail: `context ${context} → ${this.numCtx} tokens` };
      }
      if (step === 2) {
        const others = await this.actions.otherLoadedModels();
        if (others.length > 0) {
          for (const model of others) await this.actions.unload(model);
          return { step: 'unload-others', detail: `unloaded ${others.join(', ')}` };
        }
      }
      if (step === 3 && (await this.actions.restartEngine())) {
        return { step: 'restart-ollama', detail: 'Ollama restarted to free its memory' };
      }
    }
    return { step: 'exhausted', detail: 'every recovery step was tried; items keep retrying one at a time' };
  }
}
