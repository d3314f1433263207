/**
 * Builds the pricing catalogue inside the workstation database from the files in
 * resources/pricing. It runs on first use and again whenever `catalogueDataVersion` (the shipped
 * data or this build) changes; it takes a few seconds once. Building beats shipping a built
 * database: the repository keeps ~3 MB of plain, diffable source files with their provenance
 * instead of a ~10 MB binary, the result is the same on every machine (no randomness), and the
 * same code re-embeds the catalogue when another embedder is configured.
 */
import type { Database } from 'better-sqlite3';
import { modelCatalogue, occupationDocumentWords, type CatalogueModel } from './catalogue-model';
import { blsSource } from './sources/bls-oews';
import { readSourceTexts, type SourceTexts } from './sources/files';
import { insertBenchmarks, type NewBenchmark } from './store/benchmarks';
import { createVectorTables, indexSurveyBenchmarks, vectorTablesExist } from './store/vectors';
import { defaultDims, HashedTfidfEmbedder, vectorBlob } from './text/embedder';
import type { FeatureStats } from './text/features';
import { descriptionWords } from './text/normalise';

/** Bump when resources/pricing or the way it is built changes: stored catalogues are rebuilt. */
export const catalogueDataVersion = 'onet-30.0+bls-oews-2024-05/build-4';

export const onetAttribution =
  'This product includes information from the O*NET 30.0 Database by the U.S. Department of Labor, Employment and ' +
  'Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.';
export const blsAttribution = 'Wages: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024 (public domain).';

export interface CatalogueStatus {
  dataVersion: string;
  embedder: string;
  dims: number;
  builtAt: number;
  buildMs: number;
  occupations: number;
  titles: number;
  occupationsWithWages: number;
  states: number;
}

export interface BuildOptions {
  texts?: SourceTexts;
  dims?: number;
  now?: () => number;
  /** Skip the writing when another process built the current catalogue while this one prepared. */
  onlyIfStale?: boolean;
}

export function readCatalogueStatus(db: Database): CatalogueStatus | null {
  const row = db.prepare("SELECT value FROM pricing_meta WHERE key = 'catalogue'").get() as { value: string } | undefined;
  return row === undefined ? null : (JSON.parse(row.value) as CatalogueStatus);
}

export function isCatalogueCurrent(db: Database): boolean {
  return readCatalogueStatus(db)?.dataVersion === catalogueDataVersion && vectorTablesExist(db);
}

/** Builds the catalogue unless the stored one is current; returns its status either way. */
export function ensureCatalogue(db: Database, options: BuildOptions = {}): CatalogueStatus {
  const status = readCatalogueStatus(db);
  return status !== null && isCatalogueCurrent(db) ? status : buildCatalogue(db, { ...options, onlyIfStale: true });
}

function saveStats(db: Database, space: string, stats: FeatureStats): void {
  const insert = db.prepare('INSERT INTO pricing_features (space, feature, df) VALUES (?, ?, ?)');
  insert.run(space, '#documents', stats.documents);
  for (const [feature, df] of stats.df) insert.run(space, feature, df);
}

function writeOccupations(db: Database, model: CatalogueModel, embedder: HashedTfidfEmbedder): number {
  const occupation = db.prepare('INSERT INTO pricing_occupations (code, soc, wage_code, title, description, tasks) VALUES (?, ?, ?, ?, ?, ?)');
  const title = db.prepare('INSERT INTO pricing_titles (occupation_id, kind, title, match_text) VALUES (?, ?, ?, ?)');
  const fts = db.prepare('INSERT INTO pricing_occupations_fts (rowid, title, body) VALUES (?, ?, ?)');
  const titleVector = db.prepare('INSERT INTO pricing_vec_titles (rowid, embedding) VALUES (?, ?)');
  const descriptionVector = db.prepare('INSERT INTO pricing_vec_descriptions (rowid, embedding) VALUES (?, ?)');
  let titles = 0;
  for (const entry of model.occupations) {
    const id = Number(occupation.run(entry.code, entry.soc, entry.wageCode, entry.title, entry.description, entry.tasks.join('\n')).lastInsertRowid);
    for (const item of entry.titles) title.run(id, item.kind, item.title, item.words.join(' '));
    titles += entry.titles.length;
    const words = occupationDocumentWords(entry);
    fts.run(id, entry.titles[0]?.words.join(' ') ?? '', [...descriptionWords(entry.description), ...descriptionWords(entry.tasks.join(' '))].join(' '));
    titleVector.run(BigInt(id), vectorBlob(embedder.titleCentroid(entry.titles.map((item) => item.words))));
    descriptionVector.run(BigInt(id), vectorBlob(embedder.descriptionVector(words)));
  }
  db.exec("INSERT INTO pricing_titles_fts (pricing_titles_fts) VALUES ('rebuild')");
  return titles;
}

