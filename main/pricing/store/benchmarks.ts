import type { Database } from 'better-sqlite3';
import { percentileKeys, type Benchmark, type PayBasis, type PercentileSet } from '../types';

/** Top-coding is kept per percentile as one bit each: p10 = 1, p25 = 2, p50 = 4, p75 = 8, p90 = 16. */
export function topCodedMask(percentiles: PercentileSet): number {
  return percentileKeys.reduce((mask, key, index) => (percentiles[key]?.topCoded ? mask | (1 << index) : mask), 0);
}

export interface BenchmarkRow {
  id: number;
  source_id: string;
  source_name: string;
  job_code: string;
  title: string;
  level: string | null;
  location: string | null;
  currency: string;
  pay_basis: PayBasis;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  top_coded: number;
  sample: number | null;
  companies: number | null;
  effective_date: string;
}

export function benchmarkFromRow(row: BenchmarkRow): Benchmark {
  const percentiles = {} as PercentileSet;
  percentileKeys.forEach((key, index) => {
    const value = row[key];
    percentiles[key] = value === null ? null : { value, topCoded: (row.top_coded & (1 << index)) !== 0 };
  });
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    jobCode: row.job_code,
    title: row.title,
    level: row.level,
    location: row.location,
    currency: row.currency,
    payBasis: row.pay_basis,
    percentiles,
    sample: row.sample,
    companies: row.companies,
    effectiveDate: row.effective_date,
  };
}

export interface NewBenchmark extends Omit<Benchmark, 'id' | 'sourceName'> {
  description: string | null;
  sourceRow: number | null;
}

export function insertBenchmarks(db: Database, benchmarks: readonly NewBenchmark[]): number[] {
  const insert = db.prepare(`INSERT INTO pricing_benchmarks (source_id, job_code, title, description, level, location, currency, pay_basis,
    p10, p25, p50, p75, p90, top_coded, sample, companies, effective_date, source_row)
    VALUES (@sourceId, @jobCode, @title, @description, @level, @location, @currency, @payBasis, @p10, @p25, @p50, @p75, @p90, @topCoded,
    @sample, @companies, @effectiveDate, @sourceRow)`);
  return benchmarks.map((benchmark) => {
    const { percentiles, ...rest } = benchmark;
    const values = Object.fromEntries(percentileKeys.map((key) => [key, percentiles[key]?.value ?? null]));
    return Number(insert.run({ ...rest, ...values, topCoded: topCodedMask(percentiles) }).lastInsertRowid);
  });
}

const selectColumns = `b.id, b.source_id, s.name AS source_name, b.job_code, b.title, b.level, b.location, b.currency, b.pay_basis,
  b.p10, b.p25, b.p50, b.p75, b.p90, b.top_coded, b.sample, b.companies, b.effective_date`;

/** The benchmarks of one source for some job codes, on one pay basis. */
export function benchmarksByCode(db: Database, sourceId: string, codes: readonly string[], basis: PayBasis): Benchmark[] {
  if (codes.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${selectColumns} FROM pricing_benchmarks b JOIN pricing_sources s ON s.id = b.source_id
      WHERE b.source_id = ? AND b.pay_basis = ? AND b.job_code IN (${codes.map(() => '?').join(',')})`)
    .all(sourceId, basis, ...codes) as BenchmarkRow[];
  return rows.map(benchmarkFromRow);
}

export function benchmarksById(db: Database, ids: readonly number[]): Benchmark[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${selectColumns} FROM pricing_benchmarks b JOIN pricing_sources s ON s.id = b.source_id WHERE b.id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as BenchmarkRow[];
  return rows.map(benchmarkFromRow);
}
