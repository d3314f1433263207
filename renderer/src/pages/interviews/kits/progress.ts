import type { KitDetail, KitProgress } from '../../../../../main/interviews/kits/schema';

/**
 * A kit's generation as the page has watched it: the latest progress event, and when and where
 * the current run started, so the rate so far (and from it the time left) can be worked out.
 */
export interface KitRun {
  stage: KitProgress['stage'];
  done: number;
  total: number;
  /** When this run of question writing was first seen, and how many questions were done then. */
  startedAt: number;
  startDone: number;
  /** When the latest question finished. */
  at: number;
}

const ended = (stage: KitProgress['stage']): boolean => stage === 'ready' || stage === 'cancelled' || stage === 'interrupted';

/** The run after one more event: a new baseline when a run starts (or restarts after a stop), the rate kept otherwise. */
export function nextRun(previous: KitRun | undefined, event: KitProgress, now: number): KitRun {
  const starts = previous === undefined || ended(previous.stage) || event.stage === 'gaps' || (event.stage === 'questions' && event.seq === null);
  const base = starts ? { startedAt: now, startDone: event.done } : { startedAt: previous.startedAt, startDone: previous.startDone };
  return { stage: event.stage, done: event.done, total: event.total, ...base, at: now };
}

/** What a kit opened mid-generation shows before its first event arrives (the page was reloaded, say). */
export function runOfDetail(detail: Pick<KitDetail, 'gapAnalysis' | 'questionsDone' | 'gaps'>, now: number): KitRun {
  const stage = detail.gapAnalysis === null ? 'gaps' : 'questions';
  return { stage, done: stage === 'gaps' ? 0 : detail.questionsDone, total: stage === 'gaps' ? 1 : detail.gaps, startedAt: now, startDone: detail.questionsDone, at: now };
}

/**
 * Seconds left at the rate so far (questions per second since the run started), counting down
 * between events; null until a question of this run has finished, as there is no rate yet.
 */
export function etaSeconds(run: KitRun, now: number): number | null {
  if (run.stage !== 'questions') return null;
  const made = run.done - run.startDone;
  const elapsed = (run.at - run.startedAt) / 1000;
  if (made <= 0 || elapsed <= 0) return null;
  const left = (run.total - run.done) / (made / elapsed) - (now - run.at) / 1000;
  return Math.max(0, left);
}
