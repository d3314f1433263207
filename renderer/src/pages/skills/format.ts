import type { SkillResult } from '../../../../main/skills/schema-results';
import { skillTitles, type SkillId } from '../../../../main/skills/schema';

export { skillTitles };

const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const threeDecimals = new Intl.NumberFormat(undefined, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** A 1–5 score, to one decimal: "3.4". */
export const formatScore = (score: number): string => oneDecimal.format(score);
export const formatTwo = (value: number): string => twoDecimals.format(value);
export const formatThree = (value: number): string => threeDecimals.format(value);
export const formatShare = (share: number): string => `${Math.round(share * 100)}%`;

/** Points a feature moved the score: "+0.42" or "−0.18", the sign always shown. */
export function formatContribution(points: number): string {
  const text = twoDecimals.format(Math.abs(points));
  return points < 0 ? `−${text}` : `+${text}`;
}

/** "2026-03-02" → the analyst's short date; anything unparsable as it is. */
export function formatDay(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export const personLabel = (person: { id: string; name: string | null }): string => (person.name === null || person.name === '' ? person.id : person.name);

/** How the reasoning was written, in words. */
export function reasoningMadeBy(reasoning: SkillResult['reasoning']): string {
  const prompt = `${reasoning.template.id} v${reasoning.template.version}`;
  return reasoning.method === 'llm' ? `Written by ${reasoning.model ?? 'the local model'} with the prompt ${prompt}` : `Written from the template ${prompt} (no local model)`;
}

/** Model, weights and prompt behind one skill's score, in one line. */
export function provenanceLine(result: SkillResult): string {
  const { model, weightsVersion, prompt, lexicon } = result.provenance;
  const modelPart = model === null ? 'no model: inferred from the other evidence' : `model v${model.version} (${model.source}, ${model.checksum.slice(0, 8)})`;
  return `${modelPart} · weights v${weightsVersion} · prompt ${prompt.id} v${prompt.version} · lexicon ${lexicon.version}`;
}

export const confidenceLabels = {
  modelSpread: 'Model agreement',
  agreement: 'Sources agree',
  extremity: 'Not extreme',
  completeness: 'Evidence complete',
} as const;

export const skillTitle = (skill: SkillId): string => skillTitles[skill];
