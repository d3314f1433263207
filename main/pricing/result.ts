import type { PriceRequest } from './contributors';
import type { PriceComputation } from './price';
import type { PricingResult } from './schema';
import { formatWage, roundWage } from './math/wage';
import { percentileKeys, type MatchedJob, type WageValue } from './types';

export interface ResultContext {
  id: string;
  createdAt: number;
  rerunOf: string | null;
  detectedLevel: string | null;
  readAs: string[];
  matches: MatchedJob[];
  explanation: PricingResult['explanation'];
  dataVersions: PricingResult['dataVersions'];
  attribution: string[];
}

/** The computation in the contract's shape: rounded figures with their display text. */
export function toResult(request: PriceRequest, computation: PriceComputation, context: ResultContext): PricingResult {
  const shown = (wage: WageValue | null) =>
    wage === null ? null : { value: roundWage(wage.value, request.payBasis), topCoded: wage.topCoded, display: formatWage(wage, request.currency, request.payBasis) };
  const percentiles = Object.fromEntries(percentileKeys.map((key) => [key, shown(computation.percentiles[key])])) as PricingResult['percentiles'];
  const used = new Set(computation.contributors.map((contributor) => `${contributor.match.sourceId}\t${contributor.match.code}`));
  return {
    id: context.id,
    createdAt: context.createdAt,
    rerunOf: context.rerunOf,
    request,
    detectedLevel: context.detectedLevel,
    readAs: context.readAs,
    matches: context.matches.map((match) => ({
      kind: match.kind,
      code: match.code,
      soc: match.soc,
      title: match.title,
      score: Math.round(match.score * 1000) / 1000,
      why: match.why,
      sourceId: match.sourceId,
      wageCode: match.wageCode,
      hasWages: match.kind === 'survey' || match.wageCode !== null,
      used: used.has(`${match.sourceId}\t${match.code}`),
    })),
    payBasis: request.payBasis,
    currency: request.currency,
    percentiles,
    percentilesShown: computation.shown,
    sample: computation.sample,
    scenarios: computation.scenarios.map((scenario) => ({
      name: scenario.name,
      percentile: scenario.percentile,
      value: scenario.wage === null ? null : roundWage(scenario.wage.value, request.payBasis),
      topCoded: scenario.wage?.topCoded ?? false,
      interpolated: scenario.wage?.interpolated ?? false,
      display: scenario.wage === null ? null : formatWage(scenario.wage, request.currency, request.payBasis),
    })),
    confidence: computation.confidence,
    location: computation.location,
    aging: { to: request.effectiveDate, annualRate: computation.contributors[0]?.aging.annualRate ?? 0, method: 'compound' },
    benchmarks: computation.contributors.map((contributor) => ({
      sourceId: contributor.benchmark.sourceId,
      sourceName: contributor.benchmark.sourceName,
      code: contributor.benchmark.jobCode,
      title: contributor.benchmark.title,
      level: contributor.benchmark.level,
      location: contributor.benchmark.location,
      score: Math.round(contributor.match.score * 1000) / 1000,
      share: Math.round(contributor.share * 10_000) / 10_000,
      sample: contributor.benchmark.sample,
      effectiveDate: contributor.benchmark.effectiveDate,
      agingFactor: Math.round(contributor.aging.factor * 10_000) / 10_000,
      locationFactor: Math.round(contributor.locationFactor * 10_000) / 10_000,
    })),
    sources: computation.sources.map((source) => ({ id: source.sourceId, name: source.sourceName, share: Math.round(source.share * 10_000) / 10_000, sample: source.sample })),
    explanation: context.explanation,
    notes: computation.notes,
    dataVersions: context.dataVersions,
    attribution: context.attribution,
  };
}
