import type { PercentileSet } from '../types';

export interface MinimumSampleRule {
  /** Fewer data points than this: no percentile is shown. */
  hideBelow: number;
  /** Fewer than this (but enough to show): only P25, P50 and P75; the tails need more data. */
  middleOnlyBelow: number;
}

export type Shown = 'all' | 'middle' | 'none';

export interface SampleDecision {
  percentiles: PercentileSet;
  shown: Shown;
  note: string | null;
}

/** The minimum sample rule of survey practice: too few → hidden, few → P25–P75 only. */
export function applySampleRule(percentiles: PercentileSet, sample: number | null, rule: MinimumSampleRule): SampleDecision {
  if (sample === null) return { percentiles, shown: 'all', note: 'The sample size is not published, so the minimum sample rule could not be checked.' };
  if (sample < rule.hideBelow) {
    return {
      percentiles: { p10: null, p25: null, p50: null, p75: null, p90: null },
      shown: 'none',
      note: `Only ${sample} data points, fewer than the minimum of ${rule.hideBelow}: percentiles are not shown.`,
    };
  }
  if (sample < rule.middleOnlyBelow) {
    return {
      percentiles: { ...percentiles, p10: null, p90: null },
      shown: 'middle',
      note: `${sample} data points, fewer than ${rule.middleOnlyBelow}: only P25–P75 are shown.`,
    };
  }
  return { percentiles, shown: 'all', note: null };
}
