import type { PricingResult } from '../../../../main/pricing/schema';

export type PercentileKey = 'p10' | 'p25' | 'p50' | 'p75' | 'p90';
export const percentileKeys: readonly PercentileKey[] = ['p10', 'p25', 'p50', 'p75', 'p90'];
export const percentileLabel = (key: PercentileKey): string => key.toUpperCase();

export type ScenarioName = PricingResult['scenarios'][number]['name'];
export const scenarioLabels: Record<ScenarioName, string> = {
  conservative: 'Conservative',
  market: 'Market',
  competitive: 'Competitive',
  premium: 'Premium',
};
export const scenarioHelp: Record<ScenarioName, string> = {
  conservative: 'Below the middle of the market: cheaper, harder to hire',
  market: 'The middle of the market',
  competitive: 'Above the middle, to win candidates',
  premium: 'Near the top of the market, for scarce skills',
};

export type FactorName = PricingResult['confidence']['factors'][number]['name'];
export const factorLabels: Record<FactorName, string> = {
  match: 'Match quality',
  sources: 'Number of sources',
  sample: 'Sample size',
  recency: 'Data recency',
};

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 164955 → "$164,955" (annual, whole units) or "$79.31" (hourly); unknown currency codes fall back to "164,955 XYZ". */
export function formatMoney(value: number, currency: string, payBasis: 'annual' | 'hourly'): string {
  const key = `${currency}:${payBasis}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    const digits = payBasis === 'hourly' ? 2 : 0;
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    } catch {
      format = new Intl.NumberFormat(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    moneyFormats.set(key, format);
  }
  return format.format(value);
}

/** "$120k"-style axis labels. */
export function formatMoneyShort(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
}

export const payBasisWords = (payBasis: 'annual' | 'hourly'): string => (payBasis === 'annual' ? 'a year' : 'an hour');

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatWhen = (at: number): string => dateTime.format(at);

const shareFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
export const formatShare = (share: number): string => shareFormat.format(share);

const two = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const formatScore = (score: number): string => two.format(score);

/** The percentiles the minimum sample rule hid, said plainly; null when it hid none. */
export function hiddenByRule(result: PricingResult, config: { hideBelow: number; middleOnlyBelow: number } | null): string | null {
  const points = result.sample === null ? 'an unknown number of' : new Intl.NumberFormat().format(result.sample);
  if (result.percentilesShown === 'none') {
    const rule = config === null ? '' : ` (fewer than ${config.hideBelow})`;
    return `No percentiles are shown: only ${points} data points stand behind this job${rule}, too few to publish a range under the minimum sample rule.`;
  }
  if (result.percentilesShown === 'middle') {
    const rule = config === null ? '' : ` (fewer than ${config.middleOnlyBelow})`;
    return `P10 and P90 are not shown: only ${points} data points stand behind this job${rule}, so the minimum sample rule shows just P25 to P75.`;
  }
  return null;
}
