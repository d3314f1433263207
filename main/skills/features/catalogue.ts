/**
 * The 26 features every skill model sees, in this order: 16 linguistic, 9 behavioural, 1 derived.
 * Each is measured as a raw figure (a rate per 100 words, seconds, a share...) and normalised to
 * 0–1 by a stated rule, so models and rubrics read one scale. resources/skills/FEATURES.md
 * explains each one; a test checks the two agree.
 */

export type FeatureGroup = 'linguistic' | 'behavioural' | 'derived';

/**
 * How a raw figure becomes 0–1:
 * - cap: raw / cap, clipped (rates per 100 words; shares and ratios)
 * - linear: (raw − min) / (max − min), clipped
 * - log: ln(1 + raw) / ln(1 + max), clipped (times and lengths, whose spread is multiplicative)
 */
export type Normaliser = { kind: 'cap'; cap: number } | { kind: 'linear'; min: number; max: number } | { kind: 'log'; max: number };

export interface FeatureSpec {
  name: string;
  group: FeatureGroup;
  label: string;
  unit: string;
  normaliser: Normaliser;
}

const rate = (name: string, label: string, cap: number): FeatureSpec => ({ name, group: 'linguistic', label, unit: 'per 100 words', normaliser: { kind: 'cap', cap } });

export const featureSpecs: readonly FeatureSpec[] = [
  rate('perspective_taking', 'Perspective-taking phrases', 3),
  rate('emotion_words', 'Named feelings', 4),
  rate('positive_affect', 'Positive words (AFINN-165)', 8),
  rate('negative_affect', 'Negative words (AFINN-165)', 6),
  rate('hedging', 'Hedges', 5),
  rate('certainty', 'Certainty words', 4),
  rate('first_person_singular', 'I / me / my', 10),
  rate('first_person_plural', 'We / us / our', 6),
  rate('social_words', 'Social words', 10),
  rate('causal_words', 'Causal words', 5),
  rate('insight_words', 'Insight words', 5),
  rate('negations', 'Negations', 5),
  rate('future_orientation', 'Future-oriented words', 4),
  rate('solution_words', 'Problem-solving words', 5),
  rate('coping_words', 'Coping and recovery words', 3),
  { name: 'lexical_diversity', group: 'linguistic', label: 'Lexical diversity (MATTR, 50-word window)', unit: 'ratio', normaliser: { kind: 'linear', min: 0.4, max: 0.9 } },
  { name: 'response_latency', group: 'behavioural', label: 'Time before answering (median)', unit: 'seconds', normaliser: { kind: 'log', max: 60 } },
  { name: 'answer_time', group: 'behavioural', label: 'Time from question to answer sent (median)', unit: 'seconds', normaliser: { kind: 'log', max: 300 } },
  { name: 'composition_rate', group: 'behavioural', label: 'Words per minute while answering', unit: 'words per minute', normaliser: { kind: 'cap', cap: 120 } },
  { name: 'answer_length', group: 'behavioural', label: 'Words per answer (mean)', unit: 'words', normaliser: { kind: 'log', max: 200 } },
  { name: 'length_variability', group: 'behavioural', label: 'Variation of answer length (coefficient of variation)', unit: 'ratio', normaliser: { kind: 'cap', cap: 1.5 } },
  { name: 'time_variability', group: 'behavioural', label: 'Variation of answer time (coefficient of variation)', unit: 'ratio', normaliser: { kind: 'cap', cap: 1.5 } },
  { name: 'revision_rate', group: 'behavioural', label: 'Revisions while typing', unit: 'per 100 words', normaliser: { kind: 'cap', cap: 5 } },
  { name: 'pause_rate', group: 'behavioural', label: 'Pauses per answer (mean)', unit: 'pauses', normaliser: { kind: 'cap', cap: 5 } },
  { name: 'elaboration', group: 'behavioural', label: 'Answers of 25 words or more', unit: 'share', normaliser: { kind: 'cap', cap: 1 } },
  { name: 'engagement_index', group: 'derived', label: 'Engagement (length, elaboration, diversity, promptness)', unit: 'index', normaliser: { kind: 'cap', cap: 1 } },
];

export const featureNames: readonly string[] = featureSpecs.map((spec) => spec.name);
export const featureCount = featureSpecs.length;

const byName = new Map(featureSpecs.map((spec) => [spec.name, spec]));

export function featureSpec(name: string): FeatureSpec {
  const spec = byName.get(name);
  if (spec === undefined) throw new Error(`No feature named ${name}`);
  return spec;
}

const clip01 = (value: number): number => Math.min(1, Math.max(0, value));

/** The 0–1 value of a raw figure by the feature's rule; rounded to 4 places so stored values read back the same. */
export function normalise(spec: FeatureSpec, raw: number): number {
  const rule = spec.normaliser;
  const value =
    rule.kind === 'cap' ? raw / rule.cap : rule.kind === 'linear' ? (raw - rule.min) / (rule.max - rule.min) : Math.log1p(Math.max(0, raw)) / Math.log1p(rule.max);
  return Math.round(clip01(value) * 10_000) / 10_000;
}
