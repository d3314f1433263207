import type { PricingConfig } from './config';
import { contributorsOf, type Contributor, type PriceLookups, type PriceRequest } from './contributors';
import { blendPercentiles } from './math/blend';
import { confidenceOf, type ConfidenceFactor } from './math/confidence';
import type { LocationResolution } from './math/location';
import { applySampleRule, type Shown } from './math/sample-rule';
import { scenariosOf, type Scenario } from './math/scenarios';
import { selectBenchmarks } from './select';
import { emptyPercentiles, percentileKeys, type MatchedJob, type PercentileSet } from './types';

export interface SourceShare {
  sourceId: string;
  sourceName: string;
  /** Share of this source in the final blend, 0..1. */
  share: number;
  percentiles: PercentileSet;
  sample: number | null;
}

export interface PricedContributor extends Contributor {
  /** Share of this benchmark in the final figures, 0..1. */
  share: number;
}

export interface PriceComputation {
  percentiles: PercentileSet;
  shown: Shown;
  sample: number | null;
  scenarios: Scenario[];
  confidence: { score: number; factors: ConfidenceFactor[] };
  location: LocationResolution;
  contributors: PricedContributor[];
  sources: SourceShare[];
  notes: string[];
}

const sumKnown = (values: Array<number | null>): number | null => (values.some((value) => value !== null) ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null);

/**
 * From matches to figures, with no I/O: benchmarks selected per source, each aged and moved to
 * the location, blended within its source (match score × √sample) and across sources (best match
 * × source weight), then the minimum sample rule, scenarios and confidence.
 */
export function computePrice(request: PriceRequest, matches: readonly MatchedJob[], lookups: PriceLookups, config: PricingConfig): PriceComputation {
  const { sources: selected, notes } = selectBenchmarks(matches, config.blend);
  const topSoc = matches.find((match) => match.soc !== null)?.soc ?? null;
  const location = lookups.locate(request.location, topSoc);
  if (location.factor === null) notes.push(location.note);

  const perSource: Array<{ sourceId: string; sourceName: string; weight: number; contributors: Contributor[] }> = [];
  for (const source of selected) {
    const contributors = source.matches.flatMap((match) => contributorsOf(match, request, location, lookups, config, notes));
    if (contributors.length === 0) continue;
    const weight = (config.sourceWeights[source.sourceId] ?? 1) * source.best;
    if (weight > 0) perSource.push({ sourceId: source.sourceId, sourceName: contributors[0]!.benchmark.sourceName, weight, contributors });
  }

  const totalWeight = perSource.reduce((sum, source) => sum + source.weight, 0);
  const sources: SourceShare[] = perSource.map((source) => ({
    sourceId: source.sourceId,
    sourceName: source.sourceName,
    share: totalWeight > 0 ? source.weight / totalWeight : 0,
    percentiles: blendPercentiles(source.contributors),
    sample: sumKnown(source.contributors.map((contributor) => contributor.benchmark.sample)),
  }));
  const contributors: PricedContributor[] = perSource.flatMap((source, index) => {
    const within = source.contributors.reduce((sum, contributor) => sum + contributor.weight, 0);
    return source.contributors.map((contributor) => ({ ...contributor, share: (sources[index]!.share * contributor.weight) / within }));
  });

  const blended = blendPercentiles(sources.map((source) => ({ percentiles: source.percentiles, weight: source.share })));
  for (const key of percentileKeys) {
    const missing = sources.filter((source) => source.percentiles[key] === null);
    if (missing.length > 0 && missing.length < sources.length) notes.push(`${key.toUpperCase()} comes only from the sources that publish it (not ${missing.map((source) => source.sourceName).join(', ')}).`);
  }
  const sample = sumKnown(sources.map((source) => source.sample));
  const decision = contributors.length === 0 ? { percentiles: emptyPercentiles(), shown: 'none' as const, note: 'No benchmark with wage figures matched closely enough to price this job.' } : applySampleRule(blended, sample, config.minimumSample);
  if (decision.note !== null) notes.push(decision.note);

  const matchScore = contributors.reduce((sum, contributor) => sum + contributor.share * contributor.match.score, 0);
  const dataAgeYears = Math.max(0, ...contributors.map((contributor) => contributor.aging.years));
  const scored = confidenceOf({ matchScore, sources: sources.length, sample, dataAgeYears }, config.confidenceWeights);
  // Nothing priced: nothing to be confident about, whatever the factors say.
  const confidence = contributors.length === 0 ? { ...scored, score: 0 } : scored;
  return {
    percentiles: decision.percentiles,
    shown: decision.shown,
    sample,
    scenarios: scenariosOf(decision.percentiles, config.scenarios),
    confidence,
    location,
    contributors,
    sources,
    notes: [...new Set(notes)],
  };
}
