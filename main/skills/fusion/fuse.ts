import { ApiError } from '../../api/errors';
import { featureCount } from '../features/catalogue';
import { featureVector } from '../features/extract';
import type { TreeEnsemble } from '../model/ensemble';
import { explain, predict, rowFor } from '../model/evaluate';
import { skillTitles, type FeatureSet, type SkillId } from '../schema';
import type { Confidence, Fusion, ModelRef } from '../schema-results';
import { confidenceOf } from './confidence';
import { topEvidence, type SourceContributions } from './evidence';
import { rubrics, scoreRubric } from './rubric';
import type { SkillWeights } from './weights';

/** An active model ready to evaluate, with the bootstrap replicas trained beside it (none for imported ones). */
export interface LoadedModel {
  ref: ModelRef;
  model: TreeEnsemble;
  replicas: readonly TreeEnsemble[];
}

export interface FuseInput {
  skill: SkillId;
  features: FeatureSet;
  weights: SkillWeights;
  model: LoadedModel | null;
  /** Why there is no model ("No active model for Empathy"), when there is none. */
  modelNote: string | null;
}

export interface Fused {
  skill: SkillId;
  inferred: number;
  confidence: Confidence;
  fusion: Fusion;
  evidence: ReturnType<typeof topEvidence>;
}

const clampScore = (value: number): number => Math.min(5, Math.max(1, value));
const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places;
type Source = 'ml' | 'linguistic' | 'behavioural';
const sources: readonly Source[] = ['ml', 'linguistic', 'behavioural'];

/**
 * One skill's score from its evidence:
 *   mean  = Σ w_k s_k / Σ w_k over the sources k present (model, linguistic, behavioural)
 *   score = Σ w_k s_k + w_c (3 + c (mean − 3))
 * where c is the confidence: the confidence-adjustment share of the score is pulled toward the
 * middle of the scale as far as there is doubt. A missing source's weight is shared among the
 * rest (the adjustment included) in proportion to theirs, and the result says so.
 */
