import { z } from 'zod';
import { kitCall, type KitLlm } from '../llm';
import { maxRefinements, qualityCriteria, questionContentSchema, type Gap, type KitLanguage, type Quality, type QuestionContent } from '../schema';
import { bankQuestion } from './bank';

/** The reviewer's answer: each criterion 1–10 and what to change. */
export const qualityAnswerSchema = z.object({
  relevance: z.number().int().min(1).max(10),
  behavioural: z.number().int().min(1).max(10),
  specificity: z.number().int().min(1).max(10),
  rubric: z.number().int().min(1).max(10),
  fairness: z.number().int().min(1).max(10),
  feedback: z.string().min(1).max(600),
});
type QualityAnswer = z.output<typeof qualityAnswerSchema>;

export interface NewDraft {
  kind: 'draft' | 'refinement' | 'bank';
  content: QuestionContent;
  quality: Quality | null;
  model: string | null;
  template: { id: string; version: string };
  options: Record<string, unknown>;
  llmCallId: number | null;
}

export interface WrittenQuestion {
  source: 'llm' | 'bank';
  drafts: NewDraft[];
  /** The draft in use: the best-scoring one (the latest of equals). */
  chosen: number;
  refinements: number;
  notice: string | null;
}

export interface WriteContext {
  llm: KitLlm | undefined;
  /** The usable model, or null when the engine is away or lacks it. */
  model: string | null;
  gap: Gap;
  language: KitLanguage;
  threshold: number;
  signal: AbortSignal;
  log?: (message: string) => void;
}

/** The criteria's mean over 10: one number in [0, 1] that the threshold is compared with. */
export function scoreOf(answer: QualityAnswer): number {
  const sum = qualityCriteria.reduce((total, criterion) => total + answer[criterion], 0);
  return Math.round((sum / qualityCriteria.length / 10) * 100) / 100;
}

const gapValues = (gap: Gap, language: KitLanguage): Record<string, string> => ({
  language,
  skill: gap.skill,
  priority: gap.priority,
  requirement: gap.requirementQuote,
  evidence: gap.evidenceQuote === null ? 'nothing about it' : `only this, weakly: "${gap.evidenceQuote}"`,
  rationale: gap.rationale,
});

function fromBank(context: WriteContext, reason: string | null): WrittenQuestion {
  const bank = bankQuestion(context.gap, context.language);
  const notice = [reason, bank.notice].filter((part): part is string => part !== null).join(' ') || null;
  const draft: NewDraft = { kind: 'bank', content: bank.content, quality: null, model: null, template: bank.template, options: { category: bank.category }, llmCallId: null };
  return { source: 'bank', drafts: [draft], chosen: 0, refinements: 0, notice };
}

async function review(llm: KitLlm, context: WriteContext, model: string, content: QuestionContent): Promise<Quality> {
  const values = { skill: context.gap.skill, requirement: context.gap.requirementQuote, language: context.language, question: JSON.stringify(content, null, 2) };
  const answer = await kitCall(llm, model, 'kit-quality.v1', values, qualityAnswerSchema, { temperature: 0, numPredict: 300, signal: context.signal });
  const { feedback, ...criteria } = answer.value;
  return { score: scoreOf(answer.value), criteria, feedback: feedback.trim(), model, template: answer.template };
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One question for one gap: a draft by the model, scored by a second prompt, refined while it
 * scores under the threshold, at most `maxRefinements` times; every version and score is kept.
 * The bank's question when the model is away or cannot write a draft. Only a cancel is thrown.
 */
export async function writeQuestion(context: WriteContext): Promise<WrittenQuestion> {
  const { llm, model, signal } = context;
  if (llm === undefined || model === null) return fromBank(context, null);
  const values = gapValues(context.gap, context.language);
  const drafts: NewDraft[] = [];
  try {
    const first = await kitCall(llm, model, 'kit-question.v1', values, questionContentSchema, { temperature: 0.3, numPredict: 900, signal });
    drafts.push({ kind: 'draft', content: first.value, quality: null, model, template: first.template, options: first.options, llmCallId: first.callId });
  } catch (error) {
    if (signal.aborted) throw error;
    context.log?.(`Kit question from the bank: the model could not write one (${reasonOf(error)})`);
    return fromBank(context, `The local model could not write this question (${reasonOf(error)}).`);
  }
  let refinements = 0;
  for (;;) {
    const current = drafts[drafts.length - 1] as NewDraft;
    try {
      current.quality = await review(llm, context, model, current.content);
    } catch (error) {
      if (signal.aborted) throw error;
      context.log?.(`Kit question left unscored: the model could not review it (${reasonOf(error)})`);
      break;
    }
    if (current.quality.score >= context.threshold || refinements >= maxRefinements) break;
    try {
      const scores = JSON.stringify(current.quality.criteria);
      const refined = await kitCall(llm, model, 'kit-refine.v1', { ...values, question: JSON.stringify(current.content, null, 2), scores, feedback: current.quality.feedback }, questionContentSchema, {
        temperature: 0.3,
        numPredict: 900,
        signal,
      });
      drafts.push({ kind: 'refinement', content: refined.value, quality: null, model, template: refined.template, options: refined.options, llmCallId: refined.callId });
      refinements += 1;
    } catch (error) {
      if (signal.aborted) throw error;
      context.log?.(`Kit question kept as it was: the model could not refine it (${reasonOf(error)})`);
      break;
    }
  }
  return { source: 'llm', drafts, chosen: bestDraft(drafts), refinements, notice: null };
}

export function bestDraft(drafts: readonly NewDraft[]): number {
  let best = 0;
  drafts.forEach((draft, index) => {
    if ((draft.quality?.score ?? -1) >= (drafts[best]?.quality?.score ?? -1)) best = index;
  });
  return best;
}
