import type { PullProgress } from '../../../../main/engine/models/schema';

export type Pulls = Readonly<Record<string, PullProgress>>;

/**
 * The call's answer and the events travel on different connections, so they can arrive out of
 * order. A pull (one model, one start time) only moves forward: running, then one final state.
 * News of an older pull, a "running" after the final state, or fewer bytes than already shown
 * are late, and ignored.
 */
export function mergePull(current: PullProgress | undefined, next: PullProgress): PullProgress {
  if (current === undefined) return next;
  const currentStart = Date.parse(current.startedAt);
  const nextStart = Date.parse(next.startedAt);
  if (nextStart !== currentStart) return nextStart > currentStart ? next : current;
  if (next.state === 'running') {
    if (current.state !== 'running') return current;
    return next.completedBytes < current.completedBytes ? current : next;
  }
  return next;
}

export const withPull = (pulls: Pulls, next: PullProgress): Pulls => {
  const merged = mergePull(pulls[next.model], next);
  return merged === pulls[next.model] ? pulls : { ...pulls, [next.model]: merged };
};

/** Running pulls first, then the most recently started. */
export function orderedPulls(pulls: Pulls): PullProgress[] {
  return Object.values(pulls).sort((a, b) => {
    const running = Number(b.state === 'running') - Number(a.state === 'running');
    return running !== 0 ? running : Date.parse(b.startedAt) - Date.parse(a.startedAt);
  });
}

/** 0..1, or null while the size is not known yet (Ollama is still fetching the manifest). */
export function shareDone(pull: PullProgress): number | null {
  if (pull.state === 'done') return 1;
  if (pull.totalBytes <= 0) return null;
  return Math.min(1, Math.max(0, pull.completedBytes / pull.totalBytes));
}
