/**
 * At most `limit()` holders at once, read each time a slot is given, so a change of
 * settings.parallelSlots applies to the next question. Waiters are served first come, first
 * served, each handed its slot directly so no newcomer can slip in between; a waiter whose
 * signal aborts leaves the queue.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: () => number) {}

  private get capacity(): number {
    return Math.max(1, Math.floor(this.limit()));
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.active < this.capacity && this.waiting.length === 0) {
      this.active += 1;
    } else {
      await new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const index = this.waiting.indexOf(wake);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('Cancelled'));
        };
        this.waiting.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.handOver();
    };
  }

  private handOver(): void {
    while (this.waiting.length > 0 && this.active < this.capacity) {
      const next = this.waiting.shift() as () => void;
      this.active += 1;
      next();
    }
  }
}
