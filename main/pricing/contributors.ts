import type { PricingConfig } from './config';
import { ageFactor, type Aging } from './math/aging';
import { benchmarkWeight } from './math/blend';
import { isNational, locationKey, type LocationResolution } from './math/location';
import { hasAnyPercentile, scalePercentiles } from './math/wage';
import type { Benchmark, MatchedJob, PercentileSet } from './types';

export interface PriceRequest {
  title: string;
  description: string | null;
  location: string | null;
  level: string | null;
  payBasis: 'annual' | 'hourly';
  currency: string;
  /** ISO date the result is aged to. */
  effectiveDate: string;
}

/** What pricing needs from storage, handed in so the arithmetic stays free of I/O. */
export interface PriceLookups {
  /** The benchmark rows of a selected match on the request's pay basis. */
  benchmarksOf(match: MatchedJob): Benchmark[];
  /** The location factor of a place, for an occupation (analyst tables may be per job family). */
  locate(location: string | null, soc: string | null): LocationResolution;
}

export interface Contributor {
  benchmark: Benchmark;
  match: MatchedJob;
  /** The benchmark's figures aged to the effective date and moved to the requested location. */
  percentiles: PercentileSet;
  weight: number;
  aging: Aging;
  locationFactor: number;
}

const sameLevel = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Survey rows at the requested level when the survey has it; otherwise all its levels, said so. */
export function rowsAtLevel(rows: Benchmark[], level: string | null, notes: string[]): Benchmark[] {
  if (level === null || rows.every((row) => row.level === null)) return rows;
  const same = rows.filter((row) => row.level !== null && sameLevel(row.level, level));
  if (same.length > 0) return same;
  const levels = [...new Set(rows.map((row) => row.level).filter((value) => value !== null))].join(', ');
  notes.push(`${rows[0]!.sourceName} has no level "${level}" for ${rows[0]!.title}; its levels (${levels}) are blended.`);
  return rows;
}

/**
 * How a benchmark's location relates to the requested one: national figures take the request's
 * factor; figures for the requested place need none; figures for another place are moved by the
 * ratio of the two factors, or left out when either factor is unknown.
 */
export function locationFactorFor(benchmark: Benchmark, requested: LocationResolution, request: PriceRequest, lookups: PriceLookups, soc: string | null): number | null {
  if (isNational(benchmark.location)) return requested.factor ?? 1;
  if (request.location !== null && locationKey(benchmark.location ?? '') === locationKey(request.location)) return 1;
  const own = lookups.locate(benchmark.location, soc);
  const target = requested.factor ?? (isNational(request.location) ? 1 : null);
  return own.factor !== null && target !== null ? target / own.factor : null;
}

export function contributorsOf(match: MatchedJob, request: PriceRequest, requested: LocationResolution, lookups: PriceLookups, config: PricingConfig, notes: string[]): Contributor[] {
  const contributors: Contributor[] = [];
  const all = lookups.benchmarksOf(match);
  const inCurrency = all.filter((row) => row.currency === request.currency);
  if (inCurrency.length < all.length) notes.push(`${match.title}: figures in ${[...new Set(all.map((row) => row.currency))].join(', ')} left out; no exchange rates are bundled, so only ${request.currency} is priced.`);
  if (all.length === 0) notes.push(`${match.title} (${match.code}): no ${request.payBasis} figures in ${match.sourceId}.`);
  for (const benchmark of rowsAtLevel(inCurrency, request.level, notes)) {
    if (!hasAnyPercentile(benchmark.percentiles)) {
      const other = request.payBasis === 'annual' ? 'hourly' : 'annual';
      notes.push(`${benchmark.sourceName} publishes no ${request.payBasis} wage estimate for ${benchmark.title} (${benchmark.jobCode}); it may publish ${other} figures (price it ${other}).`);
      continue;
    }
    if (benchmark.sample !== null && benchmark.sample < config.minimumSample.hideBelow) {
      notes.push(`${benchmark.title} in ${benchmark.sourceName}: ${benchmark.sample} data points, below the minimum of ${config.minimumSample.hideBelow}; left out.`);
      continue;
    }
    const locationFactor = locationFactorFor(benchmark, requested, request, lookups, match.soc);
    if (locationFactor === null) {
      notes.push(`${benchmark.title} in ${benchmark.sourceName} describes ${benchmark.location}; with no factor to move it to ${request.location ?? 'the U.S.'}, it is left out.`);
      continue;
    }
    const aging = ageFactor(benchmark.effectiveDate, request.effectiveDate, config.annualAgingRate);
    contributors.push({
      benchmark,
      match,
      percentiles: scalePercentiles(benchmark.percentiles, aging.factor * locationFactor),
      weight: benchmarkWeight(match.score, benchmark.sample),
      aging,
      locationFactor,
    });
  }
  return contributors;
}
