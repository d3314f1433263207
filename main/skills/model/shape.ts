import { ApiError } from '../../api/errors';
import { featureCount, featureNames } from '../features/catalogue';

/**
 * Why a model's features do not match ours, or null when they do. A model must name exactly our
 * 26 features (in any order: rows are built by name); one trained on other columns would read
 * the wrong numbers and answer with confidence, so it is refused rather than half-used.
 */
export function featureShapeProblem(modelFeatures: readonly string[]): string | null {
  const ours = new Set(featureNames);
  const theirs = new Set(modelFeatures);
  const missing = featureNames.filter((name) => !theirs.has(name));
  const extra = [...theirs].filter((name) => !ours.has(name));
  const duplicated = modelFeatures.length !== theirs.size;
  if (missing.length === 0 && extra.length === 0 && !duplicated) return null;
  const parts = [`the model has ${modelFeatures.length} features, we have ${featureCount}`];
  if (missing.length > 0) parts.push(`missing from the model: ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`not ours: ${extra.join(', ')}`);
  if (duplicated) parts.push('some feature names appear twice');
  return `${parts.join('; ')}. A skill model must use exactly the features listed in resources/skills/FEATURES.md (any order).`;
}

export function assertFeatureShape(skillTitle: string, modelFeatures: readonly string[]): void {
  const problem = featureShapeProblem(modelFeatures);
  if (problem !== null) throw new ApiError('invalid_input', `The ${skillTitle} model does not fit: ${problem}`, 'model');
}
