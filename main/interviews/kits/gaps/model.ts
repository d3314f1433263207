import { z } from 'zod';
import { kitCall, type KitLlm } from '../llm';
import { gapPriorities, type GapAnalysis } from '../schema';
import { gapRationale, rankGaps, type FoundGap } from './heuristic';
import { verifiedQuote } from './verify';

/** The model's answers, sent to Ollama as the JSON schemas of `format`. */
export const requirementsAnswerSchema = z.object({
  requirements: z
    .array(z.object({ skill: z.string().min(1).max(60), priority: z.enum(gapPriorities), quote: z.string().min(1).max(300) }))
    .min(1)
    .max(15),
});
export type RequirementsAnswer = z.output<typeof requirementsAnswerSchema>;

/** Built per call so the requirement numbers the model may use are exactly those it was given. */
export const evidenceAnswerSchemaFor = (requirements: number) =>
  z.object({
    evidence: z
      .array(
        z.object({
          requirement: z.number().int().min(1).max(Math.max(1, requirements)),
          strength: z.enum(['strong', 'weak', 'none']),
          quote: z.string().max(300).nullable(),
          why: z.string().max(300),
        }),
      )
      .max(requirements + 5),
  });
export type EvidenceAnswer = z.output<ReturnType<typeof evidenceAnswerSchemaFor>>;

export interface VerifiedRequirement {
  skill: string;
  priority: FoundGap['priority'];
  quote: string;
}

/** Requirements whose quote is in the job description, each skill once; the rest were invented or paraphrased and are dropped. */
export function verifiedRequirements(answer: RequirementsAnswer, jdText: string): VerifiedRequirement[] {
  const seen = new Set<string>();
  const kept: VerifiedRequirement[] = [];
  for (const requirement of answer.requirements) {
    const quote = verifiedQuote(requirement.quote, jdText);
    const key = requirement.skill.trim().toLowerCase();
    if (quote === null || key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push({ skill: requirement.skill.trim(), priority: requirement.priority, quote });
  }
  return kept;
}

/**
 * Gaps from the model's judgements: a requirement the CV shows strongly, with a quote that is
 * really in the CV, is no gap. A strong claim the CV's words cannot back counts as weak; a
 * requirement the model did not judge counts as not shown.
 */
export function gapsFromJudgements(requirements: readonly VerifiedRequirement[], answer: EvidenceAnswer, cvText: string): FoundGap[] {
  const gaps: FoundGap[] = [];
  requirements.forEach((requirement, index) => {
    const judged = answer.evidence.find((entry) => entry.requirement === index + 1);
    const quote = verifiedQuote(judged?.quote ?? null, cvText);
    const strength = judged?.strength ?? 'none';
    if (strength === 'strong' && quote !== null) return;
    const evidence = strength === 'none' ? 'none' : 'weak';
    const why = judged?.why.trim() ?? '';
    const rationale = gapRationale(requirement.skill, requirement.priority, requirement.quote, evidence, quote);
    gaps.push({
      skill: requirement.skill,
      priority: requirement.priority,
      requirementQuote: requirement.quote,
      evidence,
      evidenceQuote: evidence === 'none' ? null : quote,
      rationale: why === '' ? rationale : `${rationale} ${why}`,
    });
  });
  return rankGaps(gaps);
}

export interface ModelGaps {
  gaps: FoundGap[];
  analysis: GapAnalysis;
}

/** Both calls; `failed` (saying why) when no requirement the model named could be found in the job description. */
export async function modelGaps(llm: KitLlm, model: string, cvText: string, jdText: string, signal: AbortSignal): Promise<ModelGaps | { failed: string }> {
  const asked = await kitCall(llm, model, 'kit-requirements.v1', { jd: jdText }, requirementsAnswerSchema, { temperature: 0, numPredict: 1500, signal });
  const requirements = verifiedRequirements(asked.value, jdText);
  if (requirements.length === 0) {
    return { failed: `none of the ${asked.value.requirements.length} requirements the model named could be found word for word in the job description` };
  }
  const dropped = asked.value.requirements.length - requirements.length;
  const numbered = requirements.map((requirement, index) => `${index + 1}. ${requirement.skill} (${requirement.priority}): "${requirement.quote}"`).join('\n');
  const judged = await kitCall(llm, model, 'kit-evidence.v1', { requirements: numbered, cv: cvText }, evidenceAnswerSchemaFor(requirements.length), {
    temperature: 0,
    numPredict: 2000,
    signal,
  });
  return {
    gaps: gapsFromJudgements(requirements, judged.value, cvText),
    analysis: {
      method: 'llm',
      model,
      templates: [asked.template, judged.template],
      options: asked.options,
      note: dropped === 0 ? null : `${dropped} of the model's ${asked.value.requirements.length} requirements were left out: their quotes are not in the job description`,
    },
  };
}
