import { describe, expect, it } from 'vitest';
import { defaultPricingConfig } from '../../../main/pricing/config';
import type { PriceLookups, PriceRequest } from '../../../main/pricing/contributors';
import { ageFactor } from '../../../main/pricing/math/aging';
import { benchmarkWeight, blendPercentiles } from '../../../main/pricing/math/blend';
import { confidenceOf, recencyFactor, sampleFactor, sourcesFactor } from '../../../main/pricing/math/confidence';
import { resolveLocation, type AnalystLocationFactor } from '../../../main/pricing/math/location';
import { applySampleRule } from '../../../main/pricing/math/sample-rule';
import { scenariosOf, valueAtPercentile } from '../../../main/pricing/math/scenarios';
import { formatWage, scalePercentiles } from '../../../main/pricing/math/wage';
import { computePrice } from '../../../main/pricing/price';
import { selectBenchmarks } from '../../../main/pricing/select';
import type { StateFactor } from '../../../main/pricing/sources/states';
import type { Benchmark, MatchedJob, PercentileSet } from '../../../main/pricing/types';

const wages = (p10: number | null, p25: number | null, p50: number | null, p75: number | null, p90: number | null, topCoded: string[] = []): PercentileSet => {
  const wage = (key: string, value: number | null) => (value === null ? null : { value, topCoded: topCoded.includes(key) });
  return { p10: wage('p10', p10), p25: wage('p25', p25), p50: wage('p50', p50), p75: wage('p75', p75), p90: wage('p90', p90) };
};

const states: StateFactor[] = [
  { code: 'CA', name: 'California', factor: 1.1503, stateMedian: 56_940, nationalMedian: 49_500 },
  { code: 'TX', name: 'Texas', factor: 0.9596, stateMedian: 47_500, nationalMedian: 49_500 },
];

describe('blending', () => {
  it('weighs each percentile by match score × √sample and keeps a top-coded part as a floor', () => {
    expect(benchmarkWeight(0.8, 10_000)).toBeCloseTo(80);
    expect(benchmarkWeight(0.5, null)).toBe(0.5);
    const blended = blendPercentiles([
      { percentiles: wages(40_000, 50_000, 60_000, 70_000, 80_000), weight: 3 },
      { percentiles: wages(60_000, 70_000, 80_000, 90_000, 239_200, ['p90']), weight: 1 },
    ]);
    expect(blended.p50).toEqual({ value: 65_000, topCoded: false });
    expect(blended.p90).toEqual({ value: (3 * 80_000 + 239_200) / 4, topCoded: true });
  });

  it('blends a percentile over the parts that publish it only', () => {
    const blended = blendPercentiles([
      { percentiles: wages(null, 50_000, 60_000, 70_000, null), weight: 1 },
      { percentiles: wages(30_000, 40_000, 50_000, 60_000, 70_000), weight: 1 },
    ]);
    expect(blended.p10).toEqual({ value: 30_000, topCoded: false });
    expect(blended.p25).toEqual({ value: 45_000, topCoded: false });
  });
});

describe('aging', () => {
  it('compounds the annual rate over the exact time between the dates', () => {
    const two = ageFactor('2024-05-12', '2026-05-12', 0.03);
    expect(two.factor).toBeCloseTo(1.0609, 3);
    expect(two.method).toBe('compound');
    expect(ageFactor('2024-05-12', '2024-05-12', 0.03).factor).toBe(1);
    expect(ageFactor('2024-05-12', '2023-05-12', 0.03).factor).toBeCloseTo(1 / 1.03, 3);
  });

  it('scales a floor into a floor', () => {
    const scaled = scalePercentiles(wages(1, 2, 3, 4, 239_200, ['p90']), 1.1).p90!;
    expect(scaled.value).toBeCloseTo(263_120, 6);
    expect(scaled.topCoded).toBe(true);
    expect(formatWage({ value: 263_120, topCoded: true }, 'USD', 'annual')).toBe('≥ $263,120');
    expect(formatWage({ value: 41.2, topCoded: false }, 'EUR', 'hourly')).toBe('€41.20');
  });
});

