import { usableModel } from '../../interviews/llm';
import type { Fused } from '../fusion/fuse';
import type { SkillId } from '../schema';
import type { Assessment, Reasoning } from '../schema-results';
import { fitReasoningPrompt, type SkillForPrompt } from './fit';
import { loadSkillPrompt, reasoningAnswerSchema, reasoningOutputTokens, templateReasoningRef, type SkillLlm } from './prompt';
import { templateReasoning } from './template';

export type ReasoningMode = 'auto' | 'template';

export interface WrittenReasoning {
  bySkill: Map<SkillId, Reasoning>;
  method: 'llm' | 'template';
  model: string | null;
  template: { id: string; version: string };
  options: Record<string, unknown>;
  fit: Assessment['reasoningFit'];
}

const defaultContextTokens = 8192;

function fromTemplate(fused: readonly Fused[]): WrittenReasoning {
  const bySkill = new Map(fused.map((entry) => [entry.skill, templateReasoning(entry)]));
  return { bySkill, method: 'template', model: null, template: { ...templateReasoningRef }, options: {}, fit: null };
}

/**
 * The reasoning behind every skill of one assessment in one call to the skills model (one call,
 * not four: the evidence is shared and the system prompt is cached once). The template writes it
 * when the mode says so, when the engine is away or lacks the model, when the evidence cannot
 * fit even cut down, or when the call fails; the cause goes to the log, never to the analyst.
 */
export async function writeReasoning(
  llm: SkillLlm | undefined,
  skills: readonly SkillForPrompt[],
  interview: string,
  mode: ReasoningMode,
  signal: AbortSignal | undefined,
  log: (message: string) => void,
): Promise<WrittenReasoning> {
  const fused = skills.map((entry) => entry.fused);
  if (mode === 'template' || llm === undefined) return fromTemplate(fused);
  const model = await usableModel(llm);
  if (model === null) return fromTemplate(fused);
  const numCtx = llm.contextTokens?.() ?? defaultContextTokens;
  const fitted = fitReasoningPrompt(skills, interview, numCtx, reasoningOutputTokens);
  if (fitted === null) {
    log(`Skill reasoning by the template: not even the scores fit a ${numCtx}-token context`);
    return fromTemplate(fused);
  }
  const prompt = loadSkillPrompt();
  const template = { id: prompt.id, version: prompt.version };
  const options = { temperature: 0.2, num_predict: reasoningOutputTokens, num_ctx: numCtx };
  try {
    const timeout = AbortSignal.timeout(llm.timeoutMs ?? 120_000);
    const result = await llm.client.chat({
      feature: 'skills',
      model,
      template,
      format: reasoningAnswerSchema,
      messages: fitted.messages,
      options,
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
    });
    const bySkill = new Map<SkillId, Reasoning>(
      fused.map((entry) => {
        const note = result.value[entry.skill];
        return [entry.skill, { text: note.reasoning.trim(), nextStep: note.nextStep.trim(), method: 'llm', model, template }];
      }),
    );
    const fit = { estimatedTokens: fitted.estimatedTokens, budgetTokens: fitted.budgetTokens, itemsDropped: fitted.itemsDropped, quotesShortened: fitted.quotesShortened };
    return { bySkill, method: 'llm', model, template, options: { ...options, format: 'json-schema' }, fit };
  } catch (error) {
    if (signal?.aborted) throw error;
    log(`Skill reasoning by the template: the model could not write it (${error instanceof Error ? error.message : String(error)})`);
    return fromTemplate(fused);
  }
}
