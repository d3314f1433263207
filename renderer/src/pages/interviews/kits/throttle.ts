/**
 * Runs `work` at most once every `ms`, and once more after the last request in a burst, so the
 * state read last is never older than the last event. Progress events arrive in bursts (several
 * questions finishing at once); reading the kit for each would only repeat the same answer.
 */
export function throttled(work: () => void, ms: number): () => void {
  let last = 0;
  let timer: number | undefined;
  return () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, last + ms - Date.now());
    timer = window.setTimeout(() => {
      timer = undefined;
      last = Date.now();
      work();
    }, wait);
  };
}