describe('location factors', () => {
  const analyst: AnalystLocationFactor[] = [
    { location: 'San Francisco, CA', key: 'san francisco, ca', kind: 'metro', jobFamily: '', factor: 1.35, sourceName: 'Ours' },
    { location: 'San Francisco, CA', key: 'san francisco, ca', kind: 'metro', jobFamily: '15', factor: 1.5, sourceName: 'Ours' },
  ];
  it("takes the analyst's table first, the most specific job family winning", () => {
    expect(resolveLocation('San Francisco, CA', '15-1252', analyst, states)).toMatchObject({ factor: 1.5, source: 'analyst' });
    expect(resolveLocation('San Francisco, CA', '29-1141', analyst, states)).toMatchObject({ factor: 1.35, source: 'analyst' });
  });
  it('falls back to the state factor, named by code, name or a city in it', () => {
    expect(resolveLocation('CA', null, [], states)).toMatchObject({ factor: 1.1503, source: 'bls-state' });
    expect(resolveLocation('Austin, TX', null, [], states)).toMatchObject({ factor: 0.9596, matched: 'Texas (TX)' });
    expect(resolveLocation('Houston TX', null, [], states).factor).toBe(0.9596);
    expect(resolveLocation('california', null, [], states).factor).toBe(1.1503);
  });
  it('says when no factor is known, and treats the U.S. as national', () => {
    const london = resolveLocation('London, UK', null, [], states);
    expect(london.factor).toBeNull();
    expect(london.note).toMatch(/No location factor is known for "London, UK"/);
    expect(resolveLocation('Remote', null, [], states)).toMatchObject({ factor: 1, source: 'national' });
    expect(resolveLocation(undefined, null, [], states)).toMatchObject({ factor: 1, requested: null });
  });
});

describe('minimum sample rule', () => {
  const rule = { hideBelow: 5, middleOnlyBelow: 10 };
  it('hides every percentile under the minimum and the tails when data is thin', () => {
    const full = wages(1, 2, 3, 4, 5);
    expect(applySampleRule(full, 4, rule)).toMatchObject({ shown: 'none', percentiles: wages(null, null, null, null, null) });
    expect(applySampleRule(full, 7, rule)).toMatchObject({ shown: 'middle', percentiles: wages(null, 2, 3, 4, null) });
    expect(applySampleRule(full, 10, rule)).toMatchObject({ shown: 'all', note: null });
  });
});

describe('scenarios', () => {
  const band = wages(40_000, 50_000, 60_000, 80_000, 239_200, ['p90']);
  it('read published percentiles as they are and interpolate between them', () => {
    expect(valueAtPercentile(band, 50)).toEqual({ value: 60_000, topCoded: false, interpolated: false });
    expect(valueAtPercentile(band, 65)).toEqual({ value: 72_000, topCoded: false, interpolated: true });
    expect(valueAtPercentile(band, 80)?.topCoded).toBe(true);
    expect(valueAtPercentile(band, 95)).toBeNull();
    expect(valueAtPercentile(wages(null, 50_000, 60_000, null, null), 65)).toBeNull();
  });
  it('map each scenario to its configured percentile', () => {
    const scenarios = scenariosOf(band, { conservative: 25, market: 50, competitive: 65, premium: 75 });
    expect(scenarios.map((scenario) => [scenario.name, scenario.wage?.value])).toEqual([
      ['conservative', 50_000],
      ['market', 60_000],
      ['competitive', 72_000],
      ['premium', 80_000],
    ]);
  });
});

describe('confidence', () => {
  it('combines match, sources, sample and recency with their weights', () => {
    expect(sourcesFactor(1)).toBe(0.6);
    expect(sampleFactor(1000)).toBe(1);
    expect(sampleFactor(10)).toBeCloseTo(1 / 3);
    expect(recencyFactor(0.5)).toBe(1);
    expect(recencyFactor(3)).toBe(0.5);
    const result = confidenceOf({ matchScore: 0.9, sources: 2, sample: 100, dataAgeYears: 2 }, { match: 0.4, sources: 0.2, sample: 0.2, recency: 0.2 });
    expect(result.score).toBe(Math.round(100 * (0.4 * 0.9 + 0.2 * 0.85 + 0.2 * (2 / 3) + 0.2 * 0.75)));
    expect(result.factors.map((factor) => factor.name)).toEqual(['match', 'sources', 'sample', 'recency']);
  });
});

const match = (code: string, score: number, wageCode: string | null, sourceId = 'bls-oews-2024', kind: MatchedJob['kind'] = 'occupation'): MatchedJob => ({
  kind, code, soc: kind === 'occupation' ? code.slice(0, 7) : null, title: `Job ${code}`, score, why: [], wageCode, benchmarkId: null, sourceId,
});

const benchmark = (jobCode: string, percentiles: PercentileSet, sample: number | null, extra: Partial<Benchmark> = {}): Benchmark => ({
  id: 1, sourceId: 'bls-oews-2024', sourceName: 'BLS', jobCode, title: `Job ${jobCode}`, level: null, location: 'US', currency: 'USD', payBasis: 'annual',
  percentiles, sample, companies: null, effectiveDate: '2024-05-12', ...extra,
});

