import type { LlmClient } from '../engine/client/index';
import { executeItem, type StoredRequest } from './execute';
import { backoffMs, classifyFailure } from './failure-policy';
import type { OomRecovery, RecoveryStep } from './recovery';
import type { BatchStore, ClaimedItem, ItemResult } from './store';

export interface RunnerOptions {
  store: BatchStore;
  llm: LlmClient;
  owner: string;
  /** Ollama's parallel slots: the most requests worth having in flight. */
  slots: () => number;
  recovery: OomRecovery;
  onItemDone: (item: ClaimedItem, result: ItemResult | null, failure: string | null) => void;
  onEvent: (batchId: string | null, kind: string, detail: string) => void;
  /** Called when a batch has nothing left to run: it is finalised there. */
  onBatchDrained: (batchId: string) => void;
  /** Read at each failure, so a settings change applies at once. */
  maxAttempts?: () => number;
  leaseMs?: number;
  idleMs?: number;
  now?: () => number;
  random?: () => number;
}

const keyOf = (item: ClaimedItem): string => `${item.batchId}#${item.seq}`;

/**
 * Keeps as many items in flight as Ollama has slots, highest-priority batch first, each result
 * committed as it arrives. 503s halve the requests in flight (and successes win them back);
 * out-of-memory drains the queue, applies the next recovery step, and resumes.
 */
export class BatchRunner {
  private readonly inFlight = new Map<string, { item: ClaimedItem; controller: AbortController }>();
  private concurrency: number;
  private stopped = true;
  private recovering: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private successesSinceSlowdown = 0;
  /** While the engine as a whole cannot answer (away, breaker open), nothing is claimed until then. */
  private engineWaitUntil = 0;
  private engineFailuresInARow = 0;
  /** When each model was last sent work, so recovery and recycling know which models the queue uses. */
  private readonly lastUseOfModel = new Map<string, number>();

  constructor(private readonly options: RunnerOptions) {
    this.concurrency = Math.max(1, options.slots());
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const leaseMs = this.options.leaseMs ?? 60_000;
    this.leaseTimer = setInterval(() => this.options.store.renewLeases(this.options.owner, this.now() + leaseMs), leaseMs / 3);
    this.leaseTimer.unref();
    this.loopDone = this.loop();
  }

  /** Stops claiming, cancels what is in flight (it goes back to pending) and waits for the loop. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    for (const { controller } of this.inFlight.values()) controller.abort();
    this.poke();
    await this.loopDone;
    while (this.inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  /** Something changed (a batch added, resumed, reprioritised): look for work now. */
  poke(): void {
    this.wake?.();
  }

  /** Cancels the in-flight items of one batch (pause or cancel); they return to pending. */
  abortBatch(batchId: string): void {
    for (const { item, controller } of this.inFlight.values()) if (item.batchId === batchId) controller.abort();
  }

  inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Models sent work in the last `withinMs`, busiest first. */
  recentModels(withinMs = 5 * 60_000): string[] {
    const since = this.now() - withinMs;
    return [...this.lastUseOfModel.entries()].filter(([, at]) => at >= since).sort((a, b) => b[1] - a[1]).map(([model]) => model);
  }

  private cap(): number {
    const slots = Math.max(1, this.options.slots());
    return Math.min(slots, this.options.recovery.maxConcurrency ?? slots, this.concurrency);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.recovering) {
        await this.recovering;
        continue;
      }
      const capacity = this.cap() - this.inFlight.size;
      const engineWait = this.engineWaitUntil - this.now();
      if (engineWait <= 0 && capacity > 0 && this.claimAndLaunch(capacity) > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, engineWait > 0 ? Math.min(engineWait, 5000) : (this.options.idleMs ?? 500));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private claimAndLaunch(capacity: number): number {
    let launched = 0;
    for (const { id: batchId, status } of this.activeBatches()) {
      if (status === 'cancelling') {
        // Nothing new starts; it is finalised once what was in flight has come back.
        if (!this.hasInFlight(batchId)) this.options.onBatchDrained(batchId);
        continue;
      }
      if (launched >= capacity) break;
      const items = this.options.store.claim(batchId, this.options.owner, capacity - launched, this.options.leaseMs ?? 60_000, this.now());
      for (const item of items) this.launch(item);
      launched += items.length;
      if (items.length === 0 && !this.hasInFlight(batchId)) this.options.onBatchDrained(batchId);
    }
    return launched;
  }

  private activeBatches(): Array<{ id: string; status: string }> {
    return this.options.store.db
      .prepare(`SELECT id, status FROM batches WHERE status IN ('in_progress', 'cancelling') ORDER BY priority DESC, created_at`)
      .all() as Array<{ id: string; status: string }>;
  }

