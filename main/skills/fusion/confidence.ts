import type { Confidence } from '../schema-results';

/**
 * How far to trust one skill's score, from four components in 0–1, combined by fixed weights
 * over those that could be measured:
 * - modelSpread (0.4): the standard deviation of the rating predicted by the model and its
 *   bootstrap replicas (the same training split resampled with replacement, trained alike).
 *   Boosted trees are fitted one on another's residuals, so the spread of single trees says
 *   nothing about uncertainty; the spread of whole models trained on resampled data does.
 *   1 / (1 + (sd / 0.3)²): an sd of 0.3 points gives 0.5. Imported models have no replicas.
 * - agreement (0.2): 1 − (highest − lowest source score) / 4 across model, linguistic and behavioural.
 * - extremity (0.2): 1 − 0.5 × ((mean − 3) / 2)²: scores near the scale's ends rest on the
 *   fewest people like them, so they fall to 0.5 at 1 or 5.
 * - completeness (0.2): the share of the 26 features measured, times min(1, words / 150):
 *   a short transcript measures every rate but measures it on little.
 */
export const confidenceWeights = { modelSpread: 0.4, agreement: 0.2, extremity: 0.2, completeness: 0.2 } as const;
export const enoughWords = 150;

export interface ConfidenceInput {
  /** Predictions of the model and its replicas (already clamped to 1–5); null when no model was used. */
  modelPredictions: readonly number[] | null;
  modelNote: string;
  sourceScores: readonly number[];
  evidenceMean: number;
  measuredFeatures: number;
  totalFeatures: number;
  words: number;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

export function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
}

export function confidenceOf(input: ConfidenceInput): Confidence {
  const predictions = input.modelPredictions;
  const spread = predictions !== null && predictions.length >= 2 ? standardDeviation(predictions) : null;
  const parts = {
    modelSpread:
      spread === null
        ? { value: null, detail: predictions === null ? input.modelNote : 'The model has no bootstrap replicas, so its spread was not measured' }
        : { value: round3(1 / (1 + (spread / 0.3) ** 2)), detail: `sd ${spread.toFixed(3)} points across the model and ${predictions!.length - 1} bootstrap replicas` },
    agreement:
      input.sourceScores.length < 2
        ? { value: null, detail: 'Only one source of evidence' }
        : (() => {
            const range = Math.max(...input.sourceScores) - Math.min(...input.sourceScores);
            return { value: round3(1 - range / 4), detail: `sources ${range.toFixed(2)} points apart` };
          })(),
    extremity: { value: round3(1 - 0.5 * ((input.evidenceMean - 3) / 2) ** 2), detail: `evidence mean ${input.evidenceMean.toFixed(2)} on 1–5` },
    completeness: {
      value: round3((input.measuredFeatures / input.totalFeatures) * Math.min(1, input.words / enoughWords)),
      detail: `${input.measuredFeatures} of ${input.totalFeatures} features measured on ${input.words} words`,
    },
  };
  const keys = Object.keys(confidenceWeights) as Array<keyof typeof confidenceWeights>;
  const usedWeight = keys.reduce((sum, key) => sum + (parts[key].value === null ? 0 : confidenceWeights[key]), 0);
  const components = Object.fromEntries(
    keys.map((key) => [key, { ...parts[key], weight: parts[key].value === null ? 0 : round3(confidenceWeights[key] / usedWeight) }]),
  ) as Confidence['components'];
  const value = keys.reduce((sum, key) => sum + (parts[key].value ?? 0) * (parts[key].value === null ? 0 : confidenceWeights[key] / usedWeight), 0);
  return { value: round3(value), components };
}