describe('choosing benchmarks', () => {
  it('keeps close matches with wages, folds O*NET codes onto one wage code, and never prices from far weaker ones', () => {
    const { sources, notes } = selectBenchmarks(
      [match('55-1016.00', 0.9, null), match('33-3051.00', 0.4, '33-3051'), match('15-1252.00', 0.5, '15-1252')],
      defaultPricingConfig().blend,
    );
    expect(sources).toEqual([]);
    expect(notes[0]).toMatch(/BLS publishes no wage data/);
    const picked = selectBenchmarks([match('29-1141.00', 0.86, '29-1141'), match('29-1141.01', 0.8, '29-1141'), match('29-1171.00', 0.75, '29-1171'), match('25-1072.00', 0.5, '25-1072')], defaultPricingConfig().blend);
    expect(picked.sources[0]!.matches.map((item) => [item.code, item.score])).toEqual([['29-1141.00', 0.86], ['29-1171.00', 0.75]]);
  });
});

describe('pricing a job from known figures', () => {
  const request: PriceRequest = { title: 'Nurse', description: null, location: 'CA', level: null, payBasis: 'annual', currency: 'USD', effectiveDate: '2026-05-12' };
  const figures: Record<string, Benchmark> = {
    '29-1141': benchmark('29-1141', wages(60_000, 70_000, 80_000, 90_000, 100_000), 3_000_000),
    '29-1171': benchmark('29-1171', wages(90_000, 100_000, 120_000, 140_000, 239_200, ['p90']), 300_000),
  };
  const lookups: PriceLookups = {
    benchmarksOf: (item) => (item.wageCode === null || figures[item.wageCode] === undefined ? [] : [figures[item.wageCode]!]),
    locate: (location, soc) => resolveLocation(location, soc, [], states),
  };

  it('blends, ages, moves to the state and gives scenarios and confidence', () => {
    const config = defaultPricingConfig();
    const result = computePrice(request, [match('29-1141.00', 0.9, '29-1141'), match('29-1171.00', 0.8, '29-1171')], lookups, config);
    const w1 = 0.9 * Math.sqrt(3_000_000);
    const w2 = 0.8 * Math.sqrt(300_000);
    const factor = ageFactor('2024-05-12', '2026-05-12', 0.03).factor * 1.1503;
    expect(result.percentiles.p50!.value).toBeCloseTo(((w1 * 80_000 + w2 * 120_000) / (w1 + w2)) * factor, 6);
    expect(result.percentiles.p90!.topCoded).toBe(true);
    expect(result.contributors.map((item) => item.share).reduce((a, b) => a + b)).toBeCloseTo(1);
    expect(result.sample).toBe(3_300_000);
    expect(result.location.factor).toBe(1.1503);
    expect(result.scenarios.find((item) => item.name === 'competitive')!.wage!.interpolated).toBe(true);
    expect(result.confidence.factors.find((item) => item.name === 'sources')!.value).toBe(0.6);
    expect(result.confidence.score).toBeGreaterThan(50);
  });

  it('says when no location factor is known and leaves the figures national', () => {
    const result = computePrice({ ...request, location: 'Paris, France' }, [match('29-1141.00', 0.9, '29-1141')], lookups, defaultPricingConfig());
    expect(result.location.factor).toBeNull();
    expect(result.notes.some((note) => note.includes('No location factor is known for "Paris, France"'))).toBe(true);
    expect(result.contributors[0]!.locationFactor).toBe(1);
  });

  it('applies the minimum sample rule to survey data and prices nothing from nothing', () => {
    const survey = benchmark('ENG3', wages(100, 110, 120, 130, 140), 7, { sourceId: 's1', sourceName: 'Survey', location: 'CA' });
    const surveyLookups: PriceLookups = { ...lookups, benchmarksOf: () => [survey] };
    const thin = computePrice(request, [match('ENG3', 0.9, null, 's1', 'survey')], surveyLookups, defaultPricingConfig());
    expect(thin.shown).toBe('middle');
    expect(thin.percentiles.p10).toBeNull();
    expect(thin.percentiles.p50!.value).toBeCloseTo(120 * ageFactor('2024-05-12', '2026-05-12', 0.03).factor, 6);
    expect(thin.contributors[0]!.locationFactor).toBe(1);
    const none = computePrice(request, [], lookups, defaultPricingConfig());
    expect(none.shown).toBe('none');
    expect(none.confidence.score).toBe(0);
  });
});
