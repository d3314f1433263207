import type { Database } from 'better-sqlite3';
import type { PriceLookups } from '../contributors';
import { resolveLocation, type AnalystLocationFactor } from '../math/location';
import { blsSource } from '../sources/bls-oews';
import type { StateFactor } from '../sources/states';
import type { Benchmark, MatchedJob, PayBasis } from '../types';
import { benchmarkFromRow, type BenchmarkRow } from './benchmarks';

export function loadStateFactors(db: Database): StateFactor[] {
  return db.prepare('SELECT code, name, factor, state_median AS stateMedian, national_median AS nationalMedian FROM pricing_state_factors ORDER BY code').all() as StateFactor[];
}

export function loadAnalystFactors(db: Database): AnalystLocationFactor[] {
  return db
    .prepare('SELECT location, location_key AS key, kind, job_family AS jobFamily, factor, source_name AS sourceName FROM pricing_location_factors ORDER BY id')
    .all() as AnalystLocationFactor[];
}

const benchmarkSql = `SELECT b.id, b.source_id, s.name AS source_name, b.job_code, b.title, b.level, b.location, b.currency, b.pay_basis,
  b.p10, b.p25, b.p50, b.p75, b.p90, b.top_coded, b.sample, b.companies, b.effective_date
  FROM pricing_benchmarks b JOIN pricing_sources s ON s.id = b.source_id`;

/**
 * Storage behind pricing, read once and kept: BLS figures (1,662 rows), state factors and the
 * analyst's location table. Survey rows are read per request (they change with imports).
 */
export class PricingLookups {
  private bls = new Map<string, Benchmark>();
  private states: StateFactor[] = [];
  private analyst: AnalystLocationFactor[] = [];

  constructor(private readonly db: Database) {
    this.reload();
  }

  reload(): void {
    const rows = this.db.prepare(`${benchmarkSql} WHERE b.source_id = ?`).all(blsSource.id) as BenchmarkRow[];
    this.bls = new Map(rows.map((row) => [`${row.job_code}\t${row.pay_basis}`, benchmarkFromRow(row)]));
    this.states = loadStateFactors(this.db);
    this.reloadLocations();
  }

  reloadLocations(): void {
    this.analyst = loadAnalystFactors(this.db);
  }

  stateFactors(): StateFactor[] {
    return this.states;
  }

  forBasis(basis: PayBasis): PriceLookups {
    return {
      benchmarksOf: (match: MatchedJob) => {
        if (match.kind === 'occupation') {
          const found = match.wageCode === null ? undefined : this.bls.get(`${match.wageCode}\t${basis}`);
          return found === undefined ? [] : [found];
        }
        const rows = this.db.prepare(`${benchmarkSql} WHERE b.source_id = ? AND b.job_code = ? AND b.pay_basis = ?`).all(match.sourceId, match.code, basis) as BenchmarkRow[];
        return rows.map(benchmarkFromRow);
      },
      locate: (location, soc) => resolveLocation(location, soc, this.analyst, this.states),
    };
  }
}
