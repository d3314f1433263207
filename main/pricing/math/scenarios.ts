import { percentileKeys, percentileRanks, type PercentileSet, type WageValue } from '../types';

export type ScenarioName = 'conservative' | 'market' | 'competitive' | 'premium';
export const scenarioNames: readonly ScenarioName[] = ['conservative', 'market', 'competitive', 'premium'];
export type ScenarioPercentiles = Record<ScenarioName, number>;

export interface PercentilePoint extends WageValue {
  /** Read between two published percentiles rather than published itself. */
  interpolated: boolean;
}

/**
 * The wage at any rank from 10 to 90: a published percentile, or a straight line between the two
 * around it. Outside P10–P90, or next to a missing one, there is no figure (never extrapolated).
 * Next to a top-coded floor the result is a floor too.
 */
export function valueAtPercentile(percentiles: PercentileSet, rank: number): PercentilePoint | null {
  const exact = percentileKeys.find((key) => percentileRanks[key] === rank);
  if (exact !== undefined) {
    const wage = percentiles[exact];
    return wage === null ? null : { ...wage, interpolated: false };
  }
  for (let index = 0; index < percentileKeys.length; index += 1) {
    const key = percentileKeys[index]!;
    const at = percentileRanks[key];
    const nextKey = percentileKeys[index + 1];
    if (nextKey === undefined || rank < at || rank > percentileRanks[nextKey]) continue;
    const low = percentiles[key];
    const high = percentiles[nextKey];
    if (low === null || high === null) return null;
    const share = (rank - at) / (percentileRanks[nextKey] - at);
    return { value: low.value + share * (high.value - low.value), topCoded: low.topCoded || high.topCoded, interpolated: true };
  }
  return null;
}

export interface Scenario {
  name: ScenarioName;
  percentile: number;
  wage: PercentilePoint | null;
}

export const scenariosOf = (percentiles: PercentileSet, mapping: ScenarioPercentiles): Scenario[] =>
  scenarioNames.map((name) => ({ name, percentile: mapping[name], wage: valueAtPercentile(percentiles, mapping[name]) }));
