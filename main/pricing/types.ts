/** Shared shapes of the pricing core (pure: no I/O here). */

export const percentileKeys = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;
export type PercentileKey = (typeof percentileKeys)[number];
export const percentileRanks: Record<PercentileKey, number> = { p10: 10, p25: 25, p50: 50, p75: 75, p90: 90 };

/** A published wage: exact, or a lower bound where the publisher top-codes it (BLS `#`). */
export interface WageValue {
  value: number;
  /** The true figure is at least `value` ("≥"). */
  topCoded: boolean;
}

export type PercentileSet = Record<PercentileKey, WageValue | null>;
export type PayBasis = 'annual' | 'hourly';

export const emptyPercentiles = (): PercentileSet => ({ p10: null, p25: null, p50: null, p75: null, p90: null });

/** One priced benchmark job of one source (a BLS occupation or a row of an analyst's survey). */
export interface Benchmark {
  id: number;
  sourceId: string;
  sourceName: string;
  jobCode: string;
  title: string;
  level: string | null;
  location: string | null;
  currency: string;
  payBasis: PayBasis;
  percentiles: PercentileSet;
  /** Employment (BLS) or incumbents (surveys); null when not published. */
  sample: number | null;
  companies: number | null;
  /** ISO date the figures describe (BLS: the May 2024 reference pay period). */
  effectiveDate: string;
}

/** A benchmark job that matched a request, with how well and why. */
export interface MatchedJob {
  kind: 'occupation' | 'survey';
  /** O*NET-SOC code (15-1252.00) for occupations, the survey's job code otherwise. */
  code: string;
  /** 6-digit SOC (15-1252) for occupations; null for survey jobs. */
  soc: string | null;
  title: string;
  /** 0..1: how close the request is to this job (cosine similarity blended over the legs). */
  score: number;
  /** Words a person can read: the alternate title or words that hit. */
  why: string[];
  /** For occupations, the BLS wage code it takes its wages from (null: BLS has no wages for it). */
  wageCode: string | null;
  /** For survey jobs, the benchmark row id. */
  benchmarkId: number | null;
  sourceId: string;
}
