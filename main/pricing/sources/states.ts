import { parse } from 'csv-parse/sync';

/**
 * Default location factors from BLS OEWS May 2024 state estimates (all occupations): a state's
 * factor is its all-occupation annual median wage divided by the national all-occupation median
 * ($49,500). It is a coarse cost-of-labour differential: it mixes local pay levels with the
 * state's mix of occupations, so it is shown as such and an analyst's own table takes precedence.
 */
export interface StateFactor {
  /** Two-letter postal code (CA); DC, GU, PR and VI included. */
  code: string;
  name: string;
  factor: number;
  stateMedian: number;
  nationalMedian: number;
}

export const stateFactorMethod = 'state all-occupation median ÷ national all-occupation median (BLS OEWS May 2024)';

export function deriveStateFactors(csvText: string, nationalMedian: number): StateFactor[] {
  const rows = parse(csvText, { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const factors: StateFactor[] = [];
  for (const row of rows) {
    const median = Number(row.A_MEDIAN);
    if (!Number.isFinite(median) || median <= 0 || !row.PRIM_STATE) continue; // never invent a factor
    factors.push({
      code: row.PRIM_STATE,
      name: row.AREA_TITLE ?? row.PRIM_STATE,
      factor: Math.round((median / nationalMedian) * 10_000) / 10_000,
      stateMedian: median,
      nationalMedian,
    });
  }
  return factors;
}
