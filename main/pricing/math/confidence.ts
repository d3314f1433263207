export type ConfidenceFactorName = 'match' | 'sources' | 'sample' | 'recency';

export interface ConfidenceWeights {
  match: number;
  sources: number;
  sample: number;
  recency: number;
}

export interface ConfidenceFactor {
  name: ConfidenceFactorName;
  /** 0..1 */
  value: number;
  weight: number;
  detail: string;
}

export interface ConfidenceInputs {
  /** Weighted mean match score of the benchmarks used, 0..1. */
  matchScore: number;
  /** Distinct data sources that contributed. */
  sources: number;
  /** Data points behind the figures (employment or incumbents); null when unknown. */
  sample: number | null;
  /** Age in years of the oldest data used, at the effective date. */
  dataAgeYears: number;
}

const clamp = (value: number): number => Math.max(0, Math.min(1, value));

/** One source is a fair basis, two corroborate, three or more are as good as it gets. */
export const sourcesFactor = (sources: number): number => (sources <= 0 ? 0 : sources === 1 ? 0.6 : sources === 2 ? 0.85 : 1);
/** log10 scale: 10 data points 0.33, 100 → 0.67, 1,000 or more → 1; unknown counts as 10. */
export const sampleFactor = (sample: number | null): number => clamp(Math.log10(Math.max(1, sample ?? 10)) / 3);
/** Full marks up to a year old, then a quarter less per further year (nothing at five years). */
export const recencyFactor = (years: number): number => clamp(1 - Math.max(0, years - 1) / 4);

export function confidenceOf(inputs: ConfidenceInputs, weights: ConfidenceWeights): { score: number; factors: ConfidenceFactor[] } {
  const factors: ConfidenceFactor[] = [
    { name: 'match', value: clamp(inputs.matchScore), weight: weights.match, detail: `benchmarks match the job at ${inputs.matchScore.toFixed(2)} on average` },
    { name: 'sources', value: sourcesFactor(inputs.sources), weight: weights.sources, detail: `${inputs.sources} data source${inputs.sources === 1 ? '' : 's'}` },
    {
      name: 'sample',
      value: sampleFactor(inputs.sample),
      weight: weights.sample,
      detail: inputs.sample === null ? 'sample size not published' : `${inputs.sample.toLocaleString('en-US')} data points`,
    },
    { name: 'recency', value: recencyFactor(inputs.dataAgeYears), weight: weights.recency, detail: `data ${inputs.dataAgeYears.toFixed(1)} years old at the effective date` },
  ];
  const total = factors.reduce((sum, factor) => sum + factor.weight, 0);
  const score = total <= 0 ? 0 : Math.round((100 * factors.reduce((sum, factor) => sum + factor.weight * factor.value, 0)) / total);
  return { score, factors };
}
