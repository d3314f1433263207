import { percentileKeys, type PercentileSet, type WageValue } from '../types';

/** A top-coded floor stays a floor when scaled: ≥ $239,200 × 1.1 is ≥ $263,120. */
export const scaleWage = (wage: WageValue | null, factor: number): WageValue | null => (wage === null ? null : { value: wage.value * factor, topCoded: wage.topCoded });

export function scalePercentiles(percentiles: PercentileSet, factor: number): PercentileSet {
  const scaled = {} as PercentileSet;
  for (const key of percentileKeys) scaled[key] = scaleWage(percentiles[key], factor);
  return scaled;
}

export const hasAnyPercentile = (percentiles: PercentileSet): boolean => percentileKeys.some((key) => percentiles[key] !== null);

/** Annual figures to the dollar, hourly ones to the cent. */
export const roundWage = (value: number, basis: 'annual' | 'hourly'): number => (basis === 'annual' ? Math.round(value) : Math.round(value * 100) / 100);

const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', CAD: 'CA$', AUD: 'A$', SGD: 'S$' };

/** "$123,400", "≥ $239,200", "€41.20"; a figure that is a floor always carries "≥". */
export function formatWage(wage: WageValue, currency: string, basis: 'annual' | 'hourly'): string {
  const rounded = roundWage(wage.value, basis);
  const number = rounded.toLocaleString('en-US', basis === 'annual' ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const symbol = symbols[currency];
  const money = symbol === undefined ? `${number} ${currency}` : `${symbol}${number}`;
  return wage.topCoded ? `≥ ${money}` : money;
}
