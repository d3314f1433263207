import type { Fused } from '../fusion/fuse';
import { skillTitles, type SkillId } from '../schema';
import type { Reasoning } from '../schema-results';
import { templateReasoningRef } from './prompt';

/** Growth-oriented next steps the analyst can explore, one per skill, for when no model writes them. */
const nextSteps: Readonly<Record<SkillId, string>> = {
  empathy: 'Ask for a recent time they put a colleague’s view before their own, and what they did differently because of it.',
  'problem-solving': 'Walk through one problem they solved end to end: how they found the cause, which options they weighed, and how they checked the fix.',
  'self-regulation': 'Explore a moment of pressure: what they noticed in themselves, what they did before responding, and what they would repeat.',
  resilience: 'Ask about a setback and what they did in the weeks after it; listen for what they learned and how they carried on.',
};

const confidenceWord = (value: number): string => (value >= 0.75 ? 'high' : value >= 0.5 ? 'moderate' : 'low');
const figure = (value: number | null, unit: string): string => (value === null ? 'not measured' : `${Math.round(value * 100) / 100} ${unit}`);

/** The reasoning in fixed sentences from the same evidence: what is shown when the engine is away. */
export function templateReasoning(fused: Fused): Reasoning {
  const title = skillTitles[fused.skill];
  const sentences = [`${title} was inferred at ${fused.inferred.toFixed(1)} of 5 with ${confidenceWord(fused.confidence.value)} confidence (${fused.confidence.value.toFixed(2)}).`];
  const [first, second] = fused.evidence;
  for (const item of [first, second]) {
    if (item === undefined) continue;
    const way = item.contribution >= 0 ? 'raised' : 'lowered';
    const quote = item.quotes[0] === undefined ? '' : `, as in “${item.quotes[0].text.replace(/[.!?…]+$/, '')}”`;
    sentences.push(`${item.label} (${figure(item.raw, item.unit)}) ${way} it by ${Math.abs(item.contribution).toFixed(2)} points${quote}.`);
  }
  if (fused.evidence.length === 0) sentences.push('No single feature moved it far from the middle of the scale.');
  if (fused.fusion.redistributed !== null) sentences.push(`${fused.fusion.redistributed}.`);
  return { text: sentences.join(' '), nextStep: nextSteps[fused.skill], method: 'template', model: null, template: { ...templateReasoningRef } };
}
