import type { PullProgress } from './schema';

interface Sample {
  at: number;
  completed: number;
}

/**
 * Turns Ollama's pull stream (one status per layer, each with its own total and completed) into
 * one progress figure for the model, with a rate over the last few seconds and an ETA.
 */
export class PullProgressTracker {
  private readonly layers = new Map<string, { total: number; completed: number }>();
  private readonly samples: Sample[] = [];
  private status = 'starting';

  constructor(
    readonly model: string,
    private readonly startedAt: number,
    private readonly windowMs = 5000,
  ) {}

  update(chunk: { status?: string; digest?: string; total?: number; completed?: number }, now: number): void {
    if (chunk.status) this.status = chunk.status;
    if (chunk.digest && typeof chunk.total === 'number') {
      this.layers.set(chunk.digest, { total: chunk.total, completed: chunk.completed ?? 0 });
    }
    this.samples.push({ at: now, completed: this.completed() });
    while (this.samples.length > 2 && this.samples[0]!.at < now - this.windowMs) this.samples.shift();
  }

  snapshot(state: PullProgress['state'], error: string | null = null): PullProgress {
    const totalBytes = [...this.layers.values()].reduce((sum, layer) => sum + layer.total, 0);
    const completedBytes = this.completed();
    const rate = this.rate();
    const remaining = Math.max(0, totalBytes - completedBytes);
    return {
      model: this.model,
      status: this.status,
      state,
      completedBytes,
      totalBytes,
      bytesPerSecond: rate,
      etaSeconds: state === 'running' && rate > 0 && totalBytes > 0 ? Math.ceil(remaining / rate) : null,
      error,
      startedAt: new Date(this.startedAt).toISOString(),
    };
  }

  private completed(): number {
    return [...this.layers.values()].reduce((sum, layer) => sum + layer.completed, 0);
  }

  private rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return Math.max(0, ((last.completed - first.completed) * 1000) / (last.at - first.at));
  }
}
