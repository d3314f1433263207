import { findGaps } from './gaps/find';
import { usableModel, type KitLlm } from './llm';
import type { QuestionStore } from './question-store';
import { writeQuestion } from './questions/write';
import type { Semaphore } from './questions/semaphore';
import type { KitProgress } from './schema';
import type { KitStore } from './store';

/**
 * One kit's generation, run in the background: the gaps (unless already found), then a question
 * for every gap not yet done, as many at once as the engine has slots. Each question is saved
 * whole the moment it is done, so a cancel or a restart loses only the ones in flight, which
 * kits.resume writes again.
 */

/** Why a generation stopped early: the analyst cancelled, the kit was deleted, or the service is closing (as a process exit would). */
export type StopReason = 'cancel' | 'delete' | 'close';

export interface GenerationDeps {
  store: KitStore;
  questions: QuestionStore;
  llm: KitLlm | undefined;
  semaphore: Semaphore;
  threshold: () => number;
  now: () => number;
  onProgress: (progress: KitProgress) => void;
  log: (level: 'info' | 'warn', message: string) => void;
}

const reasonOf = (signal: AbortSignal): StopReason | null => (signal.aborted ? ((signal.reason as { stop?: StopReason } | undefined)?.stop ?? 'cancel') : null);

/** An abort reason that says why, and is an Error so the client's cancel errors carry it. */
export const stopSignalReason = (stop: StopReason): Error => Object.assign(new Error(`Kit generation stopped: ${stop}`), { stop });

async function ensureGaps(deps: GenerationDeps, kitId: string, signal: AbortSignal): Promise<boolean> {
  const row = deps.store.get(kitId);
  if (row.analysis_json !== null) return true;
  deps.onProgress({ kitId, stage: 'gaps', done: 0, total: 1, seq: null });
  const found = await findGaps(deps.llm, row.cv_text, row.jd_text, signal, (message) => deps.log('info', message));
  if (signal.aborted) return false;
  deps.store.saveGaps(kitId, found.gaps, found.analysis, deps.now());
  deps.onProgress({ kitId, stage: 'gaps', done: 1, total: 1, seq: null });
  return true;
}

async function writeOne(deps: GenerationDeps, kitId: string, seq: number, model: string | null, signal: AbortSignal): Promise<boolean> {
  const release = await deps.semaphore.acquire(signal);
  try {
    const kit = deps.store.get(kitId);
    const gap = deps.store.gaps(kitId).find((entry) => entry.seq === seq);
    if (gap === undefined) return false;
    deps.questions.setStatus(kitId, [seq], 'generating', deps.now());
    const written = await writeQuestion({ llm: deps.llm, model, gap, language: kit.language, threshold: deps.threshold(), signal, log: (message) => deps.log('info', message) });
    if (signal.aborted) return false;
    deps.questions.saveWritten(kitId, seq, written, deps.now());
    return true;
  } finally {
    release();
  }
}

export async function runGeneration(deps: GenerationDeps, kitId: string, signal: AbortSignal, only?: readonly number[]): Promise<void> {
  try {
    if (!(await ensureGaps(deps, kitId, signal))) return settle(deps, kitId, signal);
    const all = deps.store.gaps(kitId).length;
    const todo = only ?? deps.questions.unfinished(kitId);
    deps.store.setStatus(kitId, 'generating', deps.now());
    let done = all - deps.questions.unfinished(kitId).length;
    deps.onProgress({ kitId, stage: 'questions', done, total: all, seq: null });
    const model = await usableModel(deps.llm);
    const results = await Promise.allSettled(
      todo.map(async (seq) => {
        if (await writeOne(deps, kitId, seq, model, signal)) {
          done += 1;
          deps.onProgress({ kitId, stage: 'questions', done, total: all, seq });
        }
      }),
    );
    const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected' && !signal.aborted);
    if (failures.length > 0) {
      const message = `${failures.length} ${failures.length === 1 ? 'question' : 'questions'} could not be written (${String(failures[0]?.reason)}): resume to try again`;
      deps.log('warn', `Kit ${kitId}: ${message}`);
      deps.questions.setStatus(kitId, deps.questions.unfinished(kitId), 'pending', deps.now());
      deps.store.setStatus(kitId, 'generating', deps.now(), message);
      deps.onProgress({ kitId, stage: 'interrupted', done, total: all, seq: null });
      return;
    }
    settle(deps, kitId, signal);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    try {
      if (reasonOf(signal) !== null) return settle(deps, kitId, signal);
      deps.log('warn', `Kit ${kitId} stopped: ${message}`);
      const row = deps.store.find(kitId);
      if (row !== undefined) deps.store.setStatus(kitId, row.status, deps.now(), `Generation stopped: ${message}. Resume to try again`);
    } catch {
      // The database itself is gone (the app is closing): the rows stay as they were, for kits.resume.
    }
  }
}

/** Where a generation leaves its kit: ready when every question is done; cancelled (resumable) when the analyst stopped it. */
function settle(deps: GenerationDeps, kitId: string, signal: AbortSignal): void {
  const reason = reasonOf(signal);
  // A closing service leaves the rows as a killed process would; a deleted kit has no rows left.
  if (reason === 'close' || reason === 'delete' || deps.store.find(kitId) === undefined) return;
  const all = deps.store.gaps(kitId).length;
  const unfinished = deps.questions.unfinished(kitId);
  if (reason === 'cancel') {
    deps.questions.setStatus(kitId, unfinished, 'pending', deps.now());
    deps.store.setStatus(kitId, 'cancelled', deps.now());
    deps.onProgress({ kitId, stage: 'cancelled', done: all - unfinished.length, total: all, seq: null });
    return;
  }
  if (unfinished.length > 0) return;
  deps.store.setStatus(kitId, 'ready', deps.now());
  deps.onProgress({ kitId, stage: 'ready', done: all, total: all, seq: null });
}