export function fuseSkill(input: FuseInput): Fused {
  const values = featureVector(input.features);
  const title = skillTitles[input.skill];
  const rubric = rubrics[input.skill];
  const linguistic = scoreRubric(rubric.linguistic, values);
  const behavioural = scoreRubric(rubric.behavioural, values);
  let ml: { score: number; contributions: Map<string, number>; predictions: number[] } | null = null;
  if (input.model !== null) {
    const row = rowFor(input.model.model, values);
    const explained = explain(input.model.model, row);
    const contributions = new Map(input.model.model.featureNames.map((name, index) => [name, explained.contributions[index]!]));
    const predictions = [explained.value, ...input.model.replicas.map((replica) => predict(replica, rowFor(replica, values)))].map(clampScore);
    ml = { score: clampScore(explained.value), contributions, predictions };
  }
  const scores: Record<Source, number | null> = { ml: ml?.score ?? null, linguistic: linguistic.score, behavioural: behavioural.score };
  if (scores.ml === null && scores.linguistic === null && scores.behavioural === null) {
    throw new ApiError('conflict', `There is no evidence to infer ${title} from: the person gave no answers`);
  }

  const missing = sources.filter((source) => scores[source] === null);
  const missingWeight = missing.reduce((sum, source) => sum + input.weights[source], 0);
  const keep = missingWeight >= 1 ? 0 : 1 / (1 - missingWeight);
  const effective = {
    ml: scores.ml === null ? 0 : input.weights.ml * keep,
    linguistic: scores.linguistic === null ? 0 : input.weights.linguistic * keep,
    behavioural: scores.behavioural === null ? 0 : input.weights.behavioural * keep,
    confidenceAdjustment: input.weights.confidenceAdjustment * keep,
  };
  const evidenceWeight = sources.reduce((sum, source) => sum + effective[source], 0);
  // Sources whose configured weight is 0 may still be present; with every present weight at 0, they count alike.
  const present = sources.filter((source) => scores[source] !== null);
  const share = (source: Source): number => (evidenceWeight > 0 ? effective[source] / evidenceWeight : scores[source] === null ? 0 : 1 / present.length);
  const mean = present.reduce((sum, source) => sum + share(source) * scores[source]!, 0);

  const confidence = confidenceOf({
    modelPredictions: ml?.predictions ?? null,
    modelNote: input.modelNote ?? 'No model',
    sourceScores: present.map((source) => scores[source]!),
    evidenceMean: mean,
    measuredFeatures: input.features.features.filter((feature) => feature.value !== null).length,
    totalFeatures: featureCount,
    words: input.features.words,
  });
  const c = confidence.value;
  const wc = evidenceWeight > 0 ? effective.confidenceAdjustment : 0;
  const score = (1 - wc) * mean + wc * (3 + c * (mean - 3));

  // Each source's features move the score by its share of the evidence, scaled as the adjustment scales (score − 3 = (1 − wc(1 − c)) (mean − 3)).
  const scale = 1 - wc * (1 - c);
  const perSource: SourceContributions = {
    ml: ml === null ? null : scaleMap(ml.contributions, share('ml') * scale),
    linguistic: linguistic.score === null ? null : scaleMap(linguistic.contributions, share('linguistic') * scale),
    behavioural: behavioural.score === null ? null : scaleMap(behavioural.contributions, share('behavioural') * scale),
  };
  const part = (source: Source, note: string | null) => ({ score: scores[source] === null ? null : round(scores[source]!, 3), weight: input.weights[source], effectiveWeight: round(effective[source], 4), note });
  return {
    skill: input.skill,
    inferred: round(clampScore(score), 2),
    confidence,
    fusion: {
      ml: part('ml', scores.ml === null ? (input.modelNote ?? `No model for ${title}`) : null),
      linguistic: part('linguistic', linguistic.score === null ? 'None of its features was measured' : `${linguistic.measured} of ${linguistic.terms} rubric features measured`),
      behavioural: part('behavioural', behavioural.score === null ? 'None of its features was measured' : `${behavioural.measured} of ${behavioural.terms} rubric features measured`),
      confidenceAdjustment: { weight: input.weights.confidenceAdjustment, effectiveWeight: round(effective.confidenceAdjustment, 4), pull: round(score - mean, 4) },
      evidenceMean: round(mean, 4),
      redistributed: missing.length === 0 || missingWeight === 0 ? null : redistributionNote(title, missing, input.weights, effective),
    },
    evidence: topEvidence(input.features, perSource),
  };
}

function scaleMap(map: ReadonlyMap<string, number>, factor: number): Map<string, number> {
  return new Map([...map].map(([name, value]) => [name, value * factor]));
}

const sourceNames: Record<Source | 'confidenceAdjustment', string> = { ml: 'model', linguistic: 'linguistic', behavioural: 'behavioural', confidenceAdjustment: 'confidence adjustment' };

function redistributionNote(title: string, missing: readonly Source[], configured: SkillWeights, effective: Record<Source | 'confidenceAdjustment', number>): string {
  const gone = missing.map((source) => `${sourceNames[source]} ${configured[source]}`).join(' and ');
  const now = (['ml', 'linguistic', 'behavioural', 'confidenceAdjustment'] as const)
    .filter((key) => effective[key] > 0)
    .map((key) => `${sourceNames[key]} ${round(effective[key], 3)}`)
    .join(', ');
  if (now === '') return `${title} lacked ${missing.map((source) => sourceNames[source]).join(' and ')} evidence, which held all its weight: the remaining sources counted alike`;
  const why = missing.includes('ml') ? `${title} was inferred without a model` : `${title} lacked ${missing.map((source) => sourceNames[source]).join(' and ')} evidence`;
  return `${why}: its weight (${gone}) was shared in proportion among the rest, now ${now}`;
}
