import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate';
import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalogue, ensureCatalogue, catalogueDataVersion } from '../../../main/pricing/build-catalogue';
import { parseBlsWage, parseOewsNational, topCodeFloor } from '../../../main/pricing/sources/bls-oews';
import { readSourceTexts } from '../../../main/pricing/sources/files';
import { socOf, wageCodeOf } from '../../../main/pricing/sources/soc-crosswalk';
import { deriveStateFactors } from '../../../main/pricing/sources/states';
import { benchmarksByCode } from '../../../main/pricing/store/benchmarks';
import { openPricingDatabase, withPricing } from './db';

describe('migration 005', () => {
  it('migrates an empty database and refuses a bad row', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db, withPricing)).toBe(5);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'pricing_%'").all() as Array<{ name: string }>).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['pricing_sources', 'pricing_benchmarks', 'pricing_requests', 'pricing_titles_fts', 'pricing_location_factors', 'pricing_config']));
    expect(() => db.prepare("INSERT INTO pricing_location_factors (source_name, location, location_key, kind, factor, imported_at) VALUES ('a', 'b', 'b', 'state', 0, 1)").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('BLS codes', () => {
  it('reads # as a top-coded floor, * and ** as no figure, and numbers as they are', () => {
    expect(parseBlsWage('#', 'annual')).toEqual({ value: 239_200, topCoded: true });
    expect(parseBlsWage('#', 'hourly')).toEqual({ value: topCodeFloor.hourly, topCoded: true });
    expect(parseBlsWage('*', 'annual')).toBeNull();
    expect(parseBlsWage('**', 'annual')).toBeNull();
    expect(parseBlsWage('', 'annual')).toBeNull();
    expect(parseBlsWage('98560', 'annual')).toEqual({ value: 98_560, topCoded: false });
  });

  it('keeps the national all-occupations median apart from the 831 detailed occupations', () => {
    const oews = parseOewsNational(readSourceTexts().oewsNational);
    expect(oews.occupations).toHaveLength(831);
    expect(oews.allOccupations.annual.p50).toEqual({ value: 49_500, topCoded: false });
  });
});

describe('O*NET to OEWS codes', () => {
  const oews = new Set(['15-1252', '13-1020', '31-1120', '21-1018']);
  it('maps 8-character O*NET codes to 6-digit SOC, and to the OEWS code that merges some', () => {
    expect(socOf('15-1252.00')).toBe('15-1252');
    expect(wageCodeOf('15-1252.00', oews)).toBe('15-1252');
    expect(wageCodeOf('13-1023.00', oews)).toBe('13-1020');
    expect(wageCodeOf('31-1121.00', oews)).toBe('31-1120');
    expect(wageCodeOf('21-1014.00', oews)).toBe('21-1018');
    expect(wageCodeOf('55-1016.00', oews)).toBeNull();
  });
});

describe('state factors', () => {
  it('are the state median over the national median', () => {
    const factors = deriveStateFactors('AREA,AREA_TITLE,PRIM_STATE,A_MEDIAN\n06,California,CA,56940\n01,Alabama,AL,*\n', 49_500);
    expect(factors).toEqual([{ code: 'CA', name: 'California', factor: 1.1503, stateMedian: 56_940, nationalMedian: 49_500 }]);
  });
});

describe('the catalogue built in a real database file', () => {
  let dir: string;
  let db: Database;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tw-pricing-catalogue-'));
    db = openPricingDatabase(dir);
    buildCatalogue(db, { now: () => 1_700_000_000_000 });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds every occupation, title, wage and state factor, with its data version', () => {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM pricing_occupations')).toBe(1016);
    expect(count('SELECT count(*) AS n FROM pricing_titles')).toBeGreaterThan(55_000);
    expect(count("SELECT count(*) AS n FROM pricing_benchmarks WHERE source_id = 'bls-oews-2024'")).toBe(831 * 2);
    expect(count('SELECT count(*) AS n FROM pricing_state_factors')).toBe(54);
    expect(count('SELECT count(*) AS n FROM pricing_vec_titles')).toBe(1016);
    const source = db.prepare("SELECT effective_date, licence FROM pricing_sources WHERE id = 'bls-oews-2024'").get() as { effective_date: string; licence: string };
    expect(source.effective_date).toBe('2024-05-12');
    expect(source.licence).toMatch(/public domain/);
  });

  it('keeps top-coding as a floor and "no estimate" as no figure', () => {
    const [anaesthetists] = benchmarksByCode(db, 'bls-oews-2024', ['29-1211'], 'annual');
    expect(anaesthetists!.percentiles.p10).toEqual({ value: 124_450, topCoded: false });
    expect(anaesthetists!.percentiles.p25).toEqual({ value: 186_680, topCoded: false });
    expect(anaesthetists!.percentiles.p50).toEqual({ value: 239_200, topCoded: true });
    expect(anaesthetists!.percentiles.p90).toEqual({ value: 239_200, topCoded: true });
    const [actorsAnnual] = benchmarksByCode(db, 'bls-oews-2024', ['27-2011'], 'annual');
    const [actorsHourly] = benchmarksByCode(db, 'bls-oews-2024', ['27-2011'], 'hourly');
    expect(Object.values(actorsAnnual!.percentiles).every((wage) => wage === null)).toBe(true);
    expect(actorsHourly!.percentiles.p50).toEqual({ value: 23.33, topCoded: false });
  });

  it('keeps occupations BLS has no wages for matchable, without a wage code', () => {
    const row = db.prepare("SELECT wage_code FROM pricing_occupations WHERE code = '55-1016.00'").get() as { wage_code: string | null };
    expect(row.wage_code).toBeNull();
    const merged = db.prepare("SELECT wage_code FROM pricing_occupations WHERE code = '31-1121.00'").get() as { wage_code: string };
    expect(merged.wage_code).toBe('31-1120');
  });

  it('is not built again while current, and is when the version differs', () => {
    expect(ensureCatalogue(db, { now: () => 2 }).builtAt).toBe(1_700_000_000_000);
    db.prepare("UPDATE pricing_meta SET value = json_set(value, '$.dataVersion', 'old') WHERE key = 'catalogue'").run();
    const rebuilt = ensureCatalogue(db, { now: () => 1_800_000_000_000 });
    expect(rebuilt.dataVersion).toBe(catalogueDataVersion);
    expect(rebuilt.builtAt).toBe(1_800_000_000_000);
  });

  it('migration 005 looks benchmarks up by code through its index', () => {
    expect(withPricing.at(-1)!.version).toBe(5);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM pricing_benchmarks WHERE source_id = ? AND job_code = ? AND pay_basis = 'annual'").all('x', 'y') as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX pricing_benchmarks_by_code/);
    const history = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM pricing_requests ORDER BY created_at DESC LIMIT 10').all() as Array<{ detail: string }>;
    expect(history.map((row) => row.detail).join(' ')).toMatch(/pricing_requests_by_time/);
  });
});
