import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import { weightKeys, type SkillWeights, type WeightKey, type WeightSet } from '../../../../main/skills/fusion/weights';
import { skillIds, type SkillId } from '../../../../main/skills/schema';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';

export { weightKeys, type WeightKey };

interface WeightVersion {
  version: number;
  weights: WeightSet;
  note: string | null;
  createdAt: string;
}

/** The inputs as typed, so "0." or an empty box stays as the analyst left it. */
export type WeightDraft = Record<SkillId, Record<WeightKey, string>>;

interface WeightsState {
  current: WeightVersion | null;
  defaults: WeightSet | null;
  history: WeightVersion[] | null;
  draft: WeightDraft | null;
  note: string;
  error: string | null;
}

export const useWeights = create<WeightsState>(() => ({ current: null, defaults: null, history: null, draft: null, note: '', error: null }));

const draftOf = (weights: WeightSet): WeightDraft =>
  Object.fromEntries(skillIds.map((skill) => [skill, Object.fromEntries(weightKeys.map((key) => [key, String(weights[skill][key])]))])) as WeightDraft;

export async function loadWeights(api: Client = client): Promise<void> {
  try {
    const [{ current, defaults }, history] = await Promise.all([api.call('skills.getWeights', {}), api.call('skills.weightHistory', {})]);
    useWeights.setState({ current, defaults, history, draft: draftOf(current.weights), error: null });
  } catch (error) {
    useWeights.setState({ error: messageOf(error) });
  }
}

export function setWeight(skill: SkillId, key: WeightKey, text: string): void {
  useWeights.setState((state) => (state.draft === null ? {} : { draft: { ...state.draft, [skill]: { ...state.draft[skill], [key]: text } } }));
}

export function resetToDefaults(): void {
  const { defaults } = useWeights.getState();
  if (defaults !== null) useWeights.setState({ draft: draftOf(defaults) });
}

/** A skill's weights as numbers, or null where a box holds no number from 0 to 1. */
export function parseWeights(row: Record<WeightKey, string>): SkillWeights | null {
  const values = weightKeys.map((key) => Number(row[key].trim() === '' ? Number.NaN : row[key]));
  if (values.some((value) => !Number.isFinite(value) || value < 0 || value > 1)) return null;
  return Object.fromEntries(weightKeys.map((key, index) => [key, values[index]])) as SkillWeights;
}

const tolerance = 1e-6;

/** What is wrong with a skill's weights, in words, or null when they can be saved. */
export function weightProblem(row: Record<WeightKey, string>): string | null {
  const weights = parseWeights(row);
  if (weights === null) return 'Each weight is a number from 0 to 1';
  const sum = weightKeys.reduce((total, key) => total + weights[key], 0);
  const off = Math.round((sum - 1) * 1000) / 1000;
  if (Math.abs(sum - 1) <= tolerance) return null;
  return off > 0 ? `They sum to ${Math.round(sum * 1000) / 1000}: ${off} too much` : `They sum to ${Math.round(sum * 1000) / 1000}: ${-off} short of 1`;
}

export const sumOf = (row: Record<WeightKey, string>): number => weightKeys.reduce((total, key) => total + (Number(row[key]) || 0), 0);

/** Saves every skill's weights as the next version; throws the core's message for the form. */
export async function saveWeights(api: Client = client): Promise<WeightVersion> {
  const { draft, note } = useWeights.getState();
  if (draft === null) throw new Error('The weights are not read yet');
  const weights = Object.fromEntries(skillIds.map((skill) => [skill, parseWeights(draft[skill])])) as Record<SkillId, SkillWeights>;
  const saved = await api.call('skills.setWeights', { weights, note: note.trim() === '' ? undefined : note.trim() });
  useWeights.setState({ note: '' });
  await loadWeights(api);
  return saved;
}
