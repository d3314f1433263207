import { usableModel, type KitLlm } from '../llm';
import type { GapAnalysis } from '../schema';
import { heuristicGaps, type FoundGap } from './heuristic';
import { modelGaps } from './model';

export const heuristicAnalysis = (note: string | null): GapAnalysis => ({
  method: 'heuristic',
  model: null,
  templates: [{ id: 'kit-gaps-heuristic', version: '1' }],
  options: { lexicon: 'resources/question-banks/skills.v1.json' },
  note,
});

/**
 * The gaps between a CV and a job description: by the local model when it is there and its
 * quotes check out, by the heuristic otherwise. Only a cancel is thrown; every other failure
 * falls back, with the reason kept in the analysis note.
 */
export async function findGaps(
  llm: KitLlm | undefined,
  cvText: string,
  jdText: string,
  signal: AbortSignal,
  log?: (message: string) => void,
): Promise<{ gaps: FoundGap[]; analysis: GapAnalysis }> {
  const model = await usableModel(llm);
  if (llm === undefined || model === null) return { gaps: heuristicGaps(cvText, jdText), analysis: heuristicAnalysis(null) };
  try {
    const found = await modelGaps(llm, model, cvText, jdText, signal);
    if (!('failed' in found)) return found;
    log?.(`Kit gaps by the heuristic: ${found.failed}`);
    return { gaps: heuristicGaps(cvText, jdText), analysis: heuristicAnalysis(`The model was asked first, but ${found.failed}.`) };
  } catch (error) {
    // A cancel of the kit stops it; a call that timed out falls back like every other failure.
    if (signal.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    log?.(`Kit gaps by the heuristic: the model could not find them (${reason})`);
    return { gaps: heuristicGaps(cvText, jdText), analysis: heuristicAnalysis(`The model was asked first but failed: ${reason}`) };
  }
}
