import type { LlmClient } from '../engine/client/index';
import { modelKey } from '../pricing/llm-engine';

/**
 * What interviews need from the local engine, all optional: the LLM client, the configured model
 * (settings.models.interviews) and which models are installed (null while the engine is away).
 * Without it, or while it is away, conversations follow the scripted guide and analyses use the lexicon.
 */
export interface InterviewLlm {
  client: Pick<LlmClient, 'chat'>;
  model: () => string;
  installed: () => Promise<readonly string[] | null>;
  /** Cap on one follow-up (the employee is waiting); 30 s by default. */
  followUpTimeoutMs?: number;
  /** Cap on one analysis; 120 s by default. */
  analysisTimeoutMs?: number;
}

/** The interviews model when the engine is up and has it installed; null otherwise, at no cost of a failed call. */
export async function usableModel(llm: InterviewLlm | undefined): Promise<string | null> {
  if (llm === undefined) return null;
  const wanted = llm.model();
  const installed = await llm.installed().catch(() => null);
  if (installed === null) return null;
  return installed.some((name) => modelKey(name) === modelKey(wanted)) ? wanted : null;
}
