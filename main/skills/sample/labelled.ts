import { createRandom, type Random } from '../../batch/sample-data/prng';
import { featureNames } from '../features/catalogue';
import { skillIds, type SkillId } from '../schema';

/**
 * A seeded generator of labelled training rows with known structure, for tests and the bench:
 * each person has four latent skill levels (sharing a general factor, r ≈ 0.25 between skills);
 * each feature is a noisy linear read of some of them (the loadings below, plus N(0, 0.09) noise,
 * clipped to 0–1); the analyst's rating is 3 + 1.4·tanh(0.9·level) + N(0, 0.45), rounded and held
 * to 1–5, so it saturates at the ends as real ratings do. Features of a transcript without timings
 * (response latency, pauses) are missing for 40 % of people; revisions for 20 %. A model can
 * learn the ratings only through the features, and the held-out score says how well it did.
 */

/** Feature → loadings on the skills; a feature with none is pure noise. */
export const featureLoadings: Readonly<Record<string, Partial<Record<SkillId, number>>>> = {
  perspective_taking: { empathy: 1 },
  emotion_words: { empathy: 0.5, 'self-regulation': 0.4 },
  positive_affect: { resilience: 0.6, empathy: 0.2 },
  negative_affect: { 'self-regulation': -0.8, resilience: -0.4 },
  hedging: { 'problem-solving': -0.3 },
  certainty: { 'self-regulation': -0.3 },
  first_person_singular: { empathy: -0.3 },
  first_person_plural: { empathy: 0.6, resilience: 0.2 },
  social_words: { empathy: 0.6 },
  causal_words: { 'problem-solving': 0.8 },
  insight_words: { 'problem-solving': 0.6, 'self-regulation': 0.3, resilience: 0.3 },
  negations: { 'self-regulation': -0.3, resilience: -0.3 },
  future_orientation: { resilience: 0.7, 'problem-solving': 0.3 },
  solution_words: { 'problem-solving': 0.9 },
  coping_words: { resilience: 0.9 },
  lexical_diversity: { 'problem-solving': 0.5 },
  response_latency: { 'self-regulation': 0.3 },
  answer_time: { 'problem-solving': 0.3 },
  composition_rate: {},
  answer_length: { empathy: 0.3, 'problem-solving': 0.3 },
  length_variability: { 'self-regulation': -0.5 },
  time_variability: { 'self-regulation': -0.6, resilience: -0.2 },
  revision_rate: { 'self-regulation': -0.3 },
  pause_rate: { 'self-regulation': -0.4 },
  elaboration: { empathy: 0.3, 'problem-solving': 0.4 },
};

export interface LabelledRow {
  features: Record<string, number | null>;
  ratings: Record<SkillId, number>;
}

export function normalSample(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

const clip01 = (value: number): number => Math.min(1, Math.max(0, value));
const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

export function generateLabelledRows(people: number, seed: number): LabelledRow[] {
  const random = createRandom(seed);
  const rows: LabelledRow[] = [];
  for (let person = 0; person < people; person += 1) {
    const general = normalSample(random);
    const level = Object.fromEntries(skillIds.map((skill) => [skill, 0.5 * general + Math.sqrt(0.75) * normalSample(random)])) as Record<SkillId, number>;
    const untimed = random.chance(0.4);
    const noRevisions = random.chance(0.2);
    const features: Record<string, number | null> = {};
    for (const [name, loadings] of Object.entries(featureLoadings)) {
      const signal = Object.entries(loadings).reduce((sum, [skill, loading]) => sum + loading * level[skill as SkillId], 0);
      features[name] = round4(clip01(0.5 + 0.17 * signal + 0.09 * normalSample(random)));
    }
    if (untimed) features.response_latency = features.pause_rate = null;
    if (noRevisions) features.revision_rate = null;
    // Engagement is derived as the extractor derives it.
    const parts = [features.answer_length!, features.elaboration!, features.lexical_diversity!, ...(features.response_latency === null ? [] : [1 - features.response_latency!])];
    features.engagement_index = round4(parts.reduce((sum, part) => sum + part, 0) / parts.length);
    const ratings = Object.fromEntries(
      skillIds.map((skill) => [skill, Math.min(5, Math.max(1, Math.round(3 + 1.4 * Math.tanh(0.9 * level[skill]) + 0.45 * normalSample(random))))]),
    ) as Record<SkillId, number>;
    rows.push({ features, ratings });
  }
  return rows;
}

/** The rows as the training CSV skills.trainModel reads: a person id, the 26 features, a rating per skill. */
export function labelledCsv(rows: readonly LabelledRow[]): string {
  const header = ['person_id', ...featureNames, ...skillIds].join(',');
  const lines = rows.map((row, index) => [`p${index + 1}`, ...featureNames.map((name) => (row.features[name] === null ? '' : String(row.features[name]))), ...skillIds.map((skill) => String(row.ratings[skill]))].join(','));
  return `${[header, ...lines].join('\n')}\n`;
}
