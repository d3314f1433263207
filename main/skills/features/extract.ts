import type { AnswerEvidence, FeatureSet, FeatureValue } from '../schema';
import { behaviouralFeatures } from './behavioural';
import { featureSpec, featureSpecs, normalise } from './catalogue';
import { skillLexicon } from './lexicon';
import { linguisticFeatures, type Measured } from './linguistic';
import { tokensOf } from './text';

/**
 * Engagement, the one derived feature: the mean of the normalised answer length, elaboration and
 * lexical diversity, and promptness (1 − normalised latency) where latency was recorded. Each part
 * says the person engaged with the question; none alone does.
 */
function engagement(values: ReadonlyMap<string, number | null>, measured: ReadonlyMap<string, Measured>): Measured {
  const latency = values.get('response_latency');
  const parts = [values.get('answer_length'), values.get('elaboration'), values.get('lexical_diversity'), latency === null || latency === undefined ? null : 1 - latency].filter(
    (part): part is number => part !== null && part !== undefined,
  );
  if (parts.length === 0) return { raw: null, missing: 'The person gave no answers', quotes: [] };
  return { raw: Math.round((parts.reduce((sum, part) => sum + part, 0) / parts.length) * 10_000) / 10_000, missing: null, quotes: measured.get('answer_length')?.quotes ?? [] };
}

/** The 26 features of a person's answers, in the catalogue's order. */
export function extractFeatures(answers: readonly AnswerEvidence[], source: FeatureSet['source']): FeatureSet {
  const measured = new Map<string, Measured>(Object.entries({ ...linguisticFeatures(answers), ...behaviouralFeatures(answers) }));
  const values = new Map<string, number | null>();
  for (const [name, figure] of measured) values.set(name, figure.raw === null ? null : normalise(featureSpec(name), figure.raw));
  measured.set('engagement_index', engagement(values, measured));
  const features: FeatureValue[] = featureSpecs.map((spec) => {
    const figure = measured.get(spec.name) ?? { raw: null, missing: 'Not measured', quotes: [] };
    return {
      name: spec.name,
      group: spec.group,
      label: spec.label,
      unit: spec.unit,
      raw: figure.raw,
      value: figure.raw === null ? null : normalise(spec, figure.raw),
      missing: figure.raw === null ? figure.missing : null,
      quotes: figure.quotes,
    };
  });
  const lexicon = skillLexicon();
  return {
    source,
    answers: answers.length,
    words: answers.reduce((sum, answer) => sum + tokensOf(answer.text).length, 0),
    lexicon: { id: lexicon.id, version: lexicon.version },
    features,
  };
}

/** The 0–1 values by feature name (NaN where missing), as models read them. */
export function featureVector(set: FeatureSet): Map<string, number> {
  return new Map(set.features.map((feature) => [feature.name, feature.value ?? Number.NaN]));
}
