import type { Database } from 'better-sqlite3';
import type { HashedTfidfEmbedder } from '../text/embedder';
import { vectorBlob } from '../text/embedder';
import { analyseTitle, descriptionWords } from '../text/normalise';

/** sqlite-vec tables; their width follows the embedder, so the catalogue build (re)creates them. */
export const vectorTables = ['pricing_vec_titles', 'pricing_vec_descriptions', 'pricing_vec_survey_titles', 'pricing_vec_survey_descriptions'] as const;

export function createVectorTables(db: Database, dims: number): void {
  for (const table of vectorTables) {
    db.exec(`DROP TABLE IF EXISTS ${table}`);
    db.exec(`CREATE VIRTUAL TABLE ${table} USING vec0 (embedding float[${dims}] distance_metric=cosine)`);
  }
}

export function vectorTablesExist(db: Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('pricing_vec_titles', 'pricing_vec_survey_titles')").get() as { n: number };
  return row.n === 2;
}

interface SurveyText {
  id: number;
  title: string;
  description: string | null;
}

/** A survey job's text in the catalogue's terms: its title, then title and description. */
export function surveyDocumentWords(row: { title: string; description: string | null }): { title: string[]; body: string[] } {
  const title = analyseTitle(row.title).words;
  return { title, body: [...title, ...descriptionWords(row.description ?? '')] };
}

/** Indexes survey benchmark rows for matching (FTS and vectors); all of them when `ids` is absent. */
export function indexSurveyBenchmarks(db: Database, embedder: HashedTfidfEmbedder, ids?: readonly number[]): number {
  const rows = (
    ids === undefined
      ? db.prepare("SELECT b.id, b.title, b.description FROM pricing_benchmarks b JOIN pricing_sources s ON s.id = b.source_id WHERE s.kind = 'survey'").all()
      : ids.map((id) => db.prepare('SELECT id, title, description FROM pricing_benchmarks WHERE id = ?').get(id))
  ) as SurveyText[];
  const fts = db.prepare('INSERT INTO pricing_survey_fts (rowid, title, body) VALUES (?, ?, ?)');
  const titles = db.prepare('INSERT INTO pricing_vec_survey_titles (rowid, embedding) VALUES (?, ?)');
  const bodies = db.prepare('INSERT INTO pricing_vec_survey_descriptions (rowid, embedding) VALUES (?, ?)');
  for (const row of rows) {
    const words = surveyDocumentWords(row);
    fts.run(row.id, words.title.join(' '), words.body.join(' '));
    titles.run(BigInt(row.id), vectorBlob(embedder.titleVector(words.title)));
    bodies.run(BigInt(row.id), vectorBlob(embedder.descriptionVector(words.body)));
  }
  return rows.length;
}

/** Removes survey rows from the matching indexes (before their source is deleted). */
export function unindexSurveyBenchmarks(db: Database, ids: readonly number[]): void {
  const statements = ['DELETE FROM pricing_survey_fts WHERE rowid = ?', 'DELETE FROM pricing_vec_survey_titles WHERE rowid = ?', 'DELETE FROM pricing_vec_survey_descriptions WHERE rowid = ?'].map((sql) => db.prepare(sql));
  for (const id of ids) for (const statement of statements) statement.run(BigInt(id));
}
