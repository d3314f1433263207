import type { PriceComputation } from './price';
import type { PriceRequest } from './contributors';
import { formatWage } from './math/wage';
import { percentileKeys, type PercentileKey } from './types';
import { blsSource, topCodeFloor } from './sources/bls-oews';

const label: Record<PercentileKey, string> = { p10: 'P10', p25: 'P25', p50: 'P50', p75: 'P75', p90: 'P90' };
const percent = (value: number): string => `${(Math.round(value * 1000) / 10).toString()}%`;

/** The explanation that always works: every figure in it is one the computation produced. */
export function templateExplanation(request: PriceRequest, result: PriceComputation): string {
  const money = (wage: { value: number; topCoded: boolean }): string => formatWage(wage, request.currency, request.payBasis);
  const lines: string[] = [];
  const used = [...result.contributors].sort((a, b) => b.share - a.share);
  if (used.length === 0) {
    lines.push(`"${request.title}" could not be priced: ${result.notes[result.notes.length - 1] ?? 'no benchmark matched closely enough.'}`);
  } else {
    const names = used.slice(0, 3).map((item) => `${item.benchmark.title} (${item.benchmark.jobCode}, match ${item.match.score.toFixed(2)}, ${percent(item.share)} of the blend)`);
    lines.push(`"${request.title}" is priced from ${names.join('; ')}${used.length > 3 ? ` and ${used.length - 3} more` : ''}.`);
    const sources = result.sources.map((source) => `${source.sourceName} (${percent(source.share)})`).join(', ');
    lines.push(`Sources: ${sources}.`);
    const agings = new Map(used.map((item) => [item.aging.from, item.aging]));
    const from = [...agings.values()].map((aging) => `${aging.from} (×${aging.factor.toFixed(3)})`).join(' and ');
    lines.push(`Figures are ${request.payBasis} ${request.currency}, aged from ${from} to ${request.effectiveDate} at ${percent(used[0]!.aging.annualRate)} a year, compounded.`);
    lines.push(result.location.note);
    const shown = percentileKeys.filter((key) => result.percentiles[key] !== null);
    if (shown.length > 0) lines.push(`Percentiles: ${shown.map((key) => `${label[key]} ${money(result.percentiles[key]!)}`).join(', ')}.`);
    const scenarios = result.scenarios.filter((scenario) => scenario.wage !== null);
    if (scenarios.length > 0) {
      lines.push(`Scenarios: ${scenarios.map((scenario) => `${scenario.name} ${money(scenario.wage!)} (P${scenario.percentile}${scenario.wage!.interpolated ? ', interpolated' : ''})`).join(', ')}.`);
    }
    if (percentileKeys.some((key) => result.percentiles[key]?.topCoded)) {
      lines.push(`"≥" marks a floor: ${blsSource.name} top-codes wages at $${topCodeFloor.annual.toLocaleString('en-US')} a year ($${topCodeFloor.hourly} an hour); the true figure is at least that.`);
    }
  }
  if (used.length === 0) lines.push('Confidence 0/100: nothing was priced.');
  else lines.push(`Confidence ${result.confidence.score}/100: ${result.confidence.factors.map((factor) => `${factor.name} ${factor.value.toFixed(2)} (${factor.detail})`).join('; ')}.`);
  for (const note of result.notes) if (!lines.includes(note) && !lines[0]!.includes(note)) lines.push(note);
  return lines.join(' ');
}

/**
 * The hook for an explanation written by the local model: whatever it writes is kept only if
 * every number in it is one of the computed figures (within rounding), else the template stays.
 */
export type ExplanationWriter = (request: PriceRequest, result: PriceComputation, template: string) => Promise<{ text: string; model: string; template?: string } | null>;

/** Numbers in a text (1,234.5 / $98,000 / 3%), as plain values. */
export function numbersIn(text: string): number[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((token) => Number(token.replace(/,/g, ''))).filter((value) => Number.isFinite(value));
}

/** The numbers of `text` that are not within 0.5 % (or 0.01) of any allowed one. */
export function ungroundedNumbers(text: string, allowed: readonly number[]): number[] {
  return numbersIn(text).filter((value) => !allowed.some((known) => Math.abs(known - value) <= Math.max(0.01, Math.abs(known) * 0.005)));
}

/** Every number the template may say: figures, shares, factors, scores, dates' parts. */
export function allowedNumbers(template: string): number[] {
  return [...numbersIn(template), 10, 25, 50, 65, 75, 90, 100];
}