  private hasInFlight(batchId: string): boolean {
    for (const { item } of this.inFlight.values()) if (item.batchId === batchId) return true;
    return false;
  }

  private launch(item: ClaimedItem): void {
    const controller = new AbortController();
    this.inFlight.set(keyOf(item), { item, controller });
    const model = (item.request as StoredRequest).body?.model;
    if (typeof model === 'string') this.lastUseOfModel.set(model, this.now());
    void executeItem(this.options.llm, item.request as StoredRequest, { signal: controller.signal, numCtx: this.options.recovery.numCtx })
      .then((result) => this.succeeded(item, result))
      .catch((error: unknown) => this.failed(item, error))
      .finally(() => {
        this.inFlight.delete(keyOf(item));
        this.poke();
      });
  }

  private succeeded(item: ClaimedItem, result: ItemResult): void {
    this.engineFailuresInARow = 0;
    if (this.options.store.complete(item, this.options.owner, result, this.now())) this.options.onItemDone(item, result, null);
    // Additive increase after a 503 slowdown: one more request in flight per 20 successes.
    if (this.concurrency < this.options.slots() && ++this.successesSinceSlowdown >= 20) {
      this.concurrency += 1;
      this.successesSinceSlowdown = 0;
    }
  }

  private failed(item: ClaimedItem, error: unknown): void {
    const { store, owner } = this.options;
    const failure = classifyFailure(error);
    const now = this.now();
    const exhausted = failure.kind === 'out-of-memory' && this.recoveryExhausted;
    if (failure.action === 'dead' || (failure.action !== 'requeue' || exhausted) && item.attempts >= (this.options.maxAttempts?.() ?? 3)) {
      if (store.deadLetter(item, owner, failure.message, failure.kind, now)) this.options.onItemDone(item, null, failure.message);
      return;
    }
    const refund = failure.action === 'requeue' && !exhausted;
    const delay = failure.kind === 'cancelled' ? 0 : backoffMs(item.attempts, this.options.random);
    store.retryLater(item, owner, failure.message, failure.kind, now + delay, refund);
    if (failure.kind === 'engine-busy') this.slowDown();
    if (failure.kind === 'out-of-memory') {
      this.startRecovery(item.batchId, `out of memory: ${failure.message}`);
      this.options.onEvent(item.batchId, 'out-of-memory', `${item.customId}: ${failure.message}`);
    } else if (failure.engineWide) {
      this.waitForEngine(item.batchId, failure.kind, failure.message);
    } else if (failure.kind !== 'cancelled') {
      this.options.onEvent(item.batchId, 'retry', `${item.customId}: ${failure.message}`);
    }
  }

  /**
   * The engine is away or its breaker is open: every item would fail the same way at once, so
   * claiming stops for a while (doubling up to 30 s) instead of churning through the queue, and
   * one event says so rather than one per item.
   */
  private waitForEngine(batchId: string, kind: string, message: string): void {
    if (this.now() < this.engineWaitUntil) return;
    this.engineFailuresInARow += 1;
    const waitMs = kind === 'engine-busy' ? 250 : Math.min(30_000, 1000 * 2 ** Math.min(5, this.engineFailuresInARow - 1));
    this.engineWaitUntil = this.now() + waitMs;
    this.options.onEvent(batchId, 'engine-wait', `${message} (waiting ${Math.round(waitMs / 100) / 10} s before sending more)`);
  }

  private recoveryExhausted = false;

  /** Multiplicative decrease: Ollama said its queue is full. */
  private slowDown(): void {
    this.concurrency = Math.max(1, Math.floor(this.cap() / 2));
    this.successesSinceSlowdown = 0;
  }

  /** Drains, takes the next recovery step, resumes; concurrent triggers share one recovery. */
  startRecovery(batchId: string | null, reason: string): void {
    this.whileDrained(async () => {
      let step: RecoveryStep;
      try {
        step = await this.options.recovery.recover(this.cap());
      } catch (error) {
        step = { step: 'exhausted', detail: `recovery failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      this.recoveryExhausted = step.step === 'exhausted';
      this.options.onEvent(batchId, `recovery:${step.step}`, `${reason} → ${step.detail}`);
    });
  }

  /**
   * Runs `task` with nothing in flight (in-flight items are cancelled back to pending), then
   * resumes. Used for recovery and for recycling Ollama's runner on long batches.
   */
  whileDrained(task: () => Promise<void>): Promise<void> {
    if (this.recovering) return this.recovering;
    this.recovering = (async () => {
      for (const { controller } of this.inFlight.values()) controller.abort();
      while (this.inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await task();
    })().finally(() => {
      this.recovering = null;
      this.poke();
    });
    return this.recovering;
  }
}
