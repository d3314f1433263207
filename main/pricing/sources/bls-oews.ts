import type { PayBasis, PercentileSet, WageValue } from '../types';
import { parseTsv } from './files';

/**
 * BLS OEWS May 2024 national estimates. The figures describe the pay period that includes
 * 12 May 2024 (OEWS's reference period), which is the date they are aged from.
 */
export const blsSource = {
  id: 'bls-oews-2024',
  name: 'BLS OEWS May 2024 (national)',
  publisher: 'U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics',
  licence: 'U.S. federal government work, public domain',
  dataYear: 2024,
  effectiveDate: '2024-05-12',
  currency: 'USD',
} as const;

/** BLS `#`: the wage is at least this much; the published figure is a floor, shown as "≥". */
export const topCodeFloor: Record<PayBasis, number> = { annual: 239_200, hourly: 115 };

/** `#` is a floor, `*` (no wage estimate) and `**` (no employment estimate) are no figure at all. */
export function parseBlsWage(cell: string | undefined, basis: PayBasis): WageValue | null {
  const text = (cell ?? '').trim();
  if (text === '#') return { value: topCodeFloor[basis], topCoded: true };
  if (text === '' || text.startsWith('*')) return null;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) && value > 0 ? { value, topCoded: false } : null;
}

export function parseBlsCount(cell: string | undefined): number | null {
  const text = (cell ?? '').trim().replace(/,/g, '');
  if (text === '' || text.startsWith('*')) return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

export interface OewsOccupation {
  code: string;
  title: string;
  employment: number | null;
  annual: PercentileSet;
  hourly: PercentileSet;
  annualMean: WageValue | null;
  hourlyMean: WageValue | null;
  /** BLS publishes only annual (e.g. teachers) or only hourly (e.g. actors) wages for some jobs. */
  annualOnly: boolean;
  hourlyOnly: boolean;
}

const columnsOf = (prefix: 'A' | 'H'): Record<keyof PercentileSet, string> => ({
  p10: `${prefix}_PCT10`,
  p25: `${prefix}_PCT25`,
  p50: `${prefix}_MEDIAN`,
  p75: `${prefix}_PCT75`,
  p90: `${prefix}_PCT90`,
});

function percentilesOf(row: Record<string, string>, basis: PayBasis): PercentileSet {
  const columns = columnsOf(basis === 'annual' ? 'A' : 'H');
  return {
    p10: parseBlsWage(row[columns.p10], basis),
    p25: parseBlsWage(row[columns.p25], basis),
    p50: parseBlsWage(row[columns.p50], basis),
    p75: parseBlsWage(row[columns.p75], basis),
    p90: parseBlsWage(row[columns.p90], basis),
  };
}

export interface OewsNational {
  /** The detailed occupations. */
  occupations: OewsOccupation[];
  /** 00-0000 All Occupations: the national median that state factors are divided by. */
  allOccupations: OewsOccupation;
}

export function parseOewsNational(text: string): OewsNational {
  const rows = parseTsv(text).map((row) => ({ group: row.O_GROUP, occupation: occupationOf(row) }));
  const total = rows.find((row) => row.group === 'total')?.occupation;
  if (total === undefined) throw new Error('The OEWS national file has no All Occupations (00-0000) row');
  return { occupations: rows.filter((row) => row.group === 'detailed').map((row) => row.occupation), allOccupations: total };
}

function occupationOf(row: Record<string, string>): OewsOccupation {
  return {
    code: row.OCC_CODE!,
    title: row.OCC_TITLE!,
    employment: parseBlsCount(row.TOT_EMP),
    annual: percentilesOf(row, 'annual'),
    hourly: percentilesOf(row, 'hourly'),
    annualMean: parseBlsWage(row.A_MEAN, 'annual'),
    hourlyMean: parseBlsWage(row.H_MEAN, 'hourly'),
    annualOnly: row.ANNUAL === 'TRUE',
    hourlyOnly: row.HOURLY === 'TRUE',
  };
}
