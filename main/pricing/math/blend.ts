import { emptyPercentiles, percentileKeys, type PercentileSet } from '../types';

export interface BlendPart {
  percentiles: PercentileSet;
  /** Relative say of this part; need not sum to one. */
  weight: number;
}

/**
 * A benchmark's say in a blend: its match score times the square root of its sample. The root
 * (the rate at which a sample's standard error shrinks) keeps a very large occupation from
 * drowning a closer, smaller one; an unknown sample counts as one.
 */
export const benchmarkWeight = (score: number, sample: number | null): number => score * Math.sqrt(Math.max(1, sample ?? 1));

/**
 * Weighted mean of each percentile over the parts that publish it (weights renormalised per
 * percentile). A blend with a top-coded part is itself a floor: shown as "≥".
 */
export function blendPercentiles(parts: readonly BlendPart[]): PercentileSet {
  const blended = emptyPercentiles();
  for (const key of percentileKeys) {
    let sum = 0;
    let weights = 0;
    let topCoded = false;
    for (const part of parts) {
      const wage = part.percentiles[key];
      if (wage === null || part.weight <= 0) continue;
      sum += wage.value * part.weight;
      weights += part.weight;
      topCoded ||= wage.topCoded;
    }
    blended[key] = weights > 0 ? { value: sum / weights, topCoded } : null;
  }
  return blended;
}
