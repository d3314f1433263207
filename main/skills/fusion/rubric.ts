import type { SkillId } from '../schema';

/**
 * What the linguistic and behavioural evidence say about each skill without a model: a weighted
 * mean of 0–1 features, each read upwards (+1) or reversed (−1). These are our judgement,
 * informed by word-count research in the LIWC tradition (perspective words and "we" for empathy,
 * causal and insight words for reasoning), not fitted to data; resources/skills/FEATURES.md lists them.
 */
export interface RubricTerm {
  feature: string;
  weight: number;
  direction: 1 | -1;
}

export interface SkillRubric {
  linguistic: readonly RubricTerm[];
  behavioural: readonly RubricTerm[];
}

const up = (feature: string, weight: number): RubricTerm => ({ feature, weight, direction: 1 });
const down = (feature: string, weight: number): RubricTerm => ({ feature, weight, direction: -1 });

export const rubrics: Readonly<Record<SkillId, SkillRubric>> = {
  empathy: {
    linguistic: [up('perspective_taking', 3), up('social_words', 2), up('first_person_plural', 2), up('emotion_words', 2), up('positive_affect', 1), down('first_person_singular', 1), down('certainty', 1)],
    behavioural: [up('elaboration', 2), up('answer_length', 1), up('engagement_index', 2)],
  },
  'problem-solving': {
    linguistic: [up('solution_words', 3), up('causal_words', 3), up('insight_words', 2), up('lexical_diversity', 2), up('future_orientation', 1), down('hedging', 1)],
    behavioural: [up('elaboration', 2), up('answer_length', 1), up('engagement_index', 1), down('length_variability', 1)],
  },
  'self-regulation': {
    linguistic: [down('negative_affect', 3), up('emotion_words', 2), up('insight_words', 1), down('certainty', 1), down('negations', 1)],
    behavioural: [down('time_variability', 2), down('length_variability', 1), down('revision_rate', 1), down('pause_rate', 1)],
  },
  resilience: {
    linguistic: [up('coping_words', 3), up('future_orientation', 2), up('positive_affect', 2), down('negative_affect', 1), up('insight_words', 1), down('negations', 1)],
    behavioural: [up('engagement_index', 2), up('elaboration', 1), down('time_variability', 1)],
  },
};

export interface RubricScore {
  /** 1–5, or null when none of its features was measured. */
  score: number | null;
  /** Per feature: points it moves the score away from 3 (they sum to score − 3). */
  contributions: Map<string, number>;
  measured: number;
  terms: number;
}

/** A rubric read on the features measured; the weights of those not measured are left out, not counted as zero. */
export function scoreRubric(terms: readonly RubricTerm[], values: ReadonlyMap<string, number>): RubricScore {
  const present = terms.filter((term) => !Number.isNaN(values.get(term.feature) ?? Number.NaN));
  const total = present.reduce((sum, term) => sum + term.weight, 0);
  const contributions = new Map<string, number>();
  if (total === 0) return { score: null, contributions, measured: 0, terms: terms.length };
  let mean = 0;
  for (const term of present) {
    const value = values.get(term.feature)!;
    const read = term.direction === 1 ? value : 1 - value;
    mean += (term.weight * read) / total;
    contributions.set(term.feature, (4 * term.weight * (read - 0.5)) / total);
  }
  return { score: 1 + 4 * mean, contributions, measured: present.length, terms: terms.length };
}