function writeWages(db: Database, model: CatalogueModel, now: number): number {
  db.prepare(`INSERT INTO pricing_sources (id, name, kind, publisher, licence, currency, effective_date, file_name, row_count, imported_at)
    VALUES (?, ?, 'bundled', ?, ?, ?, ?, 'resources/pricing/oews_national_M2024.tsv', ?, ?)`).run(
    blsSource.id, blsSource.name, blsSource.publisher, blsSource.licence, blsSource.currency, blsSource.effectiveDate, model.oews.occupations.length, now,
  );
  const rows: NewBenchmark[] = model.oews.occupations.flatMap((occupation) =>
    (['annual', 'hourly'] as const).map((payBasis) => ({
      sourceId: blsSource.id,
      jobCode: occupation.code,
      title: occupation.title,
      description: null,
      level: null,
      location: 'US',
      currency: blsSource.currency,
      payBasis,
      percentiles: payBasis === 'annual' ? occupation.annual : occupation.hourly,
      sample: occupation.employment,
      companies: null,
      effectiveDate: blsSource.effectiveDate,
      sourceRow: null,
    })),
  );
  insertBenchmarks(db, rows);
  const state = db.prepare('INSERT INTO pricing_state_factors (code, name, factor, state_median, national_median) VALUES (?, ?, ?, ?, ?)');
  for (const factor of model.states) state.run(factor.code, factor.name, factor.factor, factor.stateMedian, factor.nationalMedian);
  return model.oews.occupations.length;
}

export function buildCatalogue(db: Database, options: BuildOptions = {}): CatalogueStatus {
  const started = performance.now();
  const now = options.now?.() ?? Date.now();
  const model = modelCatalogue(options.texts ?? readSourceTexts());
  const embedder = new HashedTfidfEmbedder(model.titleStats, model.descriptionStats, options.dims ?? defaultDims);
  return db.transaction(() => {
    const current = readCatalogueStatus(db);
    if (options.onlyIfStale && current !== null && isCatalogueCurrent(db)) return current;
    db.exec(`DELETE FROM pricing_titles; DELETE FROM pricing_occupations; DELETE FROM pricing_occupations_fts;
      DELETE FROM pricing_survey_fts; DELETE FROM pricing_features; DELETE FROM pricing_state_factors;
      INSERT INTO pricing_titles_fts (pricing_titles_fts) VALUES ('delete-all');`);
    db.prepare('DELETE FROM pricing_sources WHERE id = ?').run(blsSource.id);
    createVectorTables(db, embedder.dims);
    saveStats(db, 'title', model.titleStats);
    saveStats(db, 'description', model.descriptionStats);
    const titles = writeOccupations(db, model, embedder);
    writeWages(db, model, now);
    // Survey rows were embedded with the old statistics: index them again with the new ones.
    indexSurveyBenchmarks(db, embedder);
    const withWages = model.occupations.filter((occupation) => occupation.wageCode !== null).length;
    const status: CatalogueStatus = {
      dataVersion: catalogueDataVersion,
      embedder: embedder.id,
      dims: embedder.dims,
      builtAt: now,
      buildMs: Math.round(performance.now() - started),
      occupations: model.occupations.length,
      titles,
      occupationsWithWages: withWages,
      states: model.states.length,
    };
    db.prepare("INSERT INTO pricing_meta (key, value) VALUES ('catalogue', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(status));
    return status;
  }).immediate();
}
